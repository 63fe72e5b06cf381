package dev.vpnbot.application.port.out.codes;

import dev.vpnbot.application.model.codes.CodeFigures;
import dev.vpnbot.application.model.codes.Redemption;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: promo codes, their uses, and the code a user brought by a start link. A use is
 * counted while its order is neither cancelled nor expired, so a code given up is free again.
 */
public interface PromoCodes {

    /** Stores a new code and gives it its id; empty when the code's text is taken. */
    Optional<PromoCode> create(PromoCode code);

    Optional<PromoCode> find(String code);

    /** Like {@link #find} but locks the code until the transaction ends: its uses are counted and taken under that lock. */
    Optional<PromoCode> findForUpdate(String code);

    /** Newest first. */
    List<PromoCode> all(int limit);

    /** Updates a stored code (disabling it). */
    void save(PromoCode code);

    /** Uses that hold, by everybody. */
    long uses(long codeId);

    /** Uses that hold, by this user. */
    long usesBy(long codeId, UserId user);

    /** Whether the user ever had an order paid (codes for new users refuse them). */
    boolean hasPaidOrder(UserId user);

    /** Records a use; the order is stored already, in the same transaction. One use per order. */
    void redeem(Redemption redemption);

    Optional<Redemption> redemptionOf(OrderId order);

    /** A code's uses, newest first, with the status of their orders. */
    List<Redemption> redemptions(long codeId, int limit);

    /** Every code with its figures, newest first. */
    List<CodeFigures> figures(int limit);

    /** The code a user brought by a start link, to be used on their next order. */
    Optional<String> remembered(UserId user);

    void remember(UserId user, String code);

    void forget(UserId user);
}
