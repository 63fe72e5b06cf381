package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.fixtures.InMemoryAudiences;
import dev.vpnbot.application.fixtures.InMemoryBroadcasts;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryOrders;
import dev.vpnbot.application.fixtures.InMemoryPaymentEvents;
import dev.vpnbot.application.fixtures.InMemoryShopFigures;
import dev.vpnbot.application.fixtures.InMemoryUsers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingBroadcastChannel;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.port.out.payment.PaymentEvent;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase.PrepareBroadcastCommand;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase.AddTariffCommand;
import dev.vpnbot.adapter.simulated.SimulatedPanelInspection;
import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase.AddServerCommand;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.admin.ServerAdministration;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.application.service.admin.Broadcasting;
import dev.vpnbot.application.service.admin.StatisticsReport;
import dev.vpnbot.application.service.admin.TariffAdministration;
import dev.vpnbot.application.service.admin.UserAdministration;
import dev.vpnbot.domain.broadcast.Audience;
import dev.vpnbot.domain.broadcast.Broadcast;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Admin use cases: tariffs, statistics, broadcasts, users; and nobody else may use them. */
class AdminScenariosTest {
    private static final UserId ADMIN = new UserId(1);
    private static final UserId BUYER = new UserId(1001);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final RecordingBroadcastChannel channel = new RecordingBroadcastChannel();
    private TestShop shop;
    private Tariff oneMonth;
    private Server server;
    private TariffAdministration tariffAdmin;
    private StatisticsReport statistics;
    private Broadcasting broadcasting;
    private UserAdministration userAdmin;
    private final SimulatedPanelInspection panels = new SimulatedPanelInspection();
    private ServerAdministration serverAdmin;

    @BeforeEach
    void openShop() {
        shop = TestShop.inMemory(clock).panel(new SimulatedVpnPanel()).gateway(new SimulatedPaymentGateway()).build();
        oneMonth = TariffMother.oneMonth(1);
        shop.tariffs.save(oneMonth);
        server = ServerMother.server(1, "Riga");
        shop.servers.save(server);
        Admins admins = new Admins(Set.of(ADMIN));
        InMemoryUsers users = (InMemoryUsers) shop.users;
        InMemoryKeys keys = (InMemoryKeys) shop.keys;
        tariffAdmin = new TariffAdministration(admins, shop.tariffs, shop.salesSwitch, clock);
        statistics = new StatisticsReport(admins, new InMemoryShopFigures(users, keys, (InMemoryOrders) shop.orders), shop.servers, clock);
        broadcasting = new Broadcasting(admins, new InMemoryBroadcasts(), new InMemoryAudiences(users, keys), channel, shop.users,
                shop.sentNotifications, shop.transactions, clock, 2);
        userAdmin = new UserAdministration(admins, shop.users, shop.keys, shop.orders, shop.tariffs, shop.servers,
                shop.transactions, clock, shop.confirmation);
        serverAdmin = new ServerAdministration(admins, shop.servers, panels);
        panels.panelAt("https://203.0.113.7:2053/Xq9secret/", "pw");
        shop.registration.register(new RegisterUserCommand(BUYER, "Ivan", "ivan_p", "ru"));
    }

    private static PanelConnection panel(String url, String password) {
        return new PanelConnection(url, new PanelCredentials.Password("admin", password), null);
    }

    private void sellAKey() {
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        shop.testPayments.payForTest(BUYER, order.id());
        shop.worker.runDueJobs();
    }

