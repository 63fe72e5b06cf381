package dev.vpnbot.application.port.out.notify;

import dev.vpnbot.application.model.payment.StarPayment;
import java.time.Instant;

import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import java.util.concurrent.CompletionStage;

/**
 * Outgoing port: messages to users and admins. Each call carries what the message needs (who
 * reads it in which language and zone, the server's name), so implementations only write and
 * send. They must not throw: a message that cannot be sent is logged, never undoes business.
 *
 * <p>The buyer's order notices return a stage that completes once the messenger accepted the
 * message and fails when it could not be delivered, so the outbox ({@code OrderNotices}) keeps
 * them until then.
 */
public interface Notifier {

    /** A new key is ready: links, QR code and the next step. */
    CompletionStage<Void> keyReady(Recipient to, VpnKey key, String serverName);

    /**
     * A new key is ready, with the bot's own subscription link first (when there is one) and every
     * location of the key named. By default the plain {@link #keyReady(Recipient, VpnKey, String)}.
     *
     * @param locations    the key's locations, e.g. "Frankfurt, Helsinki"
     * @param subscription the token of the key's subscription link; null: none
     * @param links        each live location's raw link, in server order
     */
    default CompletionStage<Void> keyReady(Recipient to, VpnKey key, String locations, dev.vpnbot.domain.key.SubscriptionToken subscription,
                                           java.util.List<dev.vpnbot.domain.key.KeyLocation> links) {
        return keyReady(to, key, locations);
    }

    /** A key got more time. */
    CompletionStage<Void> keyExtended(Recipient to, VpnKey key, String serverName);

    /** The payment for an order did not cover it: nothing delivered, how to get help. */
    CompletionStage<Void> paymentTooLow(Recipient to, Order order, Money paid);

    /** The key expires soon (or just did); the message carries an Extend button. Not sent to a blocked recipient. */
    void expiryReminder(Recipient to, VpnKey key, String serverName, ReminderKind kind);

    /**
     * A free trial key has a day left or has run out: the message offers the tariffs, since a trial
     * key is not extended. By default the ordinary reminder.
     */
    default void trialReminder(Recipient to, VpnKey key, String serverName, ReminderKind kind) {
        expiryReminder(to, key, serverName, kind);
    }

    void alertAdmins(AdminAlert alert);

    /**
     * News about one of the user's Stars payments: held (it paid nothing; an admin will help) or
     * refunded (the stars went back; {@code keyExpiry} is the key's expiry after the time was
     * taken back, null when the payment had bought nothing).
     */
    void starsPaymentNews(Recipient to, StarPayment payment, Instant keyExpiry);
}
