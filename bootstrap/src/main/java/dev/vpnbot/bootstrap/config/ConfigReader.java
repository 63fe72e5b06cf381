package dev.vpnbot.bootstrap.config;

import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.domain.user.Language;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns configuration variables into an {@link AppConfig}, or into one line per problem. Every
 * problem is collected before failing, so the operator fixes them all in one go. A problem
 * names the variable and what it should look like; it never repeats a secret's value.
 */
public final class ConfigReader {
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d{3,}:[A-Za-z0-9_-]{20,}");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern CHAT = Pattern.compile("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final Duration MIN_RECONCILE = Duration.ofSeconds(5);
    private static final Duration MAX_RECONCILE = Duration.ofHours(24);
    // each round asks every panel about every active key: not more often than once a minute
    private static final Duration MIN_PANEL_DRIFT = Duration.ofMinutes(1);
    private static final Duration MAX_PANEL_DRIFT = Duration.ofHours(24);
    static final int MIN_SECRET_KEY_LENGTH = 32;
    static final int MIN_WEBHOOK_SECRET_LENGTH = 16;

    final Variables vars;
    final Purpose purpose;
    final List<String> problems = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    private ConfigReader(Variables vars, Purpose purpose) {
        this.vars = vars;
        this.purpose = purpose;
    }

    /** Reads and validates everything {@code purpose} needs; throws {@link InvalidConfiguration} listing every problem. */
    public static AppConfig read(Variables vars, Purpose purpose) {
        return new ConfigReader(vars, purpose).read();
    }

    private AppConfig read() {
        problems.addAll(vars.problems());
        warnings.addAll(vars.warnings());
        vars.exposure().ifPresent(warnings::add);

        TelegramConfig telegram = telegram();
        HttpConfig http = HttpConfigReader.read(this);
        DatabaseConfig database = database();
        Path dataDir = parse("DATA_DIR", this::path).orElse(AppConfig.DEFAULT_DATA_DIR);
        StarsConfig stars = StarsConfigReader.read(this);
        HeleketConfig heleket = heleket(http, stars.enabled());
        OperatorConfig operator = operator();
        Secret secretKey = secretKey();
        Duration reconcile = parse("RECONCILE_INTERVAL", this::reconcileInterval).orElse(AppConfig.DEFAULT_RECONCILE_INTERVAL);
        Duration panelDrift = parse("PANEL_DRIFT_INTERVAL", ConfigReader::panelDriftInterval).orElse(AppConfig.DEFAULT_PANEL_DRIFT_INTERVAL);
        BackupConfig backup = BackupConfig.read(vars, dataDir, problems);

        ShopLimits limits = LimitsConfigReader.read(this);

        SubscriptionConfig subscription = SubscriptionConfigReader.read(this);
        BalanceConfig balance = BalanceConfig.read(this);
        GrowthConfig growth = GrowthConfigReader.read(this);
        MovesConfig moves = MovesConfig.read(this);

        if (!problems.isEmpty()) throw new InvalidConfiguration(problems, vars.warnings());
        return new AppConfig(telegram, http, database, dataDir, heleket, operator, secretKey, reconcile, panelDrift, warnings, limits, stars, backup,
                subscription, balance, growth, moves);
    }

    private TelegramConfig telegram() {
        Secret token = null;
        Optional<String> rawToken = vars.get("BOT_TOKEN");
        if (purpose == Purpose.RUN) {
            if (rawToken.isEmpty()) {
                problems.add("BOT_TOKEN is not set: create a bot with @BotFather (/newbot) and put the token it gives you here");
            } else if (!BOT_TOKEN.matcher(rawToken.get()).matches()) {
                problems.add("BOT_TOKEN does not look like a bot token (digits, a colon, then about 35 letters, digits, - or _): copy it again from @BotFather");
            } else {
                token = Secret.of(rawToken.get());
            }
        }
        URI apiUrl = parse("TELEGRAM_API_URL", ConfigReader::httpUrl).orElse(TelegramConfig.DEFAULT_API_URL);
        TelegramMode mode = parse("TELEGRAM_MODE", ConfigReader::mode).orElse(TelegramMode.POLLING);
        Secret webhookSecret = null;
        if (mode == TelegramMode.WEBHOOK && purpose == Purpose.RUN) {
            Optional<String> raw = vars.get("TELEGRAM_WEBHOOK_SECRET");
            if (raw.isEmpty()) {
                problems.add("TELEGRAM_WEBHOOK_SECRET is not set: webhook mode needs one (1-256 letters, digits, - or _; e.g. `openssl rand -hex 32`)");
            } else if (!WEBHOOK_SECRET.matcher(raw.get()).matches()) {
                problems.add("TELEGRAM_WEBHOOK_SECRET may hold only letters, digits, - and _ (1-256 of them), as Telegram requires");
            } else if (raw.get().length() < MIN_WEBHOOK_SECRET_LENGTH) {
                problems.add("TELEGRAM_WEBHOOK_SECRET is too short: use at least " + MIN_WEBHOOK_SECRET_LENGTH
                        + " characters, or anyone can guess it and post forged updates (e.g. `openssl rand -hex 32`)");
            } else {
                webhookSecret = Secret.of(raw.get());
            }
        }
        // without a secret (reported above when running) there is no webhook to serve
        if (mode == TelegramMode.WEBHOOK && webhookSecret == null) mode = TelegramMode.POLLING;
        return new TelegramConfig(token, apiUrl, mode, webhookSecret, TelegramIntake.read(this));
    }

