package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.admin.AdminDesk;
import dev.vpnbot.adapter.telegram.admin.AdminUseCases;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.intake.LongPoller;
import dev.vpnbot.adapter.telegram.intake.StartupCalls;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.vpnbot.adapter.telegram.stars.StarsDirectLine;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The bot (end users and the admin panel) as bootstrap sees it: {@link #start()} starts receiving updates
 * (long polling, or telling Telegram our webhook) and registers the command menu in the background, {@link #receiveWebhook}
 * and {@link #connect} answer the two HTTP routes that bootstrap's server mounts (this
 * adapter runs no server of its own), {@link #close()} stops. The screens
 * themselves live in their own classes behind {@link UpdateDispatcher}.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    /** Only what the screens handle; Telegram does not send the rest. */
    /** pre_checkout_query: without it Telegram never asks, and a Stars payment cannot go through. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "pre_checkout_query");
    private static final List<String> COMMANDS = List.of("start", "buy", "keys", "connect", "support", "language", "paysupport");
    /** Retries of start-up calls and of the long poll while Telegram cannot be reached: 1 s, doubling up to a minute. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofMinutes(1);

    private final TelegramSettings settings;
    private final RateLimitedSender sender;
    private final ConnectLinks links;
    private final UpdateDispatcher dispatcher;
    private final TelegramWebhookEndpoint webhook;
    private final ConnectPage connectPage;
    private final dev.vpnbot.application.port.in.account.ListVpnAppsUseCase apps;
    private LongPoller polling;
    private StartupCalls startup;

    /**
     * @param sender   the same sender the {@link dev.vpnbot.adapter.telegram.notify.TelegramNotifier} uses; its owner closes it
     * @param useCases the end-user use cases; with {@link TelegramSettings#paymentTestMode()} on they must
     *                 include the test payment use case
     * @param admin    the admin panel's use cases, for {@link TelegramSettings#adminIds()}
     * @param states   where conversation steps are kept (the database in production)
     */
    public TelegramBot(TelegramSettings settings, RateLimitedSender sender, TelegramUseCases useCases, AdminUseCases admin,
                       ConversationStates states) {
        this(settings, sender, useCases, admin, states, null);
    }

    /** @param starsLine where pre-checkout answers go at once; required when the use cases include Stars */
    public TelegramBot(TelegramSettings settings, RateLimitedSender sender, TelegramUseCases useCases, AdminUseCases admin,
                       ConversationStates states, StarsDirectLine starsLine) {
        this(settings, sender, useCases, admin, states, starsLine, System::nanoTime);
    }

    /** @param throttleClock the users' throttle's monotonic clock in nanoseconds (tests stop it) */
    TelegramBot(TelegramSettings settings, RateLimitedSender sender, TelegramUseCases useCases, AdminUseCases admin,
                ConversationStates states, StarsDirectLine starsLine, LongSupplier throttleClock) {
        if (useCases.payWithStars() != null && starsLine == null) {
            throw new IllegalArgumentException("Stars are on, but there is no direct line for pre-checkout answers");
        }
        if (settings.paymentTestMode() && useCases.payInTestMode() == null) {
            throw new IllegalArgumentException("payment test mode is on, but no PayInTestModeUseCase was given for the Pay (test) button");
        }
        if (useCases.apps() == null) throw new IllegalArgumentException("no app list: give the use cases a ListVpnAppsUseCase (withApps)");
        this.settings = settings;
        this.sender = sender;
        this.links = new ConnectLinks(settings.connectUrl(), settings.connectLinkSecret(), settings.botToken());
        this.dispatcher = new UpdateDispatcher(settings, sender, useCases, java.util.Objects.requireNonNull(admin, "admin use cases"),
                new Conversations(states), links, starsLine, throttleClock);
        this.webhook = new TelegramWebhookEndpoint(settings.webhookSecret(), dispatcher);
        this.connectPage = new ConnectPage(links, useCases.apps());
        this.apps = useCases.apps();
    }

    /**
     * Starts taking updates and registers the command menu, without waiting for Telegram: long
     * polling (or setting the webhook) and the menu run on threads of their own and retry with
     * backoff while Telegram cannot be reached, so an outage never holds up the start or a stop.
     */
    public synchronized void start() {
        if (startup != null) throw new IllegalStateException("already started");
        List<StartupCalls.Step> steps = new ArrayList<>();
        if (settings.mode() == TelegramSettings.UpdateMode.WEBHOOK) {
            steps.add(step("setWebhook", () -> {
                sender.callNow(SetWebhook.builder().url(settings.webhookUrl()).secretToken(settings.webhookSecret())
                        .allowedUpdates(ALLOWED_UPDATES).build());
                LOG.info("Telegram webhook set to {}", settings.webhookUrl());
            }));
        } else {
            polling = new LongPoller(sender.longPollLine(LongPoller.POLL), ALLOWED_UPDATES, dispatcher, FIRST_RETRY, MAX_RETRY);
            polling.start();
        }
        steps.add(step("the command menu", this::registerCommands));
        startup = new StartupCalls(steps, FIRST_RETRY, MAX_RETRY, this::hide);
        startup.start();
    }

    /**
     * Waits until updates are being taken (the first poll answered, or the webhook set) and the
     * command menu is registered; false on timeout (Telegram still unreachable).
     */
    public boolean awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        StartupCalls calls;
        LongPoller poller;
        synchronized (this) {
            calls = startup;
            poller = polling;
        }
        if (calls == null) return false;
        if (poller != null && !poller.awaitPolling(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) return false;
        return calls.awaitDone(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Counts updates for monitoring: the observer hears true for each handled update, false for each failed one. */
    public void observeUpdates(java.util.function.Consumer<Boolean> observer) {
        dispatcher.observeOutcomes(observer);
    }

    /** Updates waiting or being handled now (tests wait for it to drain). */
    int queuedUpdates() {
        return dispatcher.queuedUpdates();
    }

    /** Threads handling updates so far, at most {@link TelegramSettings#updateWorkers()}. */
    int updateThreads() {
        return dispatcher.updateThreads();
    }

    /** Counts overload for monitoring: the observer hears of each update answered "busy" and dropped because the queue was full. */
    public void observeOverload(Runnable observer) {
        dispatcher.observeOverload(observer);
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
        return new SubscriptionRoute(new SubscriptionEndpoint(feed, presentation, publicUrl, new SubscriptionPage(links, clock, apps), clock));
    }

    /** For {@code POST /webhooks/telegram}; refuses everything when no webhook secret is configured. */
    public TelegramWebhookEndpoint webhookEndpoint() {
        return webhook;
    }

    @Override
    public void close() {
        StartupCalls calls;
        LongPoller poller;
        synchronized (this) {
            calls = startup;
            poller = polling;
            polling = null;
        }
        if (calls != null) calls.close();
        if (poller != null) poller.close();
        dispatcher.close();
    }

    private void registerCommands() throws TelegramApiException {
        // the default list (users whose language has none of its own) in the operator's language
        setCommands(settings.defaultLanguage(), null);
        for (Language language : Language.values()) {
            setCommands(language, language.name().toLowerCase(Locale.ROOT));
        }
        // admins see the admin commands too, in their own chats only
        Texts t = Texts.of(settings.defaultLanguage());
        List<BotCommand> all = new ArrayList<>(commands(t));
        AdminDesk.COMMANDS.forEach(c -> all.add(new BotCommand(c, t.label("command." + c))));
        for (long adminId : settings.adminIds()) {
            try {
                sender.callNow(SetMyCommands.builder().commands(all).scope(BotCommandScopeChat.builder().chatId(adminId).build()).build());
            } catch (TelegramApiRequestException e) {
                if (e.getErrorCode() == null || e.getErrorCode() != 400) throw e;
                // an admin who never opened the bot has no chat yet: Telegram says "chat not found"
                LOG.warn("command menu (admin {}) not registered: {}", adminId, hide(e.getApiResponse()));
            }
        }
        LOG.info("command menu registered");
    }

    private void setCommands(Language language, String languageCode) throws TelegramApiException {
        sender.callNow(SetMyCommands.builder().commands(commands(Texts.of(language))).languageCode(languageCode).build());
    }

    private static List<BotCommand> commands(Texts t) {
        return COMMANDS.stream().map(c -> new BotCommand(c, t.label("command." + c))).toList();
    }

    private interface Call {
        void run() throws TelegramApiException;
    }

    private static StartupCalls.Step step(String name, Call call) {
        return new StartupCalls.Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run() throws TelegramApiException {
                call.run();
            }
        };
    }

    private String hide(String text) {
        return text == null ? null : text.replace(settings.botToken(), "***");
    }
}
