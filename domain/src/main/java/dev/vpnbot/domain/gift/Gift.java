package dev.vpnbot.domain.gift;

import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A key bought for someone else. The buyer pays an order ({@code order}); when it is paid the gift
 * is ISSUED with a secret code valid until {@code validUntil}; the first person to open its link
 * takes it (REDEEMED), or after that time the buyer takes it back (RECLAIMED). A refund of an
 * untaken gift VOIDs it. {@code keyOrder} is the zero-price order that delivers the key.
 */
public record Gift(long id, String code, OrderId order, UserId buyer, TariffId tariff, int days, Status status,
                   Instant validUntil, UserId takenBy, OrderId keyOrder, Instant createdAt, Instant takenAt) {

    /** 20 base32 characters: 100 random bits, safe in a URL and a Telegram start payload. */
    public static final Pattern CODE = Pattern.compile("[a-z2-7]{20}");

    public enum Status { UNPAID, ISSUED, REDEEMED, RECLAIMED, VOIDED }

    public Gift {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!CODE.matcher(code).matches()) throw new IllegalArgumentException("not a gift code: " + code);
        if (days <= 0) throw new IllegalArgumentException("a gift lasts at least a day: " + days);
        if (status != Status.UNPAID && status != Status.VOIDED && validUntil == null) {
            throw new IllegalArgumentException("an issued gift has an end of validity");
        }
    }

    /** A new gift for an order just placed, not yet paid. */
    public static Gift ordered(String code, OrderId order, UserId buyer, TariffId tariff, int days, Instant now) {
        return new Gift(0, code, order, buyer, tariff, days, Status.UNPAID, null, null, null, now, null);
    }

    /** Whether {@code text} could be a gift code at all (checked before any lookup). */
    public static boolean looksLikeCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    /** Issued and still within its validity: anyone with the link may take it. */
    public boolean openAt(Instant now) {
        return status == Status.ISSUED && now.isBefore(validUntil);
    }

    /** Issued but past its validity: the buyer may take it back. */
    public boolean reclaimableAt(Instant now) {
        return status == Status.ISSUED && !now.isBefore(validUntil);
    }

    public Gift withId(long newId) {
        return new Gift(newId, code, order, buyer, tariff, days, status, validUntil, takenBy, keyOrder, createdAt, takenAt);
    }
}
