package dev.vpnbot.adapter.telegram.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.adapter.telegram.outbox.RateLimitedSender;
import dev.vpnbot.adapter.telegram.outbox.SenderLimits;
import dev.vpnbot.application.fixtures.InMemoryConversationStates;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.InMemoryUsers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.port.out.notify.ReminderKind;
import dev.vpnbot.application.service.account.UserBlocking;
import dev.vpnbot.application.service.account.UserRegistration;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the core tells users and operators, as it arrives in Telegram; and that it never throws. */
class TelegramNotifierTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UserId IVAN = new UserId(4001);

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeBotApi api = FakeBotApi.start();
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryKeys keys = new InMemoryKeys();
    private final InMemoryServers servers = new InMemoryServers(keys, clock);
    private final InMemoryConversationStates states = new InMemoryConversationStates();
    private RateLimitedSender sender;

    @AfterEach
    void close() {
        if (sender != null) sender.close();
        api.close();
    }

    private TelegramNotifier notifier(TelegramSettings settings) {
        return notifier(settings, BotRig.FAST);
    }

    private TelegramNotifier notifier(TelegramSettings settings, SenderLimits limits) {
        sender = new RateLimitedSender(settings, new UserBlocking(users)::markBlocked, limits);
        return new TelegramNotifier(settings, sender, states, clock);
    }

    /** As the core hands it over: the user as stored, the operator's defaults for strangers. */
    private Recipient to(UserId user) {
        return Recipient.of(user, users.find(user));
    }

    private String serverOf(VpnKey key) {
        return servers.find(key.serverId()).map(Server::name).orElseThrow();
    }

    private TelegramSettings settings() {
        return TelegramSettings.builder(FakeBotApi.TOKEN).apiBaseUrl(api.baseUrl()).adminIds(Set.of(900L, 901L))
                .defaultZone(BotRig.MOSCOW).build();
    }

    private VpnKey activeKey(long id, Duration left) {
        servers.save(ServerMother.server(1, "Frankfurt"));
        PanelClientId client = new PanelClientId(UUID.randomUUID(), "vpnbot-k" + id + "-u4001", "sub" + id);
        VpnKey key = new VpnKey(new KeyId(id), IVAN, new ServerId(1), client, NOW.plus(left), KeyStatus.ACTIVE,
                new KeyLinks("https://sub.example/sub/sub" + id, "vless://" + client.uuid() + "@x.example:443#k"), NOW);
        keys.save(key);
        return key;
    }

    private void register(String language) {
        new UserRegistration(users, clock).register(new RegisterUserCommand(IVAN, "Ivan", null, language));
    }

    @Test
    void an_expiry_reminder_says_when_and_carries_an_extend_button() {
        register("en");
        TelegramNotifier notifier = notifier(settings());
        VpnKey key = activeKey(7, Duration.ofDays(3));

        notifier.expiryReminder(to(IVAN), key, serverOf(key), ReminderKind.THREE_DAYS_BEFORE);

        Call sent = api.awaitContent(0, 4001);
        assertThat(sent.text()).contains("Frankfurt").contains("4 Mar 2026, 13:00").contains("3 d 0 h");
        assertThat(sent.buttons()).anyMatch(b -> "ke:7".equals(b.callbackData()));
    }

    @Test
    void the_connect_help_offer_carries_the_guide_for_the_key_and_support() {
        register("en");
        TelegramNotifier notifier = notifier(settings());
        VpnKey key = activeKey(9, Duration.ofDays(29));

        notifier.offer(to(IVAN), key, serverOf(key));

        Call sent = api.awaitContent(0, 4001);
        assertThat(sent.text()).contains("has not connected yet").contains("Need help connecting?");
        assertThat(sent.buttons()).anyMatch(b -> "hk:9".equals(b.callbackData())).anyMatch(b -> "s".equals(b.callbackData()));
    }

    @Test
    void an_expired_reminder_in_russian() {
        register("ru");
        TelegramNotifier notifier = notifier(settings());
        VpnKey key = activeKey(8, Duration.ofMinutes(-5));

        notifier.expiryReminder(to(IVAN), key, serverOf(key), ReminderKind.EXPIRED);

        Call sent = api.awaitContent(0, 4001);
        assertThat(sent.text()).contains("истёк").contains("1 марта 2026, 12:55");
        assertThat(sent.buttons()).anyMatch(b -> "ke:8".equals(b.callbackData()));
    }

    @Test
    void payment_too_low_says_what_came_what_was_due_and_offers_support() {
        register("en");
        TelegramNotifier notifier = notifier(settings());
        Order order = Order.place(new OrderId(5), PublicOrderId.of(new OrderId(5), "abcdefgh"), IVAN,
                new TariffSnapshot(new TariffId(1), 30, Money.of("5.00", "USD")), new OrderPurpose.NewKey(new ServerId(1)),
                NOW, Duration.ofHours(1));

        notifier.paymentTooLow(to(IVAN), order, Money.of("3.50", "USD"));

        Call sent = api.awaitContent(0, 4001);
        assertThat(sent.text()).contains("vpn-5-abcdefgh").contains("3.50 USD").contains("5.00 USD");
        assertThat(sent.buttons()).anyMatch(b -> "s".equals(b.callbackData()));
    }

    @Test
    void admin_alerts_go_to_every_admin() throws Exception {
        TelegramNotifier notifier = notifier(settings());

        notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.FULFILMENT_FAILING, "order 42 failed 3 times"));

        assertThat(sender.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(api.calls("sendMessage")).extracting(Call::chatId).containsExactlyInAnyOrder(900L, 901L);
        assertThat(api.calls("sendMessage")).allMatch(c -> c.text().contains("FULFILMENT_FAILING") && c.text().contains("order 42"));
    }

    @Test
    void a_drift_report_reaches_the_admins_with_its_title_in_the_operators_language() throws Exception {
        TelegramNotifier notifier = notifier(settings());

        notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.PANEL_DRIFT_REPAIRED, "Frankfurt (server 1): 1 key(s) — CREATED 1\n• #7 vpnbot-k7-u5: CREATED"));

        assertThat(sender.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(api.calls("sendMessage")).hasSize(2).allSatisfy(c -> assertThat(c.text())
                .contains(Texts.of(settings().defaultLanguage()).label(TelegramNotifier.alertTitle(AdminAlert.Kind.PANEL_DRIFT_REPAIRED)))
                .contains("PANEL_DRIFT_REPAIRED").contains("#7 vpnbot-k7-u5: CREATED"));
    }

    @Test
    void the_notifier_never_throws_even_when_telegram_is_gone() throws Exception {
        register("ru");
        TelegramNotifier notifier = notifier(settings(), new SenderLimits(100, 10, Duration.ofMillis(5), Duration.ofMillis(5), 2, 1));
        VpnKey key = activeKey(9, Duration.ofDays(30));
        api.close();

        assertThatCode(() -> {
            notifier.keyReady(to(IVAN), key, serverOf(key));
            notifier.keyExtended(to(IVAN), key, serverOf(key));
            notifier.expiryReminder(to(IVAN), key, serverOf(key), ReminderKind.ONE_DAY_BEFORE);
            notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.SERVER_UNREACHABLE, "panel 1"));
            notifier.keyReady(to(new UserId(777)), key.withStatus(KeyStatus.PROVISIONING).withExpiry(NOW), serverOf(key)); // unknown user
        }).doesNotThrowAnyException();
    }

    @Test
    void a_user_who_blocked_the_bot_gets_no_reminders() throws Exception {
        register("en");
        TelegramNotifier notifier = notifier(settings());
        new UserBlocking(users).markBlocked(IVAN);

        VpnKey key = activeKey(10, Duration.ofDays(1));
        notifier.expiryReminder(to(IVAN), key, serverOf(key), ReminderKind.ONE_DAY_BEFORE);

        assertThat(sender.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(api.calls("sendMessage")).isEmpty();
    }
}
