package dev.vpnbot.application.contract.persistence;

import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.application.model.statistics.Revenue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.admin.Audiences;
import dev.vpnbot.application.port.out.admin.Broadcasts;
import dev.vpnbot.application.port.out.admin.ShopFigures;
import dev.vpnbot.domain.broadcast.Audience;
import dev.vpnbot.domain.broadcast.Broadcast;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin panel's ports (statistics, audiences, broadcasts), for every implementation. */
public abstract class AbstractAdminQueriesContractTest extends PersistenceContract {

    /** The admin ports over the same storage as {@link #ports}. */
    public record AdminPorts(ShopFigures figures, Audiences audiences, Broadcasts broadcasts) {}

    private final Function<Persistence, AdminPorts> adminPorts;
    private AdminPorts admin;
    private Server server;

    protected AbstractAdminQueriesContractTest(Supplier<Persistence> freshPorts, Function<Persistence, AdminPorts> adminPorts) {
        super(freshPorts);
        this.adminPorts = adminPorts;
    }

    @BeforeEach
    void openAdminPorts() {
        admin = adminPorts.apply(ports);
        server = savedServer("Riga");
    }

    /** An order priced in the currency it is paid in, paid {@code ago}. */
    private void paid(User user, String amount, String currency, Duration ago) {
        OrderId id = ports.orders().nextId();
        Money price = Money.of(amount, currency);
        Order order = Order.place(id, PublicOrderId.of(id, "n" + id), user.id(), new TariffSnapshot(ONE_MONTH.id(), 30, price),
                new OrderPurpose.NewKey(server.id()), NOW.minus(ago), Duration.ofHours(1));
        ports.orders().save(order.pay(price, NOW.minus(ago)));
    }

    @Test
    void statistics_count_users_live_keys_keys_about_to_expire_and_revenue_per_currency() {
        User ivan = savedUser(101);
        User anna = savedUser(102);
        savedUser(103);
        savedKey(ivan, server, NOW.plus(Duration.ofDays(2)), KeyStatus.ACTIVE);
        savedKey(anna, server, NOW.plus(Duration.ofDays(20)), KeyStatus.ACTIVE);
        savedKey(anna, server, NOW.minus(Duration.ofDays(1)), KeyStatus.ACTIVE);
        paid(ivan, "5.00", "USD", Duration.ofHours(2));
        paid(anna, "6.50", "USD", Duration.ofDays(3));
        paid(anna, "400", "RUB", Duration.ofDays(3));
        paid(anna, "5.00", "USD", Duration.ofDays(40));
        placedOrder(ivan, server, NOW); // unpaid: no revenue

        assertThat(admin.figures().countUsers()).isEqualTo(3);
        assertThat(admin.figures().countActiveKeys(NOW)).isEqualTo(2);
        assertThat(admin.figures().countKeysExpiringBetween(NOW, NOW.plus(Duration.ofDays(3)))).isEqualTo(1);
        Revenue lastDay = admin.figures().revenueSince(NOW.minus(Duration.ofDays(1)));
        assertThat(lastDay.paidOrders()).isEqualTo(1);
        assertThat(lastDay.totals()).containsExactly(Money.of("5.00", "USD"));
        Revenue lastWeek = admin.figures().revenueSince(NOW.minus(Duration.ofDays(7)));
        assertThat(lastWeek.paidOrders()).isEqualTo(3);
        assertThat(lastWeek.totals()).containsExactly(Money.of("400", "RUB"), Money.of("11.50", "USD"));
        assertThat(admin.figures().countOrdersByStatus())
                .containsEntry(dev.vpnbot.domain.order.OrderStatus.PAID, 4L)
                .containsEntry(dev.vpnbot.domain.order.OrderStatus.CREATED, 1L);
    }

    @Test
    void rule_revenue_counts_crypto_per_currency_and_stars_in_stars_and_test_payments_and_grants_never() {
        User ivan = savedUser(101);
        paid(ivan, "5.00", "USD", Duration.ofHours(2));
        Order test = placedOrder(ivan, server, NOW.minus(Duration.ofHours(1)));
        ports.orders().save(test.pay(test.price(), NOW.minus(Duration.ofHours(1)), dev.vpnbot.domain.order.PaymentMethod.TEST));
        Order stars = placedOrder(ivan, server, NOW.minus(Duration.ofHours(1)));
        ports.orders().save(stars.pay(stars.price(), NOW.minus(Duration.ofHours(1)), dev.vpnbot.domain.order.PaymentMethod.STARS));
        ports.starPayments().record(StarPayment.applied("kept", ivan.id(), "p", stars.id(), new Stars(250), NOW.minus(Duration.ofHours(1))));
        ports.starPayments().record(StarPayment.applied("back", ivan.id(), "p", stars.id(), new Stars(100), NOW.minus(Duration.ofHours(1))));
        ports.starPayments().save(ports.starPayments().findForUpdate("back").orElseThrow().refunded(NOW, false));
        ports.starPayments().record(StarPayment.held("held", ivan.id(), "x", null, new Stars(7), StarPayment.Problem.NO_ORDER, NOW));

        Revenue lastDay = admin.figures().revenueSince(NOW.minus(Duration.ofDays(1)));
        assertThat(lastDay.paidOrders()).isEqualTo(1);
        assertThat(lastDay.totals()).containsExactly(Money.of("5.00", "USD"));
        assertThat(lastDay.starsPayments()).isEqualTo(1);
        assertThat(lastDay.stars()).isEqualTo(new Stars(250));
        assertThat(lastDay.refunds()).isEqualTo(1);
        assertThat(lastDay.refundedStars()).isEqualTo(new Stars(100));
    }

