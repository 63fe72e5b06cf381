package dev.vpnbot.application.port.in.codes;

import dev.vpnbot.application.model.codes.Redemption;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: a buyer uses a promo code. At checkout the order waiting for payment is placed again
 * with the code (the discount is fixed when an order is placed, and the invoice asks for what the
 * order says) and the first one is cancelled; a code that cannot be used is a {@link Refusal}
 * ({@code CODE_…}) and the order stays as it was. A code from a start link is remembered and used
 * on the user's next order it fits.
 */
public interface RedeemPromoCodeUseCase {

    record ApplyCodeCommand(UserId userId, OrderId orderId, String code) {
        public ApplyCodeCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(code, "code");
        }
    }

    /** The new order, with the code's discount (already paid and on its way when the code made it free). */
    Order applyToOrder(ApplyCodeCommand command);

    /** A code from a start link: checked as far as it can be without an order, then kept for the next order. */
    PromoCode remember(UserId userId, String code);

    /** The code used on an order of this user, if any. */
    Optional<Redemption> discountOf(UserId userId, OrderId orderId);
}
