package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vpnbot.application.port.in.admin.ManageBalancesUseCase;
import dev.vpnbot.application.port.in.balance.AutoRenewUseCase;
import dev.vpnbot.application.port.in.balance.PayFromBalanceUseCase;
import dev.vpnbot.application.port.in.balance.ReconcileLedgerUseCase;
import dev.vpnbot.application.port.in.balance.RenewFromBalanceUseCase;
import dev.vpnbot.application.port.in.balance.ShowBalanceUseCase;
import dev.vpnbot.application.port.in.balance.TopUpBalanceUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.balance.AutoRenewals;
import dev.vpnbot.application.port.out.balance.Balances;
import dev.vpnbot.application.port.out.balance.TopUps;
import dev.vpnbot.application.port.out.notify.BalanceNotices;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.balance.BalanceAdministration;
import dev.vpnbot.application.service.balance.BalanceBook;
import dev.vpnbot.application.service.balance.BalanceTopUp;
import dev.vpnbot.application.service.balance.Deposits;
import dev.vpnbot.application.service.balance.LedgerReconciliation;
import dev.vpnbot.application.service.balance.ShopCurrency;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.application.service.payment.BalanceCheckout;
import dev.vpnbot.application.service.payment.PaymentConfirmation;
import dev.vpnbot.application.service.payment.PaymentRouting;
import dev.vpnbot.application.service.payment.RenewalPayment;
import dev.vpnbot.application.service.renewal.AutoRenewal;
import dev.vpnbot.bootstrap.config.BalanceConfig;
import java.time.Clock;
import java.time.Duration;

/** The balance's use cases (docs/BALANCE.md): the ledger, top-ups, paying from it, auto-renew, reconciliation, admin entries. */
public final class BalanceModule extends AbstractModule {

    @Provides
    @Singleton
    ShopCurrency shopCurrency(Tariffs tariffs) {
        return new ShopCurrency(tariffs);
    }

    @Provides
    @Singleton
    BalanceBook book(Balances balances, ShopCurrency currency) {
        return new BalanceBook(balances, currency);
    }

    @Provides
    @Singleton
    ShowBalanceUseCase showBalance(BalanceBook book) {
        return book;
    }

    @Provides
    @Singleton
    Deposits deposits(BalanceBook book, ShopCurrency currency, Clock clock) {
        return new Deposits(book, currency, clock);
    }

    /** Presets from TOPUP_PRESETS, else the prices of the tariffs on sale. */
    @Provides
    @Singleton
    BalanceTopUp balanceTopUp(BalanceBook book, ShopCurrency currency, TopUps topUps, Users users, PaymentGateway gateway,
                              Transactions tx, Clock clock, PurchaseSettings settings, BalanceConfig config, Tariffs tariffs) {
        return new BalanceTopUp(book, currency, topUps, users, gateway, tx, clock, settings.invoiceLifetime(), config.topUpPresets(),
                tariffs);
    }

    @Provides
    @Singleton
    TopUpBalanceUseCase topUp(BalanceTopUp topUp) {
        return topUp;
    }

    @Provides
    @Singleton
    BalanceCheckout checkout(Orders orders, TopUps topUps, BalanceBook book, BalanceTopUp topUp, PaymentGateway gateway,
                             PaymentConfirmation confirmation, Notifier notifier, Transactions tx, Clock clock) {
        return new BalanceCheckout(orders, topUps, book, topUp, gateway, confirmation, notifier, tx, clock);
    }

    @Provides
    @Singleton
    PayFromBalanceUseCase payFromBalance(BalanceCheckout checkout) {
        return checkout;
    }

    @Provides
    @Singleton
    PaymentRouting routing(PaymentConfirmation confirmation, BalanceCheckout checkout) {
        return new PaymentRouting(confirmation, checkout);
    }

    @Provides
    @Singleton
    AutoRenewal autoRenewal(AutoRenewals renewals, Keys keys, Orders orders, Tariffs tariffs, Servers servers, Users users,
                            BalanceBook book, PaymentConfirmation confirmation, SentNotifications sent, BalanceNotices notices,
                            Transactions tx, Clock clock, BalanceConfig config) {
        return new AutoRenewal(renewals, keys, orders, tariffs, servers, users, book,
                new RenewalPayment(orders, renewals, book, confirmation, tx, clock), sent, notices, tx, clock,
                Duration.ofDays(config.autoRenewDays()), ApplicationModule.BATCH);
    }

    @Provides
    @Singleton
    AutoRenewUseCase autoRenew(AutoRenewal renewal) {
        return renewal;
    }

    @Provides
    @Singleton
    RenewFromBalanceUseCase renewFromBalance(AutoRenewal renewal) {
        return renewal;
    }

    @Provides
    @Singleton
    ReconcileLedgerUseCase ledgerReconciliation(Balances balances, PaymentGateway gateway, Notifier notifier, SentNotifications once) {
        return new LedgerReconciliation(balances, gateway, notifier, once);
    }

    @Provides
    @Singleton
    ManageBalancesUseCase manageBalances(BalanceBook book, Balances balances, AutoRenewals renewals, Users users, Notifier notifier,
                                         Transactions tx, Clock clock, Admins admins) {
        return new BalanceAdministration(book, balances, renewals, users, notifier::alertAdmins, tx, clock, admins);
    }
}
