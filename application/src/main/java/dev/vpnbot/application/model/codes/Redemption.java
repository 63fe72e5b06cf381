package dev.vpnbot.application.model.codes;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One use of a promo code: the order placed with it, what the order would have cost without it
 * and what the code took off (or added, in days). A use counts against the code's limits while
 * its order is not cancelled or expired.
 *
 * @param orderStatus where the order stands now (as read; {@code null} when just recorded)
 */
public record Redemption(long codeId, String code, OrderId orderId, UserId userId, Money listPrice, Money off,
                         int extraDays, Instant redeemedAt, OrderStatus orderStatus) {
    public Redemption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(listPrice, "listPrice");
        Objects.requireNonNull(off, "off");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
        if (extraDays < 0) throw new IllegalArgumentException("extra days cannot be negative");
    }

    /** Whether the use still holds one of the code's uses (its order was not given up). */
    public boolean holdsAUse() {
        return orderStatus != OrderStatus.CANCELLED && orderStatus != OrderStatus.EXPIRED;
    }
}
