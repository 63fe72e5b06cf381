package dev.vpnbot.bootstrap.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration variables as the process sees them: the environment over an optional
 * {@code .env} file (the environment wins). Blank values count as unset.
 */
public final class Variables {
    /** Every variable the bot reads; README documents each one. */
    public static final Set<String> KNOWN = Set.of(
            "BOT_TOKEN", "TELEGRAM_API_URL", "TELEGRAM_MODE", "PUBLIC_URL", "TELEGRAM_WEBHOOK_SECRET", "HTTP_PORT",
            "TELEGRAM_UPDATE_QUEUE", "TELEGRAM_UPDATE_WORKERS",
            "DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "DATA_DIR", "HELEKET_MERCHANT_ID", "HELEKET_API_KEY",
            "HELEKET_API_URL", "HELEKET_WEBHOOK_IPS", "TRUSTED_PROXIES", "ADMIN_IDS", "SECRET_KEY", "PAYMENT_TEST_MODE",
            "SUPPORT_CHAT_ID", "DEFAULT_LANGUAGE", "TIME_ZONE", "RECONCILE_INTERVAL",
            "PANEL_DRIFT_INTERVAL",
            "MAX_OPEN_ORDERS", "USER_ACTIONS_PER_MINUTE", "LATE_PAYMENT_WINDOW", "PROMO_STACKING", "GIFT_VALID_DAYS",
            "HTTP_BIND", "METRICS_TOKEN", "PAYMENT_TEST_MODE_FORCE",
            "STARS_ENABLED", "STARS_PER_UNIT", "STARS_ONLY_FOR_PAYING_USERS",
            "BACKUP_INTERVAL", "BACKUP_CHAT_ID", "BACKUP_DIR", "BACKUP_KEEP", "BACKUP_MAX_MB", "PG_DUMP",
            "SUBSCRIPTION_TITLE", "SUBSCRIPTION_UPDATE_HOURS", "SUPPORT_URL", "BOT_URL", "SUBSCRIPTION_ANNOUNCE",
            "SUBSCRIPTION_RATE_LIMIT",
            "AUTO_RENEW_DAYS", "TOPUP_PRESETS",
            "TRIAL_ENABLED", "TRIAL_DAYS", "TRIAL_LIMIT_IP", "TRIAL_TRAFFIC_GB", "TRIAL_REQUIRE_USERNAME", "TRIAL_MIN_ACCOUNT_AGE",
            "TRIAL_CHANNEL", "REFERRAL_ENABLED", "REFERRAL_REWARD_DAYS", "BOT_USERNAME",
            "REFERRAL_REWARD", "REFERRAL_DISCOUNT_PERCENT",
            "MOVES_PER_DAY", "MOVE_DELETE_DELAY");

    /** The variables a .env file must not show to other users of the machine. */
    private static final Set<String> SECRETS = Set.of("BOT_TOKEN", "SECRET_KEY", "HELEKET_API_KEY", "DATABASE_PASSWORD",
            "TELEGRAM_WEBHOOK_SECRET", "METRICS_TOKEN", "POSTGRES_PASSWORD", "VPNBOT_OWNER_PASSWORD", "VPNBOT_APP_PASSWORD");

    /** Read by the deployment around the bot (Compose, the JVM, logging), not by the bot: no warning for them in .env. */
    private static final Set<String> DEPLOYMENT = Set.of("POSTGRES_PASSWORD", "JAVA_OPTS", "VPNBOT_LOG_LEVEL",
            "VPNBOT_OWNER_PASSWORD", "VPNBOT_APP_PASSWORD");

    private final Map<String, String> values;
    private final List<String> problems;
    private final List<String> warnings;
    private final String exposure;

    private Variables(Map<String, String> values, List<String> problems, List<String> warnings, String exposure) {
        this.values = Map.copyOf(values);
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
        this.exposure = exposure;
    }

    public static Variables of(Map<String, String> values) {
        return new Variables(values, List.of(), List.of(), null);
    }

    /**
     * The process environment over the {@code .env} file at {@code dotEnv} (which may be absent).
     * Every unknown name in the file is a warning; an unknown name in the environment only when it
     * is close to one of ours (the environment holds the whole shell's variables).
     */
    public static Variables fromEnvironment(Map<String, String> environment, Path dotEnv) {
        DotEnvFile.Contents file = DotEnvFile.read(dotEnv);
        List<String> warnings = new ArrayList<>();
        for (String name : file.variables().keySet()) {
            if (KNOWN.contains(name) || DEPLOYMENT.contains(name)) continue;
            warnings.add(dotEnv + " sets " + name + ", which vpnbot does not read: "
                    + TypoHints.meant(name, KNOWN).map(k -> "a typo of " + k + "?").orElse("a typo?"));
        }
        environment.keySet().stream().sorted()
                .filter(name -> !KNOWN.contains(name) && !DEPLOYMENT.contains(name) && !file.variables().containsKey(name))
                .forEach(name -> TypoHints.meant(name, KNOWN).ifPresent(k ->
                        warnings.add("the environment sets " + name + ", which vpnbot does not read: a typo of " + k + "?")));
        Map<String, String> merged = new HashMap<>(file.variables());
        merged.putAll(environment);
        boolean holdsSecrets = SECRETS.stream().anyMatch(name -> !file.variables().getOrDefault(name, "").isBlank());
        String exposure = holdsSecrets ? DotEnvFile.readableByOthers(dotEnv).map(mode -> dotEnv + " is readable by every user of "
                + "this machine (" + mode + ") and holds the bot's secrets: chmod 600 " + dotEnv).orElse(null) : null;
        return new Variables(merged, file.problems(), warnings, exposure);
    }

    /** A warning when the .env file that holds secrets can be read by anyone on the machine. */
    public Optional<String> exposure() {
        return Optional.ofNullable(exposure);
    }

    public Optional<String> get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** Problems with the file itself (unreadable lines). */
    public List<String> problems() {
        return problems;
    }

    /** Names that are probably typos of ours, one line each; worth showing even when start-up stops. */
    public List<String> warnings() {
        return warnings;
    }
}
