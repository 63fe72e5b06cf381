package dev.vpnbot.application.port.out.notify;

import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.user.UserId;

/**
 * Outgoing port: messages to users and admins. Implementations render texts in the user's
 * language and must not throw: a message that cannot be sent is logged, never undoes business.
 */
public interface Notifier {

    /** A new key is ready: links, QR code and the next step. */
    void keyReady(UserId user, VpnKey key);

    /** A key got more time. */
    void keyExtended(UserId user, VpnKey key);

    /** The payment for an order did not cover it: nothing delivered, how to get help. */
    void paymentTooLow(UserId user, Order order, Money paid);

    /** The key expires soon (or just did); the message carries an Extend button. */
    void expiryReminder(UserId user, VpnKey key, ReminderKind kind);

    void alertAdmins(AdminAlert alert);
}