    private DatabaseConfig database() {
        Optional<String> url = vars.get("DATABASE_URL");
        if (url.isEmpty()) {
            if (purpose != Purpose.SANDBOX && (vars.get("DATABASE_USER").isPresent() || vars.get("DATABASE_PASSWORD").isPresent())) {
                warnings.add("DATABASE_USER/DATABASE_PASSWORD are ignored: DATABASE_URL is not set, so the embedded database is used");
            }
            return DatabaseConfig.embedded();
        }
        if (!url.get().startsWith("jdbc:postgresql://")) {
            // the value is not repeated: such URLs often carry a password
            problems.add("DATABASE_URL must start with jdbc:postgresql:// (e.g. jdbc:postgresql://127.0.0.1:5432/vpnbot); "
                    + "put the user and password into DATABASE_USER and DATABASE_PASSWORD");
            return DatabaseConfig.embedded();
        }
        return new DatabaseConfig(url.get(), vars.get("DATABASE_USER").orElse(null),
                vars.get("DATABASE_PASSWORD").map(Secret::of).orElse(null));
    }

    /** @param starsEnabled Stars are a way to pay: the shop can run without Heleket */
    private HeleketConfig heleket(HttpConfig http, boolean starsEnabled) {
        boolean testMode = parse("PAYMENT_TEST_MODE", ConfigReader::bool).orElse(false);
        Optional<String> merchant = vars.get("HELEKET_MERCHANT_ID");
        Optional<String> key = vars.get("HELEKET_API_KEY");
        String merchantId = null;
        Secret apiKey = null;
        if (merchant.isPresent()) {
            try {
                merchantId = UUID.fromString(merchant.get()).toString();
            } catch (IllegalArgumentException e) {
                problems.add("HELEKET_MERCHANT_ID must be the merchant UUID from Heleket's merchant settings (8-4-4-4-12 hex digits)");
            }
        }
        if (key.isPresent()) {
            if (key.get().chars().anyMatch(Character::isWhitespace)) {
                problems.add("HELEKET_API_KEY contains spaces: copy the payment API key again from Heleket");
            } else {
                apiKey = Secret.of(key.get());
            }
        }
        boolean runsPayments = purpose == Purpose.RUN && !testMode && !starsEnabled;
        if (merchant.isPresent() != key.isPresent() && purpose != Purpose.SANDBOX) {
            problems.add((merchant.isPresent() ? "HELEKET_API_KEY" : "HELEKET_MERCHANT_ID")
                    + " is not set: HELEKET_MERCHANT_ID and HELEKET_API_KEY go together");
        } else if (runsPayments && merchant.isEmpty()) {
            problems.add("HELEKET_MERCHANT_ID and HELEKET_API_KEY are not set: take them from Heleket (merchant settings → API), "
                    + "or set STARS_ENABLED=true to sell for Telegram Stars only, or PAYMENT_TEST_MODE=true to try the bot without real payments");
        }
        if (merchantId == null || apiKey == null) {
            merchantId = null;
            apiKey = null;
        }
        URI apiUrl = parse("HELEKET_API_URL", ConfigReader::httpUrl).orElse(HeleketConfig.DEFAULT_API_URL);
        IpRanges ips = parse("HELEKET_WEBHOOK_IPS", IpRanges::parse).orElse(IpRanges.parse(HeleketConfig.DEFAULT_WEBHOOK_IPS));
        if (purpose == Purpose.RUN && testMode && merchantId != null && !parse("PAYMENT_TEST_MODE_FORCE", ConfigReader::bool).orElse(false)) {
            problems.add("PAYMENT_TEST_MODE=true next to real Heleket keys: buyers could take keys without paying while real "
                    + "payments run. Remove PAYMENT_TEST_MODE, or set PAYMENT_TEST_MODE_FORCE=true if you really mean both");
        }
        if (purpose == Purpose.RUN) {
            if (testMode) {
                warnings.add("PAYMENT_TEST_MODE is on: users can mark orders paid without paying. Never use it with real customers");
            }
            if (merchantId != null && http.publicUrl() == null) {
                warnings.add("PUBLIC_URL is not set: Heleket cannot send payment notifications, so payments are found only by "
                        + "reconciliation (every RECONCILE_INTERVAL) and by the user's \"Check payment\" button");
            }
        }
        return new HeleketConfig(merchantId, apiKey, apiUrl, ips, testMode);
    }

