package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.gifts.Gifts;
import dev.vpnbot.domain.gift.Gift;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code Gifts} contract, for every implementation: each change of state happens once, from the state it needs. */
public abstract class AbstractGiftsContractTest extends PersistenceContract {
    private static final Instant UNTIL = NOW.plus(Duration.ofDays(30));

    private final Function<Persistence, Gifts> store;
    private Gifts gifts;
    private User buyer;
    private User friend;
    private Server server;

    protected AbstractGiftsContractTest(Supplier<Persistence> freshPorts, Function<Persistence, Gifts> store) {
        super(freshPorts);
        this.store = store;
    }

    @BeforeEach
    void openStore() {
        gifts = store.apply(ports);
        buyer = savedUser(1001);
        friend = savedUser(1002);
        server = savedServer("Frankfurt");
    }

    private Gift added(String code) {
        Order order = placedOrder(buyer, server, NOW);
        return gifts.add(Gift.ordered(code, order.id(), buyer.id(), ONE_MONTH.id(), ONE_MONTH.days(), NOW));
    }

    @Test
    void a_gift_is_stored_as_given_and_found_by_code_order_id_and_buyer() {
        Gift gift = added("abcdefghijklmnopqrst");
        assertThat(gift.id()).isPositive();
        assertThat(gifts.byCode("abcdefghijklmnopqrst")).contains(gift);
        assertThat(gifts.byOrder(gift.order())).contains(gift);
        assertThat(gifts.byId(gift.id())).contains(gift);
        Gift newer = added("bbbbbbbbbbbbbbbbbbbb");
        assertThat(gifts.ofBuyer(buyer.id(), 10)).containsExactly(newer, gift);
        assertThat(gifts.ofBuyer(friend.id(), 10)).isEmpty();
        assertThat(gifts.byCode("cccccccccccccccccccc")).isEmpty();
    }

    @Test
    void issue_take_and_delivery_happen_once_and_only_while_valid() {
        Gift gift = added("abcdefghijklmnopqrst");
        assertThat(gifts.take(gift.code(), friend.id(), NOW)).as("not paid yet").isEmpty();
        assertThat(gifts.issue(gift.order(), UNTIL)).hasValueSatisfying(g -> assertThat(g.validUntil()).isEqualTo(UNTIL));
        assertThat(gifts.issue(gift.order(), UNTIL.plusSeconds(5))).isEmpty();
        assertThat(gifts.take(gift.code(), friend.id(), UNTIL)).as("no longer valid").isEmpty();

        Gift taken = gifts.take(gift.code(), friend.id(), NOW).orElseThrow();
        assertThat(taken.status()).isEqualTo(Gift.Status.REDEEMED);
        assertThat(taken.takenBy()).isEqualTo(friend.id());
        assertThat(taken.takenAt()).isEqualTo(NOW);
        assertThat(gifts.take(gift.code(), buyer.id(), NOW)).isEmpty();
        assertThat(gifts.voidUntaken(gift.order())).isEmpty();

        Order keyOrder = placedOrder(friend, server, NOW);
        gifts.deliveredBy(gift.id(), keyOrder.id());
        assertThat(gifts.byId(gift.id())).hasValueSatisfying(g -> assertThat(g.keyOrder()).isEqualTo(keyOrder.id()));
    }

    @Test
    void only_the_buyer_reclaims_and_only_after_validity_and_a_refund_voids_an_untaken_gift() {
        Gift gift = added("abcdefghijklmnopqrst");
        gifts.issue(gift.order(), UNTIL);
        assertThat(gifts.reclaim(gift.id(), buyer.id(), NOW)).isEmpty();
        assertThat(gifts.reclaim(gift.id(), friend.id(), UNTIL)).isEmpty();
        assertThat(gifts.reclaim(gift.id(), buyer.id(), UNTIL)).hasValueSatisfying(g -> {
            assertThat(g.status()).isEqualTo(Gift.Status.RECLAIMED);
            assertThat(g.takenBy()).isEqualTo(buyer.id());
        });

        Gift other = added("bbbbbbbbbbbbbbbbbbbb");
        gifts.issue(other.order(), UNTIL);
        assertThat(gifts.voidUntaken(other.order())).hasValueSatisfying(g -> assertThat(g.status()).isEqualTo(Gift.Status.VOIDED));
        assertThat(gifts.take(other.code(), friend.id(), NOW)).isEmpty();
        assertThat(gifts.voidUntaken(other.order())).isEmpty();
    }
}
