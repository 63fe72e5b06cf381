package dev.vpnbot.application.port.out.gifts;

import dev.vpnbot.domain.gift.Gift;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: gifts (docs/CODES.md, "Gift codes"). Every change of state is one conditional
 * write that answers the gift as changed, or empty when the gift was not in the state it needs:
 * of two callers racing for the same change, exactly one gets it.
 */
public interface Gifts {

    /** Stores a new (UNPAID) gift; returns it with its id. */
    Gift add(Gift gift);

    Optional<Gift> byCode(String code);

    Optional<Gift> byOrder(OrderId order);

    Optional<Gift> byId(long id);

    /** The buyer's gifts, newest first. */
    List<Gift> ofBuyer(UserId buyer, int limit);

    /** UNPAID → ISSUED, valid until the given instant. */
    Optional<Gift> issue(OrderId order, Instant validUntil);

    /** ISSUED and valid at {@code now} → REDEEMED by {@code taker}. */
    Optional<Gift> take(String code, UserId taker, Instant now);

    /** ISSUED, the buyer's and no longer valid at {@code now} → RECLAIMED by the buyer. */
    Optional<Gift> reclaim(long id, UserId buyer, Instant now);

    /** UNPAID or ISSUED → VOIDED (its payment went back). */
    Optional<Gift> voidUntaken(OrderId order);

    /** Records the zero-price order that delivers the taken gift's key. */
    void deliveredBy(long id, OrderId keyOrder);
}