    private OperatorConfig operator() {
        Set<Long> admins = parse("ADMIN_IDS", ConfigReader::adminIds).orElse(Set.of());
        if (purpose == Purpose.RUN && admins.isEmpty() && vars.get("ADMIN_IDS").isEmpty()) {
            warnings.add("ADMIN_IDS is not set: nobody can open the admin panel and alerts (failed deliveries, underpayments) reach no one; "
                    + "your Telegram id is what @userinfobot tells you");
        }
        String support = parse("SUPPORT_CHAT_ID", ConfigReader::chat).orElse(null);
        Language language = parse("DEFAULT_LANGUAGE", ConfigReader::language).orElse(Language.DEFAULT);
        ZoneId zone = parse("TIME_ZONE", ConfigReader::zone).orElse(OperatorConfig.DEFAULT_TIME_ZONE);
        return new OperatorConfig(admins, support, language, zone);
    }

    private Secret secretKey() {
        Optional<String> raw = vars.get("SECRET_KEY");
        if (raw.isPresent() && raw.get().length() < MIN_SECRET_KEY_LENGTH) {
            problems.add("SECRET_KEY is too short: use at least " + MIN_SECRET_KEY_LENGTH + " characters (e.g. `openssl rand -base64 32`)");
            return null;
        }
        if (raw.isPresent()) {
            try {
                SecretBox.parseKey(raw.get()); // the key the database adapter will use: refused here, before anything starts
            } catch (IllegalArgumentException e) {
                problems.add("SECRET_KEY is not 32 bytes: write 32 random bytes as 64 hex digits or base64 "
                        + "(`openssl rand -base64 32`); a passphrase is refused on purpose");
                return null;
            }
        }
        if (raw.isEmpty() && (purpose == Purpose.RUN || purpose == Purpose.OPERATE)) {
            problems.add("SECRET_KEY is not set: it encrypts the panel passwords stored in the database; make one with "
                    + "`openssl rand -base64 32` and keep a copy (without it stored panel passwords cannot be read)");
        }
        return raw.map(Secret::of).orElse(null);
    }

    /** Parses the variable if set; a failure becomes a problem naming the variable. */
    <T> Optional<T> parse(String name, Function<String, T> parser) {
        Optional<String> raw = vars.get(name);
        if (raw.isEmpty()) return Optional.empty();
        try {
            return Optional.of(parser.apply(raw.get()));
        } catch (IllegalArgumentException | DateTimeException e) {
            problems.add(name + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static URI httpUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + value + "' must start with https:// (or http://)");
        }
        if (uri.getHost() == null) throw new IllegalArgumentException("'" + value + "' has no host");
        if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("'" + uri.getScheme() + "://" + uri.getHost() + "…' must not carry a user, query or fragment");
        }
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.replaceAll("/+$", "")) : uri;
    }


    private static TelegramMode mode(String value) {
        try {
            return TelegramMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a mode: write polling or webhook");
        }
    }


    private Path path(String value) {
        try {
            Path p = Path.of(value);
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException("'" + value + "' exists and is not a directory");
            }
            return p;
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid path");
        }
    }

    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        };
    }

    private static Set<Long> adminIds(String value) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : value.split("[,\\s]+")) {
            if (part.isBlank()) continue;
            try {
                long id = Long.parseLong(part);
                if (id <= 0) throw new NumberFormatException();
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part + "' is not a Telegram user id (a positive number; @userinfobot tells yours)");
            }
        }
        return ids;
    }

    private static String chat(String value) {
        if (!CHAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a chat id (a number such as -1001234567890) or a @channel name");
        }
        return value;
    }

    private static Language language(String value) {
        return Language.parse(value);
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time zone (e.g. Europe/Moscow, UTC)");
        }
    }

    private Duration reconcileInterval(String value) {
        Duration d = DurationText.parse(value);
        if (d.compareTo(MIN_RECONCILE) < 0 || d.compareTo(MAX_RECONCILE) > 0) {
            throw new IllegalArgumentException("must be between 5s and 24h, got " + value);
        }
        return d;
    }

    /** "0" or "off" switches the repair off; otherwise a duration within bounds. */
    private static Duration panelDriftInterval(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("0")) return Duration.ZERO;
        Duration d = DurationText.parse(value);
        if (d.isZero()) return Duration.ZERO;
        if (d.compareTo(MIN_PANEL_DRIFT) < 0 || d.compareTo(MAX_PANEL_DRIFT) > 0) {
            throw new IllegalArgumentException("must be between 1m and 24h (or 0/off to switch the repair off), got " + value);
        }
        return d;
    }

}