    @Test
    void audiences_leave_out_blocked_users_and_page_in_telegram_id_order() {
        User active = savedUser(201);
        User lapsed = savedUser(202);
        User newcomer = savedUser(203);
        User blocked = savedUser(204);
        ports.users().save(blocked.withBlocked(true));
        savedKey(active, server, NOW.plus(Duration.ofDays(5)), KeyStatus.ACTIVE);
        savedKey(lapsed, server, NOW.minus(Duration.ofDays(5)), KeyStatus.ACTIVE);
        savedKey(blocked, server, NOW.plus(Duration.ofDays(5)), KeyStatus.ACTIVE);

        assertThat(admin.audiences().count(Audience.ALL, NOW)).isEqualTo(3);
        assertThat(admin.audiences().page(Audience.ALL, NOW, 0, 2)).containsExactly(active.id(), lapsed.id());
        assertThat(admin.audiences().page(Audience.ALL, NOW, lapsed.id().telegramId(), 10)).containsExactly(newcomer.id());
        assertThat(admin.audiences().page(Audience.WITH_ACTIVE_KEY, NOW, 0, 10)).containsExactly(active.id());
        assertThat(admin.audiences().page(Audience.WITH_EXPIRED_KEY, NOW, 0, 10)).containsExactly(lapsed.id());
    }

    @Test
    void audiences_never_paid_trial_only_and_expiring_within_n_days_and_banned_users_never() {
        User payer = savedUser(301);
        User granted = savedUser(302);
        User newcomer = savedUser(303);
        User banned = savedUser(304);
        ports.users().save(banned.withBanned(true));
        paid(payer, "5.00", "USD", Duration.ofDays(3));
        VpnKey payerKey = savedKey(payer, server, NOW.plus(Duration.ofDays(2)), KeyStatus.ACTIVE);
        VpnKey freeKey = savedKey(granted, server, NOW.plus(Duration.ofDays(10)), KeyStatus.ACTIVE);
        // a free key: an admin grant (no money moved), delivered
        Order grant = placedOrder(granted, server, NOW.minus(Duration.ofDays(1)));
        ports.orders().save(grant.pay(grant.price(), NOW.minus(Duration.ofDays(1)), dev.vpnbot.domain.order.PaymentMethod.GRANT)
                .grant(freeKey.id(), freeKey.expiresAt()).fulfil(NOW.minus(Duration.ofDays(1))));
        savedKey(banned, server, NOW.plus(Duration.ofDays(1)), KeyStatus.ACTIVE);
        placedOrder(newcomer, server, NOW); // never paid: an order alone is not a payment

        assertThat(admin.audiences().page(Audience.ALL, NOW, 0, 10)).containsExactly(payer.id(), granted.id(), newcomer.id());
        assertThat(admin.audiences().page(Audience.NEVER_PAID, NOW, 0, 10)).containsExactly(granted.id(), newcomer.id());
        assertThat(admin.audiences().count(Audience.NEVER_PAID, NOW)).isEqualTo(2);
        assertThat(admin.audiences().page(Audience.TRIAL_ONLY, NOW, 0, 10)).containsExactly(granted.id());
        assertThat(admin.audiences().page(Audience.EXPIRING_SOON, 3, NOW, 0, 10)).containsExactly(payer.id());
        assertThat(admin.audiences().count(Audience.EXPIRING_SOON, 14, NOW)).isEqualTo(2);
        assertThat(admin.audiences().page(Audience.EXPIRING_SOON, 14, NOW, payer.id().telegramId(), 10)).containsExactly(granted.id());
        assertThat(payerKey.expiresAt()).isAfter(NOW);
    }

    @Test
    void a_broadcast_keeps_its_photo_button_and_days() {
        long id = admin.broadcasts().nextId();
        Broadcast draft = Broadcast.draft(id, new UserId(1), "Продлите со скидкой", Audience.EXPIRING_SOON, 7, "AgACAgIAAxkBAAIB", NOW)
                .withButton(new dev.vpnbot.domain.broadcast.LinkButton("Продлить", "https://t.me/example_bot?start=renew"));
        admin.broadcasts().save(draft);

        assertThat(admin.broadcasts().find(id)).contains(draft);
        Broadcast started = draft.start();
        admin.broadcasts().save(started);
        assertThat(admin.broadcasts().find(id)).contains(started);
        admin.broadcasts().save(started.cancel()); // the table outlives the test: leave nothing sending
    }

    @Test
    void a_broadcast_keeps_its_progress_and_only_sending_ones_are_listed() {
        long id = admin.broadcasts().nextId();
        Broadcast draft = Broadcast.draft(id, new UserId(1), "Новые сервера в Европе!", Audience.ALL, NOW);
        admin.broadcasts().save(draft);
        assertThat(admin.broadcasts().sending()).isEmpty();

        Broadcast progressed = draft.start().progressed(40, 2, 1, 987654321L);
        admin.broadcasts().save(progressed);

        assertThat(admin.broadcasts().find(id)).contains(progressed);
        assertThat(admin.broadcasts().sending()).containsExactly(progressed);
        assertThat(admin.broadcasts().find(id + 1000)).isEmpty();
    }
}
