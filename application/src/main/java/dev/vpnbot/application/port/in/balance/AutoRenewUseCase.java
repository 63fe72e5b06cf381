package dev.vpnbot.application.port.in.balance;

import dev.vpnbot.domain.balance.AutoRenew;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.user.UserId;
import java.util.Optional;

/** Use case: a user switches auto-renew from the balance on or off for one of their keys. */
public interface AutoRenewUseCase {

    /** Refusal KEY_NOT_FOUND for someone else's key, TARIFF_NOT_AVAILABLE when nothing can renew it. */
    AutoRenew switchOn(UserId user, KeyId key);

    void switchOff(UserId user, KeyId key);

    Optional<AutoRenew> status(UserId user, KeyId key);
}
