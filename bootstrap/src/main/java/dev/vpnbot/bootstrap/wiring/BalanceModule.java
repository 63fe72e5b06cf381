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

    @Override
    protected void configure() {
        Autowire.singleton(binder(), ShopCurrency.class);
        Autowire.singleton(binder(), BalanceBook.class);
        Autowire.singleton(binder(), Deposits.class);
        Autowire.singleton(binder(), BalanceCheckout.class);
        Autowire.singleton(binder(), LedgerReconciliation.class, ReconcileLedgerUseCase.class);
    }

    @Provides
    @Singleton
    ShowBalanceUseCase showBalance(BalanceBook book) {
        return book;
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
    ManageBalancesUseCase manageBalances(BalanceBook book, Balances balances, AutoRenewals renewals, Users users, Notifier notifier,
                                         Transactions tx, Clock clock, Admins admins) {
        return new BalanceAdministration(book, balances, renewals, users, notifier::alertAdmins, tx, clock, admins);
    }
}
