package dev.vpnbot.application.port.out.balance;

import dev.vpnbot.domain.balance.AutoRenew;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.order.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: who asked for auto-renew, and which renewals were made (one per key and expiry). */
public interface AutoRenewals {

    /** A key switched on, with the expiry it has now. */
    record Due(AutoRenew setting, Instant expiresAt) {}

    void switchOn(AutoRenew setting);

    /** True when it was on. */
    boolean switchOff(KeyId key);

    Optional<AutoRenew> find(KeyId key);

    /** Every key with auto-renew on, oldest setting first. */
    List<AutoRenew> all(int limit);

    /** Switched-on keys that are ACTIVE, expire before {@code horizon} and have no renewal for their current expiry. */
    List<Due> due(Instant horizon, int limit);

    /** Claims the renewal of {@code key} at {@code expiresAt}; false when one was made already (by any instance). */
    boolean claim(KeyId key, Instant expiresAt, OrderId order, Instant at);
}
