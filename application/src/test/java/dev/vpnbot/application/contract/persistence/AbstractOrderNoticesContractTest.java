package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.OrderNotices.Kind;
import dev.vpnbot.application.port.out.OrderNotices.Pending;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code OrderNotices} contract, for every implementation: one notice per (order, kind), leased claims, kept until settled. */
public abstract class AbstractOrderNoticesContractTest extends PersistenceContract {
    private static final Duration LEASE = Duration.ofSeconds(10);

    private User buyer;
    private Server server;

    protected AbstractOrderNoticesContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    @BeforeEach
    void buyerAndServer() {
        buyer = savedUser(42);
        server = savedServer("Frankfurt");
    }

    protected OrderId order() {
        return placedOrder(buyer, server, NOW).id();
    }

    @Test
    void a_notice_is_recorded_once_per_order_and_kind() {
        OrderId order = order();
        ports.notices().add(order, Kind.KEY_READY, NOW);
        ports.notices().add(order, Kind.KEY_READY, NOW.minusSeconds(60)); // a replayed change
        ports.notices().add(order, Kind.PAYMENT_TOO_LOW, NOW);

        assertThat(ports.notices().unsent()).isEqualTo(2);
        assertThat(ports.notices().claimDue(NOW, 10, LEASE))
                .containsExactly(new Pending(order, Kind.KEY_READY, 0), new Pending(order, Kind.PAYMENT_TOO_LOW, 0));
    }

    @Test
    void a_claimed_notice_is_hidden_until_its_lease_ends_and_then_claimed_again() {
        OrderId order = order();
        ports.notices().add(order, Kind.KEY_EXTENDED, NOW);

        assertThat(ports.notices().claimDue(NOW, 10, LEASE)).hasSize(1);
        assertThat(ports.notices().claimDue(NOW.plus(LEASE).minusMillis(1), 10, LEASE)).isEmpty();
        assertThat(ports.notices().claimDue(NOW.plus(LEASE), 10, LEASE)).containsExactly(new Pending(order, Kind.KEY_EXTENDED, 0));
    }

    @Test
    void one_orders_notices_are_claimed_without_the_others() {
        OrderId mine = order();
        OrderId other = order();
        ports.notices().add(other, Kind.KEY_READY, NOW.minusSeconds(5));
        ports.notices().add(mine, Kind.KEY_READY, NOW);

        assertThat(ports.notices().claimDue(mine, NOW, LEASE)).containsExactly(new Pending(mine, Kind.KEY_READY, 0));
        assertThat(ports.notices().claimDue(mine, NOW, LEASE)).isEmpty();
        assertThat(ports.notices().claimDue(NOW, 10, LEASE)).containsExactly(new Pending(other, Kind.KEY_READY, 0));
    }

    @Test
    void a_sent_notice_is_never_claimed_again_and_a_failed_one_comes_back_when_due() {
        OrderId sent = order();
        OrderId failed = order();
        ports.notices().add(sent, Kind.KEY_READY, NOW);
        ports.notices().add(failed, Kind.KEY_READY, NOW);
        ports.notices().claimDue(NOW, 10, LEASE);

        ports.notices().sent(sent, Kind.KEY_READY, NOW);
        ports.notices().retryLater(failed, Kind.KEY_READY, 1, NOW.plusSeconds(5), "network");

        assertThat(ports.notices().unsent()).isEqualTo(1);
        assertThat(ports.notices().claimDue(NOW.plusSeconds(4), 10, LEASE)).isEmpty();
        assertThat(ports.notices().claimDue(NOW.plus(Duration.ofHours(1)), 10, LEASE))
                .containsExactly(new Pending(failed, Kind.KEY_READY, 1));
    }

    @Test
    void a_notice_given_up_on_is_settled_and_a_late_retry_does_not_revive_a_sent_one() {
        OrderId gone = order();
        OrderId sent = order();
        ports.notices().add(gone, Kind.KEY_READY, NOW);
        ports.notices().add(sent, Kind.KEY_READY, NOW);
        ports.notices().giveUp(gone, Kind.KEY_READY, 10, "blocked by the user");
        ports.notices().sent(sent, Kind.KEY_READY, NOW);
        ports.notices().retryLater(sent, Kind.KEY_READY, 1, NOW, "a stale failure report");

        assertThat(ports.notices().unsent()).isZero();
        assertThat(ports.notices().claimDue(NOW.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
    }

    @Test
    void a_notice_added_in_a_transaction_that_rolls_back_is_gone() {
        OrderId order = order();
        try {
            ports.transactions().run(() -> {
                ports.notices().add(order, Kind.KEY_READY, NOW);
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // the change and its notice go together
        }
        assertThat(ports.notices().unsent()).isZero();
    }
}
