package dev.vpnbot.application.port.out.growth;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;

/** Outgoing port: the free trials taken, one per Telegram account for ever. */
public interface Trials {

    /**
     * Records the user's one trial, given by {@code order}, in the caller's transaction. False when
     * the user has had one already: the store's unique key decides, also between two requests at once.
     */
    boolean claim(UserId user, OrderId order, Instant at);

    boolean used(UserId user);

    /** The key a trial order gave. */
    boolean isTrialKey(KeyId key);

    /** Trials started, all time. */
    long started();

    /** Trial users who later paid for an order (money moved: no trial, grant or test payment). */
    long converted();
}
