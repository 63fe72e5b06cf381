package dev.vpnbot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.ConfigReader;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.config.Secret;
import dev.vpnbot.bootstrap.config.TelegramConfig;
import dev.vpnbot.bootstrap.config.Variables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The update queue's bound and workers the operator configured are the ones the Telegram adapter is given. */
class TelegramIntakeWiringTest {

    private static TelegramSettings settingsFrom(Map<String, String> env) {
        AppConfig read = ConfigReader.read(Variables.of(env), Purpose.MIGRATE);
        // migrate reads no bot token: give the configuration read one
        TelegramConfig telegram = new TelegramConfig(Secret.of("123456:test-token-test-token-test"), read.telegram().apiUrl(),
                read.telegram().mode(), null, read.telegram().intake());
        AppConfig base = TestConfig.appConfig(false);
        return new TelegramModule().settings(telegram, base.operator(), base.http(), base.heleket(), base.limits(), base.stars());
    }

    @Test
    void the_configured_queue_and_workers_reach_the_adapter() {
        TelegramSettings settings = settingsFrom(Map.of("TELEGRAM_UPDATE_QUEUE", "250", "TELEGRAM_UPDATE_WORKERS", "3"));
        assertThat(settings.updateQueue()).isEqualTo(250);
        assertThat(settings.updateWorkers()).isEqualTo(3);
    }

    @Test
    void unset_the_adapters_defaults_apply() {
        TelegramSettings settings = settingsFrom(Map.of());
        assertThat(settings.updateQueue()).isEqualTo(TelegramSettings.DEFAULT_UPDATE_QUEUE).isEqualTo(1000);
        assertThat(settings.updateWorkers()).isEqualTo(TelegramSettings.DEFAULT_UPDATE_WORKERS).isEqualTo(8);
    }
}