    @Test
    void a_price_change_applies_to_new_orders_only() {
        Order before = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        tariffAdmin.changePrice(ADMIN, oneMonth.id(), Money.of("9.00", "USD"));
        Order after = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));

        assertThat(shop.orders.find(before.id()).orElseThrow().price()).isEqualTo(Money.of("5.00", "USD"));
        assertThat(after.price()).isEqualTo(Money.of("9.00", "USD"));
    }

    @Test
    void admins_add_disable_and_remove_tariffs_and_bad_input_is_refused_with_a_reason() {
        Tariff added = tariffAdmin.addTariff(new AddTariffCommand(ADMIN, 90, Money.of("12", "USD"), 3));
        tariffAdmin.setActive(ADMIN, added.id(), false);
        assertThat(shop.catalogue.activeTariffs()).extracting(Tariff::id).containsExactly(oneMonth.id());
        tariffAdmin.removeTariff(ADMIN, added.id());
        assertThat(tariffAdmin.allTariffs(ADMIN)).hasSize(1);

        assertThatThrownBy(() -> tariffAdmin.addTariff(new AddTariffCommand(ADMIN, 0, Money.of("1", "USD"), 1)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.INVALID_INPUT));
    }

    @Test
    void statistics_count_users_keys_revenue_and_load_and_test_payments_are_no_revenue() {
        sellAKey(); // paid in test mode: a key, but no revenue
        Order paid = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        ((SimulatedPaymentGateway) shop.gateway).payInFull(paid.publicId());
        shop.paymentCheck.check(new dev.vpnbot.application.port.in.payment.CheckPaymentUseCase.CheckPaymentCommand(BUYER, paid.id()));
        shop.worker.runDueJobs();
        var stats = statistics.statistics(ADMIN);
        assertThat(stats.users()).isEqualTo(1);
        assertThat(stats.activeKeys()).isEqualTo(2);
        assertThat(stats.lastDay().paidOrders()).isEqualTo(1);
        assertThat(stats.lastMonth().totals()).containsExactly(Money.of("5.00", "USD"));
        assertThat(stats.servers()).singleElement().satisfies(s -> assertThat(s.activeKeys()).isEqualTo(2));
    }

    @Test
    void a_broadcast_reaches_its_audience_once_even_when_resumed_and_reports_blocked_users() {
        for (long id = 2000; id < 2005; id++) {
            shop.registration.register(new RegisterUserCommand(new UserId(id), "U" + id, null, "en"));
        }
        channel.blockedBy(new UserId(2003));
        var preview = broadcasting.prepare(new PrepareBroadcastCommand(ADMIN, "Новые сервера!", Audience.ALL));
        assertThat(preview.recipients()).isEqualTo(6);
        broadcasting.confirm(ADMIN, preview.draft().id());

        while (broadcasting.sendNextBatch() > 0) {
            // a restart between batches is the same as the next tick: the cursor and the ledger carry over
        }
        broadcasting.sendNextBatch();

        Broadcast done = broadcasting.progress(ADMIN, preview.draft().id());
        assertThat(done.status()).isEqualTo(Broadcast.Status.DONE);
        assertThat(done.sent()).isEqualTo(5);
        assertThat(done.blocked()).isEqualTo(1);
        assertThat(channel.delivered()).doesNotHaveDuplicates().hasSize(5);
        assertThat(channel.reports()).hasSize(1);
    }

    @Test
    void an_admin_grant_is_a_zero_price_order_that_names_the_admin_and_delivers_a_key() {
        Order grant = userAdmin.grantNewKey(ADMIN, BUYER, oneMonth.id(), server.id());
        shop.worker.runDueJobs();

        assertThat(grant.publicId().value()).startsWith("grant-1-");
        assertThat(shop.orders.find(grant.id()).orElseThrow().status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(shop.keys.ofOwner(BUYER)).singleElement().satisfies(k -> assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE));

        var dossier = userAdmin.findUser(ADMIN, "@IVAN_P").orElseThrow();
        assertThat(dossier.keys()).hasSize(1);
        assertThat(userAdmin.findUser(ADMIN, "1001")).isPresent();
        assertThat(userAdmin.findUser(ADMIN, "nobody")).isEmpty();
    }

    @Test
    void a_grant_is_paid_through_the_one_payment_entry_once_and_puts_no_money_on_the_payment_record() {
        sellAKey(); // paid in test mode: on the payment record as such
        Order grant = userAdmin.grantNewKey(ADMIN, BUYER, oneMonth.id(), server.id());

        assertThat(shop.orders.find(grant.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(shop.confirmation.apply(VerifiedPayment.granted(grant.publicId(), Money.of("0", "USD"), ADMIN)))
                .isEqualTo(Outcome.ALREADY_APPLIED);
        assertThat(((InMemoryPaymentEvents) shop.events).all()).extracting(PaymentEvent::rawStatus).containsExactly("test_paid");
    }

    @Test
    void an_admin_brings_a_fresh_panel_into_service_with_an_existing_or_a_new_inbound() {
        PanelConnection good = panel("https://203.0.113.7:2053/Xq9secret", "pw");
        assertThat(serverAdmin.testConnection(ADMIN, good).ok()).isTrue();

        Server existing = serverAdmin.addServer(new AddServerCommand(ADMIN, "Warsaw", good, 1, null, 50));
        Server created = serverAdmin.addServer(new AddServerCommand(ADMIN, "Warsaw 2", good, null,
                new RealityInboundRequest(8443, "vpnbot", "www.microsoft.com"), 50));

        assertThat(existing.inboundId()).isEqualTo(1);
        assertThat(created.inboundId()).isNotEqualTo(1);
        assertThat(shop.catalogue.serversForPurchase()).extracting(Server::name).contains("Warsaw", "Warsaw 2");
    }

    @Test
    void a_panel_that_fails_its_test_is_not_added_and_the_cause_is_named() {
        assertThatThrownBy(() -> serverAdmin.addServer(new AddServerCommand(ADMIN, "X", panel("https://203.0.113.7:2053/", "pw"), 1, null, 5)))
                .isInstanceOf(Refusal.class).hasMessageContaining("WRONG_BASE_PATH");
        assertThatThrownBy(() -> serverAdmin.addServer(new AddServerCommand(ADMIN, "X", panel("https://203.0.113.7:2053/Xq9secret/", "nope"), 1, null, 5)))
                .isInstanceOf(Refusal.class).hasMessageContaining("BAD_CREDENTIALS");
        assertThatThrownBy(() -> serverAdmin.addServer(new AddServerCommand(ADMIN, "X", panel("https://203.0.113.7:2053/Xq9secret/", "pw"), 7, null, 5)))
                .isInstanceOf(Refusal.class).hasMessageContaining("INBOUND_NOT_FOUND");
        assertThat(serverAdmin.listServers(ADMIN)).extracting(Server::name).containsExactly("Riga");
    }

    @Test
    void a_server_with_active_keys_cannot_be_deleted_but_can_be_switched_off() {
        sellAKey();
        assertThatThrownBy(() -> serverAdmin.deleteServer(ADMIN, server.id()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.SERVER_HAS_ACTIVE_KEYS));
        serverAdmin.setActive(ADMIN, server.id(), false);
        assertThat(shop.catalogue.serversForPurchase()).isEmpty();
        assertThat(serverAdmin.listServers(ADMIN)).singleElement().satisfies(s -> assertThat(s.activeKeys()).isEqualTo(1));
    }

    @Test
    void a_non_admin_is_refused_every_admin_action() {
        sellAKey();
        long keyId = shop.keys.ofOwner(BUYER).get(0).id().value();
        List<Executable> actions = List.of(
                () -> tariffAdmin.allTariffs(BUYER),
                () -> tariffAdmin.addTariff(new AddTariffCommand(BUYER, 30, Money.of("1", "USD"), 1)),
                () -> tariffAdmin.changePrice(BUYER, oneMonth.id(), Money.of("0.01", "USD")),
                () -> tariffAdmin.setActive(BUYER, oneMonth.id(), false),
                () -> tariffAdmin.removeTariff(BUYER, oneMonth.id()),
                () -> statistics.statistics(BUYER),
                () -> broadcasting.prepare(new PrepareBroadcastCommand(BUYER, "spam", Audience.ALL)),
                () -> broadcasting.confirm(BUYER, 1),
                () -> broadcasting.cancel(BUYER, 1),
                () -> broadcasting.progress(BUYER, 1),
                () -> userAdmin.findUser(BUYER, "1001"),
                () -> userAdmin.grantNewKey(BUYER, BUYER, oneMonth.id(), server.id()),
                () -> userAdmin.grantExtension(BUYER, new dev.vpnbot.domain.key.KeyId(keyId), oneMonth.id()),
                () -> serverAdmin.testConnection(BUYER, panel("https://203.0.113.7:2053/Xq9secret/", "pw")),
                () -> serverAdmin.addServer(new AddServerCommand(BUYER, "Evil", panel("https://203.0.113.7:2053/Xq9secret/", "pw"), 1, null, 5)),
                () -> serverAdmin.listServers(BUYER),
                () -> serverAdmin.testServer(BUYER, server.id()),
                () -> serverAdmin.rename(BUYER, server.id(), "pwned"),
                () -> serverAdmin.setMaxClients(BUYER, server.id(), 1),
                () -> serverAdmin.setActive(BUYER, server.id(), false),
                () -> serverAdmin.changeCredentials(BUYER, server.id(), new PanelCredentials.ApiToken("t")),
                () -> serverAdmin.deleteServer(BUYER, server.id()));
        for (Executable action : actions) {
            assertThatThrownBy(action::execute).isInstanceOfSatisfying(Refusal.class,
                    r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_ADMIN));
        }
        assertThat(shop.tariffs.find(oneMonth.id())).contains(oneMonth);
        assertThat(shop.orders.ofUser(BUYER, 10)).hasSize(1);
        assertThat(shop.servers.all()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Riga");
            assertThat(s.active()).isTrue();
        });
    }
}
