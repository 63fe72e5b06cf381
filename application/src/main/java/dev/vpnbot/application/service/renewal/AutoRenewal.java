package dev.vpnbot.application.service.renewal;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.balance.AutoRenewUseCase;
import dev.vpnbot.application.port.in.balance.RenewFromBalanceUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.balance.AutoRenewals;
import dev.vpnbot.application.port.out.notify.BalanceNotices;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.service.balance.BalanceBook;
import dev.vpnbot.application.service.payment.RenewalPayment;
import dev.vpnbot.application.service.payment.RenewalPayment.Result;
import dev.vpnbot.domain.balance.AutoRenew;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Auto-renew from the balance, opt-in per key. Rules: a key is renewed for the tariff it was
 * switched on with (its latest purchase's, or the first on sale), {@code leadTime} before it
 * expires; the renewal order, its claim (one per key and expiry, a primary key shared by every
 * instance), the debit and the fulfilment job are one transaction, so two instances renew once
 * and a crash leaves either nothing or a paid order that the fulfilment worker delivers. A balance
 * that falls short writes nothing; the owner is told the exact shortfall once per expiry.
 */
public final class AutoRenewal implements AutoRenewUseCase, RenewFromBalanceUseCase {
    private static final Logger LOG = Logger.getLogger(AutoRenewal.class.getName());
    static final String SHORT_NOTICE = "autorenew-short";

    private final AutoRenewals settings;
    private final Keys keys;
    private final Orders orders;
    private final Tariffs tariffs;
    private final Servers servers;
    private final Users users;
    private final BalanceBook book;
    private final RenewalPayment payment;
    private final SentNotifications sent;
    private final BalanceNotices notices;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration leadTime;
    private final int batch;

    public AutoRenewal(AutoRenewals settings, Keys keys, Orders orders, Tariffs tariffs, Servers servers, Users users, BalanceBook book,
                       RenewalPayment payment, SentNotifications sent, BalanceNotices notices, Transactions transactions, Clock clock,
                       Duration leadTime, int batch) {
        this.settings = settings;
        this.keys = keys;
        this.orders = orders;
        this.tariffs = tariffs;
        this.servers = servers;
        this.users = users;
        this.book = book;
        this.payment = payment;
        this.sent = sent;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
        this.leadTime = leadTime;
        this.batch = batch;
    }

    @Override
    public AutoRenew switchOn(UserId user, KeyId keyId) {
        VpnKey key = own(user, keyId);
        Tariff tariff = tariffFor(key).orElseThrow(() -> new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "nothing on sale renews key " + keyId));
        AutoRenew setting = new AutoRenew(key.id(), user, tariff.id(), clock.instant());
        transactions.run(() -> settings.switchOn(setting));
        return setting;
    }

    @Override
    public void switchOff(UserId user, KeyId keyId) {
        own(user, keyId);
        transactions.run(() -> settings.switchOff(keyId));
    }

    @Override
    public Optional<AutoRenew> status(UserId user, KeyId keyId) {
        own(user, keyId);
        return settings.find(keyId);
    }

    @Override
    public Round renewDue() {
        int renewed = 0;
        int tooShort = 0;
        int refused = 0;
        for (AutoRenewals.Due due : settings.due(clock.instant().plus(leadTime), batch)) {
            switch (renewOne(due)) {
                case RENEWED -> renewed++;
                case SHORT -> tooShort++;
                case REFUSED -> refused++;
                case TAKEN -> { }
            }
        }
        return new Round(renewed, tooShort, refused);
    }

    /** One key's renewal: see the class comment. */
    Result renewOne(AutoRenewals.Due due) {
        AutoRenew setting = due.setting();
        Optional<Tariff> tariff = tariffs.find(setting.tariff()).filter(Tariff::active);
        Optional<VpnKey> key = keys.find(setting.key()).filter(k -> k.status() == KeyStatus.ACTIVE);
        boolean allowed = users.find(setting.user()).map(u -> !u.banned()).orElse(false);
        if (tariff.isEmpty() || key.isEmpty() || !allowed || servers.find(key.get().serverId()).isEmpty()) {
            LOG.info(() -> "auto-renew of key " + setting.key() + " refused: tariff, key, server or user no longer allow it");
            return Result.REFUSED;
        }
        Result result = payment.renew(key.get(), due.expiresAt(), tariff.get());
        if (result == Result.SHORT) tellShort(key.get(), tariff.get().price());
        return result;
    }

    private void tellShort(VpnKey key, Money price) {
        Money shortfall = BalanceBook.shortfall(price, book.balanceOf(key.owner()));
        if (shortfall.amount().signum() == 0) return; // topped up meanwhile: the next round renews
        if (!sent.claim(SHORT_NOTICE, Keys.reminderSubject(key))) return;
        notices.autoRenewShort(Recipient.of(key.owner(), users.find(key.owner())), key, shortfall);
    }

    private VpnKey own(UserId user, KeyId keyId) {
        return keys.find(keyId).filter(k -> k.belongsTo(user))
                .orElseThrow(() -> new Refusal(Refusal.Reason.KEY_NOT_FOUND, "key " + keyId + " of user " + user));
    }

    /** The tariff of the key's latest paid order while it is on sale, else the first one on sale. */
    private Optional<Tariff> tariffFor(VpnKey key) {
        Optional<TariffId> last = orders.ofUser(key.owner(), 100).stream()
                .filter(o -> key.id().equals(o.keyId()) && o.status().isPaid())
                .max(Comparator.comparing(Order::createdAt))
                .map(o -> o.tariff().tariffId());
        Optional<Tariff> same = last.flatMap(tariffs::find).filter(Tariff::active);
        if (same.isPresent()) return same;
        return tariffs.all().stream().filter(Tariff::active).min(Comparator.comparingInt(Tariff::displayOrder));
    }
}
