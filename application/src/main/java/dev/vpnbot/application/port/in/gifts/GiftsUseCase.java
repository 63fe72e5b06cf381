package dev.vpnbot.application.port.in.gifts;

import dev.vpnbot.domain.gift.Gift;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/**
 * Use case: gift codes (docs/CODES.md, "Gift codes"). A buyer pays an order for a gift; once paid,
 * the gift's link goes to the buyer instead of a key. The first other person to open the link takes
 * the key on a server of their choice; an untaken gift the buyer may take back after its validity.
 * Refusals: {@code GIFT_…} reasons of {@link dev.vpnbot.application.port.in.Refusal}.
 */
public interface GiftsUseCase {

    /** Places the gift's order (waiting for payment, like any order); its key is made only when someone takes it. */
    Order buy(UserId buyer, TariffId tariff);

    /** The gift behind a link, if {@code user} may take it now (checked again when taking). */
    Gift open(UserId user, String code);

    /** Takes the gift for {@code user} on {@code server}: the zero-price order that delivers the key, already paid. */
    Order redeem(UserId user, String code, ServerId server);

    /** The buyer takes an expired, untaken gift back as their own key (least-loaded server). */
    Order reclaim(UserId buyer, long giftId);

    /** The buyer asks for an open gift's link again (it comes as the "gift ready" message). */
    void resendLink(UserId buyer, long giftId);

    /** Whether this order of the user pays for a gift (a gift's order takes no promo code after it is placed). */
    boolean isGift(UserId user, dev.vpnbot.domain.order.OrderId order);

    /** The buyer's gifts, newest first. */
    List<Gift> mine(UserId buyer);
}
