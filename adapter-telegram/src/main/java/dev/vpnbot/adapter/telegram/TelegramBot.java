package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.admin.AdminDesk;
import dev.vpnbot.adapter.telegram.admin.AdminUseCases;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.outbox.RateLimitedSender;
import dev.vpnbot.adapter.telegram.shop.TelegramUseCases;
import dev.vpnbot.adapter.telegram.web.ConnectLinks;
import dev.vpnbot.adapter.telegram.web.ConnectPage;
import dev.vpnbot.adapter.telegram.web.SubscriptionEndpoint;
import dev.vpnbot.adapter.telegram.web.SubscriptionPage;
import dev.vpnbot.adapter.telegram.web.TelegramWebhookEndpoint;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase;
import dev.vpnbot.application.port.out.ConversationStates;
import dev.vpnbot.domain.user.Language;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The bot (end users and the admin panel) as bootstrap sees it: {@link #start()} registers the command menu and starts
 * receiving updates (long polling, or telling Telegram our webhook), {@link #receiveWebhook}
 * and {@link #connect} answer the two HTTP routes that bootstrap's server mounts (this
 * adapter runs no server of its own), {@link #close()} stops. The screens
 * themselves live in their own classes behind {@link UpdateDispatcher}.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    /** Only what the screens handle; Telegram does not send the rest. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");
    private static final List<String> COMMANDS = List.of("start", "buy", "keys", "connect", "support", "language");
    private static final Duration STARTUP_CALL_TIMEOUT = Duration.ofSeconds(30);

    private final TelegramSettings settings;
    private final RateLimitedSender sender;
    private final ConnectLinks links;
    private final UpdateDispatcher dispatcher;
    private final TelegramWebhookEndpoint webhook;
    private final ConnectPage connectPage;
    private TelegramBotsLongPollingApplication polling;

    /**
     * @param sender   the same sender the {@link dev.vpnbot.adapter.telegram.notify.TelegramNotifier} uses; its owner closes it
     * @param useCases the end-user use cases; with {@link TelegramSettings#paymentTestMode()} on they must
     *                 include the test payment use case
     * @param admin    the admin panel's use cases, for {@link TelegramSettings#adminIds()}
     * @param states   where conversation steps are kept (the database in production)
     */
    public TelegramBot(TelegramSettings settings, RateLimitedSender sender, TelegramUseCases useCases, AdminUseCases admin,
                       ConversationStates states) {
        if (settings.paymentTestMode() && useCases.payInTestMode() == null) {
            throw new IllegalArgumentException("payment test mode is on, but no PayInTestModeUseCase was given for the Pay (test) button");
        }
        this.settings = settings;
        this.sender = sender;
        this.links = new ConnectLinks(settings.connectUrl(), settings.connectLinkSecret(), settings.botToken());
        this.dispatcher = new UpdateDispatcher(settings, sender, useCases, java.util.Objects.requireNonNull(admin, "admin use cases"),
                new Conversations(states), links, 4);
        this.webhook = new TelegramWebhookEndpoint(settings.webhookSecret(), dispatcher);
        this.connectPage = new ConnectPage(links);
    }

    /** Registers the command menu, then long-polls or sets the webhook. Throws if Telegram refuses. */
    public synchronized void start() {
        registerCommands();
        if (settings.mode() == TelegramSettings.UpdateMode.WEBHOOK) {
            SetWebhook webhook = SetWebhook.builder().url(settings.webhookUrl()).secretToken(settings.webhookSecret())
                    .allowedUpdates(ALLOWED_UPDATES).build();
            await(sender.setWebhook(webhook), "setWebhook");
            LOG.info("Telegram webhook set to {}", settings.webhookUrl());
            return;
        }
        try {
            polling = new TelegramBotsLongPollingApplication();
            polling.registerBot(settings.botToken(), settings::telegramUrl, new DefaultGetUpdatesGenerator(ALLOWED_UPDATES),
                    updates -> updates.forEach(dispatcher));
            LOG.info("Telegram long polling started against {}", settings.apiBaseUrl());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram long polling could not start: " + hide(e.getMessage()));
        }
    }

    /** Counts updates for monitoring: the observer hears true for each handled update, false for each failed one. */
    public void observeUpdates(java.util.function.Consumer<Boolean> observer) {
        dispatcher.observeOutcomes(observer);
    }

    /** The header Telegram puts our webhook secret in. */
    public static final String WEBHOOK_SECRET_HEADER = TelegramWebhookEndpoint.SECRET_HEADER;

    /** Answers {@code POST /webhooks/telegram} with an HTTP status; see {@link TelegramWebhookEndpoint#receive}. */
    public int receiveWebhook(java.util.Optional<String> secretToken, byte[] body, java.util.Optional<java.net.InetAddress> sender) {
        return webhook.receive(secretToken, body, sender);
    }

    /** Answers {@code GET /connect}. */
    public WebPage connect(String rawQuery) {
        ConnectPage.Response response = connectPage.respond(rawQuery);
        return new WebPage(response.status(), ConnectPage.Response.CONTENT_TYPE, response.body(), response.headers());
    }

    /**
     * The subscription endpoint ({@code GET /sub/<token>}) over {@code feed}, presented as
     * {@code presentation} says; its page's import buttons are signed like the bot's.
     */
    public SubscriptionRoute subscriptions(FetchSubscriptionUseCase feed, SubscriptionSettings presentation, java.time.Clock clock) {
        String publicUrl = settings.publicUrl() == null ? null : settings.publicUrl().toString();
        return new SubscriptionRoute(new SubscriptionEndpoint(feed, presentation, publicUrl, new SubscriptionPage(links, clock), clock));
    }

    /** For {@code POST /webhooks/telegram}; refuses everything when no webhook secret is configured. */
    public TelegramWebhookEndpoint webhookEndpoint() {
        return webhook;
    }

    @Override
    public synchronized void close() {
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                LOG.warn("long polling did not stop cleanly: {}", hide(e.getMessage()));
            }
            polling = null;
        }
        dispatcher.close();
    }

    private void registerCommands() {
        // the default list (users whose language has none of its own) in the operator's language
        setCommands(settings.defaultLanguage(), null);
        for (Language language : Language.values()) {
            setCommands(language, language.name().toLowerCase(Locale.ROOT));
        }
        // admins see the admin commands too, in their own chats only
        Texts t = Texts.of(settings.defaultLanguage());
        List<BotCommand> all = new java.util.ArrayList<>(commands(t));
        AdminDesk.COMMANDS.forEach(c -> all.add(new BotCommand(c, t.label("command." + c))));
        for (long adminId : settings.adminIds()) {
            register(SetMyCommands.builder().commands(all).scope(BotCommandScopeChat.builder().chatId(adminId).build()).build(),
                    "admin " + adminId);
        }
    }

    private void setCommands(Language language, String languageCode) {
        register(SetMyCommands.builder().commands(commands(Texts.of(language))).languageCode(languageCode).build(),
                languageCode == null ? "default" : languageCode);
    }

    private static List<BotCommand> commands(Texts t) {
        return COMMANDS.stream().map(c -> new BotCommand(c, t.label("command." + c))).toList();
    }

    private void register(SetMyCommands set, String which) {
        try {
            await(sender.call(set), "setMyCommands");
        } catch (IllegalStateException e) {
            // an admin who never opened the bot has no chat yet: Telegram says "chat not found"
            LOG.warn("command menu ({}) not registered: {}", which, e.getMessage());
        }
    }

    private static void await(java.util.concurrent.CompletableFuture<Object> call, String what) {
        try {
            call.get(STARTUP_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " got no answer from Telegram in " + STARTUP_CALL_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted");
        }
    }

    private String hide(String text) {
        return text == null ? null : text.replace(settings.botToken(), "***");
    }
}
