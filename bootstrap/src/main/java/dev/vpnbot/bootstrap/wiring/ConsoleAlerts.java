package dev.vpnbot.bootstrap.wiring;

import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.port.out.notify.ReminderKind;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console's notifier: admin alerts go to the log (the operator reads them there);
 * the console never messages users, so a user notice asked of it fails loudly instead of vanishing.
 */
final class ConsoleAlerts implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger("dev.vpnbot.audit");

    @Override
    public void alertAdmins(AdminAlert alert) {
        LOG.warn("{}: {}", alert.kind(), alert.detail());
    }

    @Override
    public CompletionStage<Void> keyReady(Recipient to, VpnKey key, String serverName) {
        return CompletableFuture.failedFuture(notHere());
    }

    @Override
    public CompletionStage<Void> keyExtended(Recipient to, VpnKey key, String serverName) {
        return CompletableFuture.failedFuture(notHere());
    }

    @Override
    public CompletionStage<Void> paymentTooLow(Recipient to, Order order, Money paid) {
        return CompletableFuture.failedFuture(notHere());
    }

    @Override
    public void expiryReminder(Recipient to, VpnKey key, String serverName, ReminderKind kind) {
        throw notHere();
    }

    @Override
    public void starsPaymentNews(Recipient to, StarPayment payment, Instant keyExpiry) {
        throw notHere();
    }

    private static UnsupportedOperationException notHere() {
        return new UnsupportedOperationException("the operator console sends no messages to users; the running bot does");
    }
}
