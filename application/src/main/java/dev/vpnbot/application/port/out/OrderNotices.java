package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.order.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Outgoing port: the outbox of messages a buyer must get after a change to their order ("your
 * key is ready", "your key was extended", "your payment was too low"). A notice is written in
 * the same transaction as the change, so a crash can delay it but never lose it; it stays until
 * the messenger confirmed it (or it was given up on). One notice per (order, kind), however
 * often the change is replayed. Several relays (or bot instances) may claim at once; a notice is
 * never handed to two of them while its lease runs.
 */
public interface OrderNotices {

    enum Kind { KEY_READY, KEY_EXTENDED, PAYMENT_TOO_LOW }

    /** A notice still to be sent, with the attempts made so far. */
    record Pending(OrderId orderId, Kind kind, int attempts) {}

    /** Adds the notice unless the order already has one of this kind. Call inside the transaction of the change. */
    void add(OrderId orderId, Kind kind, Instant due);

    /** Takes up to {@code limit} due, unsent notices and hides them from other relays until now + lease. */
    List<Pending> claimDue(Instant now, int limit, Duration lease);

    /** Like {@link #claimDue(Instant, int, Duration)} for one order's notices only (sent at once after its change). */
    List<Pending> claimDue(OrderId orderId, Instant now, Duration lease);

    /** The messenger confirmed it: never sent again. */
    void sent(OrderId orderId, Kind kind, Instant at);

    /** The attempt failed: try again at {@code nextAttemptAt}. */
    void retryLater(OrderId orderId, Kind kind, int attempts, Instant nextAttemptAt, String error);

    /** Too many failed attempts (the buyer blocked the bot, or is gone): kept on record, never sent. */
    void giveUp(OrderId orderId, Kind kind, int attempts, String error);

    /** Notices neither sent nor given up on. */
    int unsent();
}
