package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase.BanReport;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.admin.TariffAdministration;
import dev.vpnbot.application.service.admin.UserBans;
import dev.vpnbot.application.service.fulfilment.PanelDriftRepair;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operator safety: bans switch keys off on the panel and back on; maintenance pauses sales, not renewals. */
class OperatorSafetyScenariosTest {
    private static final UserId ADMIN = new UserId(1);
    private static final UserId BUYER = new UserId(1001);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SimulatedVpnPanel panel = new SimulatedVpnPanel();
    private TestShop shop;
    private Tariff oneMonth;
    private Server server;
    private UserBans bans;
    private TariffAdministration tariffAdmin;

    @BeforeEach
    void openShop() {
        shop = TestShop.inMemory(clock).panel(panel).gateway(new SimulatedPaymentGateway()).build();
        oneMonth = TariffMother.oneMonth(1);
        shop.tariffs.save(oneMonth);
        server = ServerMother.server(1, "Riga");
        shop.servers.save(server);
        Admins admins = new Admins(Set.of(ADMIN));
        bans = new UserBans(admins, admins, shop.users, shop.keys, shop.servers, shop.transactions, panel, shop.banHolds, clock);
        tariffAdmin = new TariffAdministration(admins, shop.tariffs, shop.salesSwitch, clock);
        shop.registration.register(new RegisterUserCommand(BUYER, "Ivan", "ivan_p", "ru"));
        shop.registration.register(new RegisterUserCommand(ADMIN, "Olga", null, "en"));
    }

    private VpnKey boughtKey() {
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        shop.testPayments.payForTest(BUYER, order.id());
        shop.worker.runDueJobs();
        return shop.keys.find(shop.orders.find(order.id()).orElseThrow().keyId()).orElseThrow();
    }

    private boolean enabledOnPanel(VpnKey key) {
        return panel.client(server.id(), key.client().email()).orElseThrow().enabled();
    }

    private static Consumer<Throwable> refused(Refusal.Reason reason) {
        return e -> assertThat(((Refusal) e).reason()).isEqualTo(reason);
    }

