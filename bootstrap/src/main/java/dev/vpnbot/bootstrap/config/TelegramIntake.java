package dev.vpnbot.bootstrap.config;

import dev.vpnbot.adapter.telegram.TelegramSettings;

/**
 * The bounded way from Telegram to the screens (docs/ARCHITECTURE.md, "Overload").
 *
 * @param updateQueue   updates waiting or being handled at once, at most; beyond it a user is answered
 *                      "busy, try again" (TELEGRAM_UPDATE_QUEUE, 1-100000, default 1000)
 * @param updateWorkers threads handling updates (TELEGRAM_UPDATE_WORKERS, 1-64, default 8)
 */
public record TelegramIntake(int updateQueue, int updateWorkers) {
    public static final int DEFAULT_UPDATE_QUEUE = TelegramSettings.DEFAULT_UPDATE_QUEUE;
    public static final int DEFAULT_UPDATE_WORKERS = TelegramSettings.DEFAULT_UPDATE_WORKERS;
    static final int MAX_UPDATE_QUEUE = 100_000;
    // more threads than this only wait for the database pool's few connections
    static final int MAX_UPDATE_WORKERS = 64;

    public TelegramIntake {
        if (updateQueue < 1 || updateQueue > MAX_UPDATE_QUEUE) throw new IllegalArgumentException("the update queue must hold 1 to 100000 updates");
        if (updateWorkers < 1 || updateWorkers > MAX_UPDATE_WORKERS) throw new IllegalArgumentException("updates need 1 to 64 workers");
    }

    public static TelegramIntake defaults() {
        return new TelegramIntake(DEFAULT_UPDATE_QUEUE, DEFAULT_UPDATE_WORKERS);
    }

    static TelegramIntake read(ConfigReader in) {
        return new TelegramIntake(
                in.parse("TELEGRAM_UPDATE_QUEUE", v -> LimitsConfigReader.positive(v, 1, MAX_UPDATE_QUEUE)).orElse(DEFAULT_UPDATE_QUEUE),
                in.parse("TELEGRAM_UPDATE_WORKERS", v -> LimitsConfigReader.positive(v, 1, MAX_UPDATE_WORKERS)).orElse(DEFAULT_UPDATE_WORKERS));
    }
}
