package dev.vpnbot.application.port.out.notify;

import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;

/** Outgoing port: messages about the balance a user did not ask for at that moment. */
public interface BalanceNotices {

    /**
     * Auto-renew could not renew {@code key}: the balance lacks {@code shortfall}. The message names
     * it and carries a top-up button. Not sent to a blocked recipient.
     */
    void autoRenewShort(Recipient to, VpnKey key, Money shortfall);
}
