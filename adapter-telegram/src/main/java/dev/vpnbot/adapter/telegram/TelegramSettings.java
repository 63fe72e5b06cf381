package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.notify.NoticeSettings;
import dev.vpnbot.adapter.telegram.outbox.OutboxSettings;
import dev.vpnbot.adapter.telegram.shop.ShopSettings;
import dev.vpnbot.domain.user.Language;
import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * How the Telegram adapter is set up by the operator. The bot token and the secrets never
 * appear in {@link #toString()} or in any error message.
 *
 * @param botToken          the token from @BotFather
 * @param apiBaseUrl        the Bot API server: {@code https://api.telegram.org}, a local Bot API
 *                          server, or a relay; scheme, host and port only (the library cannot add a path)
 * @param mode              how updates arrive
 * @param webhookSecret     the {@code X-Telegram-Bot-Api-Secret-Token} Telegram must send; required for webhooks
 * @param adminIds          Telegram user ids of the operators: they get the admin panel, alerts (and
 *                          support messages when there is no support chat); the admin use cases must
 *                          be given the same ids
 * @param supportChatId     the chat (usually a group) where support messages go; null sends them to the admins
 * @param defaultZone       the zone for dates of users who have not chosen one
 * @param defaultLanguage   the language of the command menu and of admin messages
 * @param publicUrl         where our HTTP server is reachable from outside (for {@code /connect} and the
 *                          webhook); null disables one-tap import buttons
 * @param paymentTestMode   the operator runs against a test gateway; texts say so, and order summaries
 *                          get a "Pay (test)" button (needs {@link dev.vpnbot.adapter.telegram.shop.TelegramUseCases#payInTestMode()})
 * @param connectLinkSecret key that signs {@code /connect} links; null derives one from the bot token
 * @param userActionsPerMinute button presses and messages one user may send a minute (admins: no limit);
 *                          support messages get an eighth of it (at least 3)
 * @param updateQueue       updates waiting or being handled at once, at most: beyond it an update is
 *                          answered "busy, try again" and dropped (Stars payments and admins excepted)
 * @param updateWorkers     threads handling updates (different users' in parallel, one user's in order)
 */
public record TelegramSettings(String botToken, URI apiBaseUrl, UpdateMode mode, String webhookSecret,
                               Set<Long> adminIds, Long supportChatId, ZoneId defaultZone,
                               Language defaultLanguage, URI publicUrl, boolean paymentTestMode,
                               String connectLinkSecret, int userActionsPerMinute, boolean cryptoPayments,
                               int updateQueue, int updateWorkers) implements OutboxSettings, ShopSettings, NoticeSettings {

    /** Where bootstrap mounts {@link dev.vpnbot.adapter.telegram.web.TelegramWebhookEndpoint}. */
    public static final String WEBHOOK_PATH = "/webhooks/telegram";
    /** Where bootstrap mounts {@link dev.vpnbot.adapter.telegram.web.ConnectPage}. */
    public static final String CONNECT_PATH = "/connect";
    public static final URI OFFICIAL_API = URI.create("https://api.telegram.org");
    /**
     * Half a second of updates at 2,000 a second, five at 200: the longest a user waits before the
     * bot starts on their update (bench/bot.sh showed 4,000 kept users 10-20 s for a screen).
     */
    public static final int DEFAULT_UPDATE_QUEUE = 1_000;
    /**
     * A screen is a few short queries and at most one commit, so a thread mostly waits for
     * PostgreSQL: eight keep every connection of the database pool busy (five by default, waiting
     * in the pool is cheap) while the others draw and send their screens.
     */
    public static final int DEFAULT_UPDATE_WORKERS = 8;

    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{1,100}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    /** Long polling (no public URL needed) or webhook (Telegram calls our HTTP server). */
    public enum UpdateMode { LONG_POLLING, WEBHOOK }

    public TelegramSettings {
        Objects.requireNonNull(botToken, "bot token");
        if (!TOKEN.matcher(botToken.strip()).matches()) {
            throw new IllegalArgumentException("the bot token does not look like '<digits>:<letters>' (value not shown)");
        }
        botToken = botToken.strip();
        apiBaseUrl = apiBaseUrl == null ? OFFICIAL_API : checkApiBase(apiBaseUrl);
        Objects.requireNonNull(mode, "mode");
        webhookSecret = blankToNull(webhookSecret);
        if (webhookSecret != null && !SECRET.matcher(webhookSecret).matches()) {
            throw new IllegalArgumentException("the webhook secret must be 1-256 characters of A-Z a-z 0-9 _ - (Telegram's rule)");
        }
        adminIds = adminIds == null ? Set.of() : Set.copyOf(adminIds);
        for (Long id : adminIds) {
            if (id == null || id <= 0) throw new IllegalArgumentException("admin ids are Telegram user ids (positive): " + id);
        }
        if (supportChatId != null && supportChatId == 0) throw new IllegalArgumentException("support chat id cannot be 0");
        Objects.requireNonNull(defaultZone, "default zone");
        Objects.requireNonNull(defaultLanguage, "default language");
        publicUrl = publicUrl == null ? null : checkPublicUrl(publicUrl);
        connectLinkSecret = blankToNull(connectLinkSecret);
        if (userActionsPerMinute < 1) throw new IllegalArgumentException("user actions per minute must be positive");
        if (updateQueue < 1) throw new IllegalArgumentException("the update queue must hold at least one update");
        if (updateWorkers < 1) throw new IllegalArgumentException("updates need at least one worker");
        if (connectLinkSecret != null && connectLinkSecret.length() < 16) {
            throw new IllegalArgumentException("the connect link secret must be at least 16 characters");
        }
        if (mode == UpdateMode.WEBHOOK) {
            if (webhookSecret == null) throw new IllegalArgumentException("webhook mode needs a webhook secret");
            if (publicUrl == null) throw new IllegalArgumentException("webhook mode needs the public URL Telegram will call");
            if (!"https".equals(publicUrl.getScheme())) {
                throw new IllegalArgumentException("Telegram delivers webhooks over HTTPS only; the public URL must be https://");
            }
        }
    }

    /** Starts settings with long polling against the official Bot API, Russian and UTC. */
    public static Builder builder(String botToken) {
        return new Builder(botToken);
    }

    /** The Bot API address in the form the telegrambots library takes. */
    @Override
    public TelegramUrl telegramUrl() {
        boolean https = "https".equals(apiBaseUrl.getScheme());
        int port = apiBaseUrl.getPort() != -1 ? apiBaseUrl.getPort() : https ? 443 : 80;
        return new TelegramUrl(apiBaseUrl.getScheme(), apiBaseUrl.getHost(), port, false);
    }

    public String webhookUrl() {
        return publicUrl == null ? null : publicUrl + WEBHOOK_PATH;
    }

    public String connectUrl() {
        return publicUrl == null ? null : publicUrl + CONNECT_PATH;
    }

    @Override
    public String subscriptionBaseUrl() {
        return publicUrl == null ? null : publicUrl.toString();
    }

    /** Where a support message goes: the support chat, else every admin. */
    @Override
    public Set<Long> supportDestinations() {
        return supportChatId != null ? Set.of(supportChatId) : adminIds;
    }

    /** Where alerts go: the admins, else the support chat. */
    @Override
    public Set<Long> alertDestinations() {
        if (!adminIds.isEmpty()) return adminIds;
        return supportChatId != null ? Set.of(supportChatId) : Set.of();
    }

    @Override
    public boolean isAdmin(long userId) {
        return adminIds.contains(userId);
    }

    @Override
    public String toString() {
        return "TelegramSettings[botToken=***, apiBaseUrl=" + apiBaseUrl + ", mode=" + mode
                + ", webhookSecret=" + (webhookSecret == null ? "none" : "***") + ", adminIds=" + adminIds
                + ", supportChatId=" + supportChatId + ", defaultZone=" + defaultZone + ", defaultLanguage=" + defaultLanguage
                + ", publicUrl=" + publicUrl + ", paymentTestMode=" + paymentTestMode
                + ", connectLinkSecret=" + (connectLinkSecret == null ? "derived" : "***") + "]";
    }

    private static URI checkApiBase(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Bot API URL must start with http:// or https://, got '" + uri + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) throw new IllegalArgumentException("Bot API URL has no host: '" + uri + "'");
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Bot API URL must be scheme://host[:port] only (the client adds /bot<token>/<method>), got '" + uri + "'");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    private static URI checkPublicUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("public URL must start with http:// or https://, got '" + uri + "'");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("public URL must be scheme://host[:port][/path] without query, got '" + uri + "'");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Fluent construction for bootstrap and tests. */
    public static final class Builder {
        private final String botToken;
        private URI apiBaseUrl = OFFICIAL_API;
        private UpdateMode mode = UpdateMode.LONG_POLLING;
        private String webhookSecret;
        private Set<Long> adminIds = Set.of();
        private Long supportChatId;
        private ZoneId defaultZone = ZoneId.of("UTC");
        private Language defaultLanguage = Language.DEFAULT;
        private URI publicUrl;
        private boolean paymentTestMode;
        private String connectLinkSecret;
        private int userActionsPerMinute = 40;
        private boolean cryptoPayments = true;
        private int updateQueue = DEFAULT_UPDATE_QUEUE;
        private int updateWorkers = DEFAULT_UPDATE_WORKERS;

        private Builder(String botToken) {
            this.botToken = botToken;
        }

        public Builder apiBaseUrl(String url) { apiBaseUrl = url == null || url.isBlank() ? OFFICIAL_API : URI.create(url.strip()); return this; }
        public Builder longPolling() { mode = UpdateMode.LONG_POLLING; return this; }
        public Builder webhook(String secret) { mode = UpdateMode.WEBHOOK; webhookSecret = secret; return this; }
        public Builder webhookSecret(String secret) { webhookSecret = secret; return this; }
        public Builder adminIds(Set<Long> ids) { adminIds = ids; return this; }
        public Builder supportChatId(Long id) { supportChatId = id; return this; }
        public Builder defaultZone(ZoneId zone) { defaultZone = zone; return this; }
        public Builder defaultLanguage(Language language) { defaultLanguage = language; return this; }
        public Builder publicUrl(String url) { publicUrl = url == null || url.isBlank() ? null : URI.create(url.strip()); return this; }
        public Builder paymentTestMode(boolean on) { paymentTestMode = on; return this; }
        public Builder connectLinkSecret(String secret) { connectLinkSecret = secret; return this; }
        /** false: the crypto gateway is not configured, so orders show no crypto Pay button. */
        public Builder cryptoPayments(boolean configured) { cryptoPayments = configured; return this; }
        public Builder userActionsPerMinute(int perMinute) { userActionsPerMinute = perMinute; return this; }
        public Builder updateQueue(int updates) { updateQueue = updates; return this; }
        public Builder updateWorkers(int threads) { updateWorkers = threads; return this; }

        public TelegramSettings build() {
            return new TelegramSettings(botToken, apiBaseUrl, mode, webhookSecret, adminIds, supportChatId, defaultZone,
                    defaultLanguage, publicUrl, paymentTestMode, connectLinkSecret, userActionsPerMinute, cryptoPayments,
                    updateQueue, updateWorkers);
        }
    }
}