    @Test
    void a_ban_switches_the_users_keys_off_in_our_records_and_on_the_panel_and_an_unban_turns_them_back_on() {
        VpnKey key = boughtKey();
        assertThat(enabledOnPanel(key)).isTrue();

        BanReport banned = bans.ban(ADMIN, BUYER);

        assertThat(banned.user().banned()).isTrue();
        assertThat(banned.switched()).containsExactly(key.id());
        assertThat(banned.panelFailed()).isEmpty();
        assertThat(shop.users.find(BUYER).orElseThrow().banned()).isTrue();
        assertThat(shop.keys.find(key.id()).orElseThrow().status()).isEqualTo(KeyStatus.DISABLED);
        assertThat(enabledOnPanel(key)).isFalse();

        BanReport unbanned = bans.unban(ADMIN, BUYER);

        assertThat(unbanned.switched()).containsExactly(key.id());
        assertThat(shop.users.find(BUYER).orElseThrow().banned()).isFalse();
        assertThat(shop.keys.find(key.id()).orElseThrow().status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(enabledOnPanel(key)).isTrue();
    }

    @Test
    void an_unban_switches_on_only_the_keys_the_ban_switched_off_and_a_key_off_for_another_reason_stays_off() {
        VpnKey banned = boughtKey();
        VpnKey refunded = boughtKey();
        // off before the ban, as a Stars refund leaves a key: in our records and on the panel
        shop.keys.save(shop.keys.find(refunded.id()).orElseThrow().withStatus(KeyStatus.DISABLED));
        panel.setEnabled(server, refunded.client(), false);

        BanReport ban = bans.ban(ADMIN, BUYER);
        assertThat(ban.switched()).as("only what the ban switched off").containsExactly(banned.id());
        assertThat(shop.banHolds.heldFor(BUYER)).containsExactly(banned.id());

        BanReport unban = bans.unban(ADMIN, BUYER);

        assertThat(unban.switched()).containsExactly(banned.id());
        assertThat(shop.keys.find(banned.id()).orElseThrow().status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(enabledOnPanel(banned)).isTrue();
        assertThat(shop.keys.find(refunded.id()).orElseThrow().status()).as("not the ban's to undo").isEqualTo(KeyStatus.DISABLED);
        assertThat(enabledOnPanel(refunded)).isFalse();
        assertThat(shop.banHolds.heldFor(BUYER)).as("released by the unban").isEmpty();
    }

    @Test
    void a_banned_user_gets_no_expiry_reminder_even_for_a_key_the_ban_did_not_reach() {
        VpnKey key = boughtKey();
        UserId other = new UserId(1002);
        shop.registration.register(new RegisterUserCommand(other, "Petr", null, "ru"));
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(other, oneMonth.id(), server.id()));
        shop.testPayments.payForTest(other, order.id());
        shop.worker.runDueJobs();
        // a key still ACTIVE under a ban: delivered after the ban switched the user's keys off
        shop.users.save(shop.users.find(BUYER).orElseThrow().withBanned(true));
        assertThat(shop.keys.find(key.id()).orElseThrow().status()).isEqualTo(KeyStatus.ACTIVE);
        clock.set(key.expiresAt().minus(java.time.Duration.ofHours(12)));

        shop.reminders.sendDueReminders();

        RecordingNotifier notifier = (RecordingNotifier) shop.notifier;
        assertThat(notifier.sent()).filteredOn(s -> s.kind().startsWith("reminder:")).extracting(RecordingNotifier.Sent::user)
                .as("the unbanned buyer is reminded, the banned one is not").containsExactly(other);
    }

    @Test
    void a_banned_users_key_stays_off_when_the_drift_repair_runs() {
        VpnKey key = boughtKey();
        bans.ban(ADMIN, BUYER);

        new PanelDriftRepair(shop.servers, shop.keys, panel, new RecordingNotifier(), clock, PurchaseSettings.defaults()).repairDrift();

        assertThat(enabledOnPanel(key)).isFalse();
    }

    @Test
    void a_panel_that_cannot_be_reached_is_reported_and_banning_again_switches_the_key_off() {
        VpnKey key = boughtKey();
        panel.takeDown(server.id());

        BanReport first = bans.ban(ADMIN, BUYER);

        assertThat(first.panelFailed()).containsExactly(key.id());
        assertThat(first.user().banned()).as("the ban itself holds").isTrue();
        panel.bringUp(server.id());
        assertThat(enabledOnPanel(key)).isTrue();

        BanReport again = bans.ban(ADMIN, BUYER);

        assertThat(again.switched()).containsExactly(key.id());
        assertThat(enabledOnPanel(key)).isFalse();
    }

    @Test
    void an_admin_cannot_be_banned_and_only_admins_ban() {
        assertThatThrownBy(() -> bans.ban(ADMIN, ADMIN)).satisfies(refused(Refusal.Reason.INVALID_INPUT));
        assertThatThrownBy(() -> bans.ban(BUYER, ADMIN)).satisfies(refused(Refusal.Reason.NOT_ADMIN));
        assertThatThrownBy(() -> bans.ban(ADMIN, new UserId(424242))).satisfies(refused(Refusal.Reason.USER_NOT_FOUND));
        assertThat(shop.users.find(ADMIN).orElseThrow().banned()).isFalse();
    }

    @Test
    void nothing_is_sold_to_a_banned_user_not_even_a_renewal() {
        VpnKey key = boughtKey();
        bans.ban(ADMIN, BUYER);

        assertThatThrownBy(() -> shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), null)))
                .satisfies(refused(Refusal.Reason.USER_BANNED));
        assertThatThrownBy(() -> shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id())))
                .satisfies(refused(Refusal.Reason.USER_BANNED));
    }

    @Test
    void paused_sales_refuse_new_keys_but_renewals_go_on_and_resuming_sells_again() {
        VpnKey key = boughtKey();

        SalesPause pause = tariffAdmin.pauseSales(ADMIN, "Moving to new servers until 18:00");

        assertThat(shop.catalogue.salesPause()).contains(pause);
        assertThatThrownBy(() -> shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), null)))
                .satisfies(refused(Refusal.Reason.SALES_PAUSED)).hasMessageContaining("Moving to new servers until 18:00");
        Order renewal = shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id()));
        shop.testPayments.payForTest(BUYER, renewal.id());
        shop.worker.runDueJobs();
        assertThat(shop.orders.find(renewal.id()).orElseThrow().status()).isEqualTo(OrderStatus.FULFILLED);

        tariffAdmin.resumeSales(ADMIN);
        assertThat(shop.catalogue.salesPause()).isEmpty();
        assertThat(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), null)).status())
                .isEqualTo(OrderStatus.AWAITING_PAYMENT);
    }

    @Test
    void a_maintenance_message_too_long_is_refused_and_sales_keep_running() {
        assertThatThrownBy(() -> tariffAdmin.pauseSales(ADMIN, "x".repeat(SalesPause.MAX_MESSAGE + 1)))
                .satisfies(refused(Refusal.Reason.INVALID_INPUT));
        assertThatThrownBy(() -> tariffAdmin.pauseSales(BUYER, "no")).satisfies(refused(Refusal.Reason.NOT_ADMIN));
        assertThat(shop.catalogue.salesPause()).isEmpty();
    }
}
