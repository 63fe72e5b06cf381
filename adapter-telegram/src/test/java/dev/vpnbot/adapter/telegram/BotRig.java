package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.admin.AdminUseCases;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.adapter.telegram.members.ChannelMembers;
import dev.vpnbot.application.service.growth.GrowthSettings;
import dev.vpnbot.adapter.telegram.notify.TelegramBroadcastChannel;
import dev.vpnbot.adapter.telegram.notify.TelegramNotifier;
import dev.vpnbot.adapter.telegram.outbox.RateLimitedSender;
import dev.vpnbot.adapter.telegram.outbox.SenderLimits;
import dev.vpnbot.adapter.telegram.shop.TelegramUseCases;
import dev.vpnbot.adapter.telegram.stars.StarsDirectLine;
import dev.vpnbot.adapter.telegram.web.ConnectLinks;
import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedClientUsage;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.service.account.KeyUsageReading;
import dev.vpnbot.application.service.account.KeyDiagnosis;
import dev.vpnbot.application.service.admin.TariffLimitSetting;
import dev.vpnbot.application.fixtures.InMemoryAudiences;
import dev.vpnbot.application.fixtures.InMemoryEnrollmentTokens;
import dev.vpnbot.application.fixtures.InMemoryBroadcasts;
import dev.vpnbot.application.fixtures.InMemoryShopFigures;
import dev.vpnbot.application.fixtures.InMemoryConversationStates;
import dev.vpnbot.application.fixtures.InMemoryFulfilmentJobs;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryOrders;
import dev.vpnbot.application.fixtures.InMemoryVpnApps;
import dev.vpnbot.application.service.admin.AppCatalogue;
import dev.vpnbot.application.fixtures.InMemoryPaymentEvents;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.InMemoryTariffs;
import dev.vpnbot.application.fixtures.InMemoryTransactions;
import dev.vpnbot.application.fixtures.InMemoryUsers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.service.account.UserBlocking;
import dev.vpnbot.application.service.account.UserLookup;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.admin.EnrollmentTokenIssuing;
import dev.vpnbot.application.service.admin.Broadcasting;
import dev.vpnbot.application.service.admin.ServerAdministration;
import dev.vpnbot.application.service.admin.StatisticsReport;
import dev.vpnbot.application.service.admin.TariffAdministration;
import dev.vpnbot.application.service.admin.UserAdministration;
import dev.vpnbot.application.service.admin.UserBans;
import dev.vpnbot.domain.user.UserId;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The whole shop behind the real Telegram adapter: in-memory ports, fake panel and gateway
 * (TestShop), the admin services over in-memory fixtures (as in AdminScenariosTest) with panels
 * behind self-signed TLS, and the fake Bot API in front. Tests talk to it as Telegram users would;
 * {@link #ADMIN} is the one admin.
 */
public final class BotRig implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    public static final long ADMIN = 900;
    public static final long SUPPORT_CHAT = -1001234;
    public static final String PUBLIC_URL = "https://vpn.example";
    /** Fast enough for tests; the limits themselves are tested in RateLimitedSenderTest. */
    public static final SenderLimits FAST = new SenderLimits(200, 50, Duration.ofMillis(5), Duration.ofMillis(5), 4, 5);

    public final MutableClock clock = new MutableClock(START);
    public final FakeBotApi api = FakeBotApi.start();
    public final SimulatedVpnPanel panel = new SimulatedVpnPanel();
    public final SimulatedClientUsage usage = new SimulatedClientUsage(panel);
    public final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();
    public final InMemoryUsers users = new InMemoryUsers();
    public final InMemoryKeys keys = new InMemoryKeys();
    public final InMemoryOrders orders = new InMemoryOrders();
    /** The app list as V18 seeds it. */
    public final InMemoryVpnApps appList = InMemoryVpnApps.seeded();
    public final AppCatalogue apps;
    public final InMemoryConversationStates states = new InMemoryConversationStates();
    public final TelegramSettings settings;
    public final RateLimitedSender sender;
    public final TelegramNotifier notifier;
    public final TestShop shop;
    public final TlsPanels panels = new TlsPanels();
    /** The users' throttle's clock: real time while negative; a test sets it to stop time. */
    public final AtomicLong throttleNanos = new AtomicLong(-1);
    public final InMemoryBroadcasts broadcasts = new InMemoryBroadcasts();
    public final InMemoryEnrollmentTokens enrollmentTokens = new InMemoryEnrollmentTokens();
    public final TelegramBroadcastChannel broadcastChannel;
    public final Broadcasting broadcasting;
    public final AdminUseCases admin;
    public final TelegramBot bot;
    /** The direct line for Stars answers and refunds; null unless the rig sells for Stars. */
    public final StarsDirectLine starsLine;
    /** Promo codes (docs/CODES.md), priced into every order the rig places. */
    public final dev.vpnbot.application.fixtures.InMemoryPromoCodes promoCodes;
    /** Gift codes (docs/CODES.md): their store and use case; the worker issues paid gifts, Stars refunds void them. */
    public final dev.vpnbot.application.fixtures.InMemoryGifts gifts = new dev.vpnbot.application.fixtures.InMemoryGifts();
    /** Keys moving between servers (docs/MOVES.md) */
    public final dev.vpnbot.application.fixtures.InMemoryKeyMoves keyMoves = new dev.vpnbot.application.fixtures.InMemoryKeyMoves();
    public final dev.vpnbot.application.service.move.Moves moves;
    public final dev.vpnbot.application.service.move.ServerEvacuation evacuations;
    public final dev.vpnbot.application.service.gifts.GiftShop giftShop;

    BotRig(UnaryOperator<TelegramSettings.Builder> customise, SenderLimits limits) {
        this(customise, limits, false);
    }

    /** @param stars sell for Telegram Stars too (at 50 stars per USD): the Stars use cases, refunds through the fake Bot API */
    BotRig(UnaryOperator<TelegramSettings.Builder> customise, SenderLimits limits, boolean stars) {
        this(customise, limits, stars, null);
    }

    /** @param growth the free trial and referrals (channel gate through the fake Bot API); null: off, as by default */
    BotRig(UnaryOperator<TelegramSettings.Builder> customise, SenderLimits limits, boolean stars, GrowthSettings growth) {
        settings = customise.apply(TelegramSettings.builder(FakeBotApi.TOKEN).apiBaseUrl(api.baseUrl())
                .adminIds(Set.of(ADMIN)).supportChatId(SUPPORT_CHAT).defaultZone(MOSCOW).publicUrl(PUBLIC_URL)).build();
        InMemoryServers servers = new InMemoryServers(keys, clock);
        UserLookup lookup = new UserLookup(users);
        sender = new RateLimitedSender(settings, new UserBlocking(users)::markBlocked, limits);
        notifier = new TelegramNotifier(settings, sender, states, clock);
        starsLine = stars ? new StarsDirectLine(new okhttp3.OkHttpClient(), settings) : null;
        TestShop.Builder shopBuilder = TestShop.inMemory(clock)
                .persistence(users, new InMemoryTariffs(), servers, keys, orders, new InMemoryPaymentEvents(),
                        new InMemoryFulfilmentJobs(), new InMemoryTransactions())
                .panel(panel).gateway(gateway).notifier(notifier).admins(Set.of(new UserId(ADMIN)));
        if (stars) shopBuilder.starsRefunds(starsLine);
        if (growth != null) shopBuilder.growth(growth, new ChannelMembers(new okhttp3.OkHttpClient(), settings));
        shop = shopBuilder.build();
        shop.tariffs.save(TariffMother.oneMonth(1));
        shop.tariffs.save(TariffMother.months(2, 3, "12.00"));
        shop.servers.save(ServerMother.server(1, "🇩🇪 Frankfurt"));
        shop.servers.save(ServerMother.server(2, "🇳🇱 Amsterdam"));
        promoCodes = new dev.vpnbot.application.fixtures.InMemoryPromoCodes(orders);
        shop.placement.pricedBy(new dev.vpnbot.application.service.codes.PromoPricing(promoCodes, orders, shop.confirmation, clock,
                dev.vpnbot.application.service.codes.PromoSettings.defaults()));
        var giftNews = new dev.vpnbot.adapter.telegram.notify.TelegramGiftNews(settings, sender,
                () -> TelegramAdapter.botName(settings, new okhttp3.OkHttpClient()));
        shop.deliverWith(k -> new dev.vpnbot.application.service.gifts.GiftFulfilment(k, gifts, orders, users, giftNews, clock,
                dev.vpnbot.application.service.gifts.GiftSettings.defaults()));
        shop.starsRefunding.withKeylessOrders(new dev.vpnbot.application.service.gifts.GiftVoiding(gifts, users, giftNews));
        giftShop = new dev.vpnbot.application.service.gifts.GiftShop(shop.placement, shop.confirmation, gifts, orders, users,
                shop.servers, shop.transactions, giftNews, clock);
        Admins admins = new Admins(settings.adminIds().stream().map(UserId::new).collect(Collectors.toSet()));
        broadcastChannel = new TelegramBroadcastChannel(settings, sender, Duration.ofSeconds(10));
        broadcasting = new Broadcasting(admins, broadcasts, new InMemoryAudiences(users, keys, orders), broadcastChannel, users,
                shop.sentNotifications, shop.transactions, clock, 2);
        admin = new AdminUseCases(new ServerAdministration(admins, shop.servers, panels),
                new TariffAdministration(admins, shop.tariffs, shop.salesSwitch, clock),
                new StatisticsReport(admins, new InMemoryShopFigures(users, keys, orders), shop.servers, clock),
                broadcasting,
                new UserAdministration(admins, users, keys, orders, shop.tariffs, shop.servers, shop.transactions, clock, shop.confirmation),
                new EnrollmentTokenIssuing(admins, enrollmentTokens, clock, EnrollmentTokenIssuing.DEFAULT_LIFETIME),
                new UserBans(admins, admins, users, keys, shop.servers, shop.transactions, panel, shop.banHolds, clock))
                .withPromoCodes(new dev.vpnbot.application.service.codes.PromoAdministration(admins, promoCodes, shop.tariffs,
                        shop.transactions, clock))
                .withBalances(shop.balanceAdministration)
                .withTariffLimits(new TariffLimitSetting(admins, shop.tariffs, shop.tariffLimits, shop.trafficPacks))
                .withApps(new AppCatalogue(admins, appList, shop.transactions))
                .withServerGroups(new dev.vpnbot.application.service.admin.ServerGroupAdministration(admins, shop.serverGroups, shop.servers,
                        shop.tariffs));
        TelegramUseCases useCases = settings.paymentTestMode()
                ? new TelegramUseCases(shop.registration, lookup, shop.languageChange, shop.catalogue, shop.catalogue, shop.placement,
                        shop.paymentCheck, shop.cancellation, shop.myKeys, shop.testPayments, shop.timeZoneChange)
                : new TelegramUseCases(shop.registration, lookup, shop.languageChange, shop.catalogue, shop.catalogue, shop.placement,
                        shop.paymentCheck, shop.cancellation, shop.myKeys, shop.timeZoneChange);
        // a patient time limit: a busy test machine must not turn a live answer into "unavailable"
        KeyUsageReading keyUsage = new KeyUsageReading(keys, servers, usage, clock, Duration.ofMinutes(1), Duration.ofSeconds(30),
                java.util.concurrent.Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "key-usage-reader");
                    t.setDaemon(true);
                    return t;
                }));
        useCases = useCases.withResetLink(shop.linkReset).withPromoCodes(new dev.vpnbot.application.service.codes.PromoRedemption(
                promoCodes, orders, shop.placement, shop.cancellation, shop.transactions, clock)).withGifts(giftShop)
                .withBalance(new dev.vpnbot.adapter.telegram.shop.balance.BalanceUseCases(shop.balanceBook, shop.balanceTopUp, shop.balanceCheckout,
                        shop.autoRenewal))
                .withKeyUsage(keyUsage).withKeyDiagnosis(new KeyDiagnosis(keys, keyUsage, clock));
        apps = new AppCatalogue(admins, appList, shop.transactions);
        useCases = useCases.withApps(apps);
        moves = new dev.vpnbot.application.service.move.Moves(new dev.vpnbot.application.service.move.Moves.Ports(keys, shop.placements,
                shop.servers, shop.linkResets, keyMoves, shop.placing, panel, shop.transactions, clock),
                dev.vpnbot.application.service.move.MoveSettings.defaults(), m -> { });
        useCases = useCases.withMoves(moves.buyer());
        evacuations = new dev.vpnbot.application.service.move.ServerEvacuation(moves, admins, shop.servers, keys, keyMoves,
                new dev.vpnbot.application.fixtures.InMemoryEvacuations(keyMoves), shop.transactions, shop.notifier, clock);
        if (growth != null) useCases = useCases.withGrowth(shop.trialStart, growth.referralsOn() ? shop.referralLinks : null);
        AdminUseCases adminUseCases = (growth == null ? admin : admin.withGrowth(shop.growthAdmin)).withEvacuations(evacuations);
        LongSupplier throttle = () -> throttleNanos.get() < 0 ? System.nanoTime() : throttleNanos.get();
        bot = stars ? new TelegramBot(settings, sender, useCases.withStars(shop.stars), adminUseCases.withStars(shop.starsRefunding), states,
                starsLine, throttle)
                : new TelegramBot(settings, sender, useCases, adminUseCases, states, null, throttle);
    }

    /** A started bot that also sells for Telegram Stars. */
    public static BotRig startedWithStars(UnaryOperator<TelegramSettings.Builder> customise) {
        return awaitStarted(new BotRig(customise, FAST, true));
    }

    /** A started bot with the free trial and referrals as {@code growth} says. */
    public static BotRig startedWithGrowth(GrowthSettings growth) {
        return awaitStarted(new BotRig(b -> b, FAST, false, growth));
    }

    public static BotRig started() {
        return started(b -> b);
    }

    public static BotRig started(UnaryOperator<TelegramSettings.Builder> customise) {
        return awaitStarted(new BotRig(customise, FAST));
    }

    private static BotRig awaitStarted(BotRig rig) {
        rig.bot.start();
        try {
            if (!rig.bot.awaitStarted(Duration.ofSeconds(10))) throw new AssertionError("the bot did not start taking updates in 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return rig;
    }

    /** The /connect links this bot signs. */
    public ConnectLinks connectLinks() {
        return new ConnectLinks(settings.connectUrl(), settings.connectLinkSecret(), settings.botToken());
    }

    /** A Telegram user of this shop. */
    public TgUser user(long id, String firstName, String languageCode) {
        return new TgUser(this, id, firstName, languageCode);
    }

    /**
     * The gateway takes the money and tells us, as its webhook would; then the worker delivers.
     * Returns once the resulting messages have left the sender.
     */
    /** Runs the fulfilment worker (as the scheduler would) and waits until its messages have left. */
    public void deliverDueKeys() {
        shop.worker.runDueJobs();
        awaitIdle();
    }

    public void awaitIdle() {
        try {
            if (!sender.awaitIdle(Duration.ofSeconds(30))) throw new AssertionError("messages still queued");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public Outcome payAndDeliver(long orderId) {
        Order order = shop.orders.find(new OrderId(orderId)).orElseThrow();
        gateway.payInFull(order.publicId());
        Outcome outcome = shop.confirmation.confirm(new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(),
                PaymentStatus.PAID, order.price(), "paid", "{\"status\":\"paid\"}"));
        shop.worker.runDueJobs();
        try {
            if (!sender.awaitIdle(Duration.ofSeconds(30))) throw new AssertionError("messages still queued");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return outcome;
    }

    @Override
    public void close() {
        bot.close();
        sender.close();
        api.close();
    }

    /** Sends messages and presses buttons as one user, and returns what the bot showed next. */
    public static final class TgUser {
        public final BotRig rig;
        public final long id;
        public final String firstName;
        public final String languageCode;

        TgUser(BotRig rig, long id, String firstName, String languageCode) {
            this.rig = rig;
            this.id = id;
            this.firstName = firstName;
            this.languageCode = languageCode;
        }

        public FakeBotApi.Call send(String text) {
            int mark = rig.api.mark();
            rig.api.userSends(id, firstName, languageCode, text);
            return rig.api.awaitContent(mark, id);
        }

        /** Sends a photo (the largest size {@code bytes} long) with a caption. */
        public FakeBotApi.Call sendPhoto(String caption, String fileId, long bytes) {
            int mark = rig.api.mark();
            rig.api.userSendsPhoto(id, firstName, languageCode, caption, fileId, bytes);
            return rig.api.awaitContent(mark, id);
        }

        /** Sends a file (an image not compressed into a photo, say). */
        public FakeBotApi.Call sendDocument(String caption, String mimeType, long bytes) {
            int mark = rig.api.mark();
            rig.api.userSendsDocument(id, firstName, languageCode, caption, mimeType, bytes);
            return rig.api.awaitContent(mark, id);
        }

        /** Presses the button whose data starts with {@code dataPrefix} on {@code screen}. */
        public FakeBotApi.Call press(FakeBotApi.Call screen, String dataPrefix) {
            return pressData(screen.messageId(), screen.data(dataPrefix));
        }

        public FakeBotApi.Call pressData(int messageId, String data) {
            int mark = rig.api.mark();
            rig.api.userPresses(id, firstName, languageCode, messageId, data);
            return rig.api.awaitContent(mark, id);
        }

        /** Presses and returns the answer to the button (its toast or alert). */
        public FakeBotApi.Call pressForAnswer(int messageId, String data) {
            int mark = rig.api.mark();
            String queryId = rig.api.userPresses(id, firstName, languageCode, messageId, data);
            return rig.api.awaitAfter(mark, Duration.ofSeconds(30),
                    c -> c.method().equals("answercallbackquery") && queryId.equals(c.params().get("callback_query_id")));
        }
    }
}
