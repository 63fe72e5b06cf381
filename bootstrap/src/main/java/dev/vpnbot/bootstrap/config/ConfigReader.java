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
    private static final Set<Integer> TELEGRAM_WEBHOOK_PORTS = Set.of(443, 80, 88, 8443);
    private static final Duration MIN_RECONCILE = Duration.ofSeconds(5);
    private static final Duration MAX_RECONCILE = Duration.ofHours(24);
    // each round asks every panel about every active key: not more often than once a minute
    private static final Duration MIN_PANEL_DRIFT = Duration.ofMinutes(1);
    private static final Duration MAX_PANEL_DRIFT = Duration.ofHours(24);
    static final int MIN_SECRET_KEY_LENGTH = 32;
    static final int MIN_WEBHOOK_SECRET_LENGTH = 16;

    private final Variables vars;
    private final Purpose purpose;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

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
        HttpConfig http = http(telegram);
        DatabaseConfig database = database();
        Path dataDir = parse("DATA_DIR", this::path).orElse(AppConfig.DEFAULT_DATA_DIR);
        StarsConfig stars = new StarsConfig(parse("STARS_ENABLED", ConfigReader::bool).orElse(false),
                parse("STARS_PER_UNIT", StarsConfig::rate).orElse(null), parse("STARS_ONLY_FOR_PAYING_USERS", ConfigReader::bool).orElse(false));
        HeleketConfig heleket = heleket(http, stars.enabled());
        OperatorConfig operator = operator();
        Secret secretKey = secretKey();
        Duration reconcile = parse("RECONCILE_INTERVAL", this::reconcileInterval).orElse(AppConfig.DEFAULT_RECONCILE_INTERVAL);
        Duration panelDrift = parse("PANEL_DRIFT_INTERVAL", ConfigReader::panelDriftInterval).orElse(AppConfig.DEFAULT_PANEL_DRIFT_INTERVAL);
        BackupConfig backup = BackupConfig.read(vars, dataDir, problems);

        ShopLimits limits = limits();

        SubscriptionConfig subscription = subscription();

        if (!problems.isEmpty()) throw new InvalidConfiguration(problems, vars.warnings());
        return new AppConfig(telegram, http, database, dataDir, heleket, operator, secretKey, reconcile, panelDrift, warnings, limits, stars, backup,
                subscription);
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
        return new TelegramConfig(token, apiUrl, mode, webhookSecret);
    }

    private HttpConfig http(TelegramConfig telegram) {
        int port = parse("HTTP_PORT", ConfigReader::port).orElse(HttpConfig.DEFAULT_PORT);
        URI publicUrl = parse("PUBLIC_URL", ConfigReader::httpUrl).orElse(null);
        boolean webhookWanted = vars.get("TELEGRAM_MODE").map(m -> m.equalsIgnoreCase("webhook")).orElse(false);
        if (purpose == Purpose.RUN && webhookWanted) {
            if (vars.get("PUBLIC_URL").isEmpty()) {
                problems.add("PUBLIC_URL is not set: in webhook mode Telegram needs the https address of this bot (e.g. https://bot.example.com)");
            } else if (publicUrl != null && !publicUrl.getScheme().equals("https")) {
                problems.add("PUBLIC_URL must be https:// in webhook mode: Telegram delivers webhooks over TLS only");
            } else if (publicUrl != null && publicUrl.getPort() != -1 && !TELEGRAM_WEBHOOK_PORTS.contains(publicUrl.getPort())) {
                problems.add("PUBLIC_URL uses port " + publicUrl.getPort() + ": Telegram delivers webhooks only to ports 443, 80, 88 or 8443");
            }
        }
        IpRanges proxies = parse("TRUSTED_PROXIES", IpRanges::parse).orElse(IpRanges.none());
        String bind = parse("HTTP_BIND", ConfigReader::bindAddress).orElse(HttpConfig.DEFAULT_BIND);
        Secret metricsToken = parse("METRICS_TOKEN", ConfigReader::metricsToken).orElse(null);
        if (purpose == Purpose.RUN && metricsToken == null && !IpRange.parse(bind).network().isLoopbackAddress()) {
            warnings.add("HTTP_BIND=" + bind + " opens the HTTP server beyond this machine while METRICS_TOKEN is not set: "
                    + "anyone who reaches the port reads /metrics (set METRICS_TOKEN, or keep the port behind a firewall)");
        }
        return new HttpConfig(port, publicUrl, proxies, bind, metricsToken);
    }

    private SubscriptionConfig subscription() {
        String title = vars.get("SUBSCRIPTION_TITLE").map(String::strip).orElse(SubscriptionConfig.DEFAULT_TITLE);
        if (title.length() > 64) {
            problems.add("SUBSCRIPTION_TITLE is " + title.length() + " characters: apps show about 30, 64 at most are accepted");
        }
        int hours = parse("SUBSCRIPTION_UPDATE_HOURS", v -> boundedInt(v, 1, 168, "a whole number of hours, 1 to 168"))
                .orElse(SubscriptionConfig.DEFAULT_UPDATE_HOURS);
        URI support = parse("SUPPORT_URL", ConfigReader::httpUrl).orElse(null);
        URI bot = parse("BOT_URL", ConfigReader::httpUrl).orElse(null);
        String announce = vars.get("SUBSCRIPTION_ANNOUNCE").map(String::strip).orElse(null);
        if (announce != null && announce.length() > 200) {
            problems.add("SUBSCRIPTION_ANNOUNCE is " + announce.length() + " characters: Happ shows at most 200");
        }
        int rate = parse("SUBSCRIPTION_RATE_LIMIT", v -> boundedInt(v, 1, 1_000_000, "requests per minute and address, 1 or more"))
                .orElse(SubscriptionConfig.DEFAULT_REQUESTS_PER_MINUTE);
        return new SubscriptionConfig(title.isEmpty() ? SubscriptionConfig.DEFAULT_TITLE : title, hours, support, bot, announce, rate);
    }

    private static int boundedInt(String value, int min, int max, String what) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be " + what);
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
    private <T> Optional<T> parse(String name, Function<String, T> parser) {
        Optional<String> raw = vars.get(name);
        if (raw.isEmpty()) return Optional.empty();
        try {
            return Optional.of(parser.apply(raw.get()));
        } catch (IllegalArgumentException | DateTimeException e) {
            problems.add(name + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static URI httpUrl(String value) {
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

    private static String bindAddress(String value) {
        if (value.contains("/")) throw new IllegalArgumentException("'" + value + "' is a block; write one address");
        try {
            IpRange.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not an IP address: write 127.0.0.1 (default, only this machine), "
                    + "0.0.0.0 (every interface, e.g. in a container) or one of this machine's addresses");
        }
        return value;
    }

    private static Secret metricsToken(String value) {
        if (value.length() < 16 || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("use at least 16 characters without spaces (e.g. `openssl rand -hex 24`)");
        }
        return Secret.of(value);
    }

    private static TelegramMode mode(String value) {
        try {
            return TelegramMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a mode: write polling or webhook");
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) return port; // 0: any free port (tests)
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + value + "' is not a port number (1-65535)");
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

    private static boolean bool(String value) {
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

    private ShopLimits limits() {
        int openOrders = parse("MAX_OPEN_ORDERS", v -> positive(v, 1, 100)).orElse(ShopLimits.DEFAULT_MAX_OPEN_ORDERS);
        int actions = parse("USER_ACTIONS_PER_MINUTE", v -> positive(v, 5, 10_000)).orElse(ShopLimits.DEFAULT_USER_ACTIONS_PER_MINUTE);
        Duration late = parse("LATE_PAYMENT_WINDOW", ConfigReader::latePaymentWindow).orElse(ShopLimits.DEFAULT_LATE_PAYMENT_WINDOW);
        return new ShopLimits(openOrders, actions, late);
    }

    private static int positive(String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number between " + min + " and " + max + ", got " + value);
        }
        if (n < min || n > max) throw new IllegalArgumentException("must be between " + min + " and " + max + ", got " + value);
        return n;
    }

    private static Duration latePaymentWindow(String value) {
        Duration d = DurationText.parse(value);
        if (d.compareTo(Duration.ofDays(30)) > 0) throw new IllegalArgumentException("must be at most 30d, got " + value);
        return d;
    }
}
