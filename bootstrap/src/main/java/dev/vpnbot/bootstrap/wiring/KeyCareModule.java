package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vpnbot.application.port.in.account.DiagnoseKeyUseCase;
import dev.vpnbot.application.port.in.account.OfferConnectHelpUseCase;
import dev.vpnbot.application.port.in.account.ResetMonthlyTrafficUseCase;
import dev.vpnbot.application.port.in.account.ShowKeyUsageUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.MonthlyResets;
import dev.vpnbot.application.port.out.NewKeys;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.ConnectHelp;
import dev.vpnbot.application.port.out.panel.ClientQuota;
import dev.vpnbot.application.port.out.panel.ClientUsage;
import dev.vpnbot.application.service.account.ConnectHelpOffers;
import dev.vpnbot.application.service.account.KeyDiagnosis;
import dev.vpnbot.application.service.account.KeyUsageReading;
import dev.vpnbot.application.service.account.MonthlyTrafficResets;
import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.application.port.in.fulfilment.SweepPlacementsUseCase;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.fulfilment.KeyPlacing;
import dev.vpnbot.application.service.fulfilment.PlacementSweep;
import dev.vpnbot.application.service.ordering.ClientLimits;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.application.service.subscription.LinkReset;
import dev.vpnbot.application.service.ordering.Nonces;
import java.time.Clock;

/**
 * Care of delivered keys (docs/USAGE.md): live usage on the key screen, "my VPN doesn't work",
 * the "need help connecting?" offer, the monthly traffic reset, and where a key lives (its
 * placements, docs/SUBSCRIPTION.md).
 */
public final class KeyCareModule extends AbstractModule {

    @Override
    protected void configure() {
        Autowire.singleton(binder(), KeyDiagnosis.class, DiagnoseKeyUseCase.class);
        Autowire.singleton(binder(), KeyPlacing.class);
    }

    @Provides
    @Singleton
    ShowKeyUsageUseCase keyUsage(Keys keys, Servers servers, ClientUsage usage, Clock clock) {
        return new KeyUsageReading(keys, servers, usage, clock);
    }

    @Provides
    @Singleton
    OfferConnectHelpUseCase connectHelp(NewKeys newKeys, Users users, Servers servers, ClientUsage usage, SentNotifications ledger,
                                        ConnectHelp help, Clock clock) {
        return new ConnectHelpOffers(newKeys, users, servers, usage, ledger, help, clock, ApplicationModule.BATCH);
    }

    @Provides
    @Singleton
    ResetMonthlyTrafficUseCase monthlyResets(MonthlyResets resets, Servers servers, ClientQuota quota, SentNotifications ledger,
                                             Clock clock) {
        return new MonthlyTrafficResets(resets, servers, quota, ledger, clock, ApplicationModule.BATCH);
    }

    /** Pending placements (a location that failed at delivery, a server added to a group) are created here. */
    @Provides
    @Singleton
    SweepPlacementsUseCase placementSweep(Keys keys, Placements placements, LinkResets resets, KeyPlacing placing, Transactions tx,
                                          Clock clock) {
        return new PlacementSweep(keys, placements, resets, placing, tx, clock, 50);
    }

    /** A key's new link (and panel UUID on every placement): the owner's button, the admin's, and the finishing job. */
    @Provides
    @Singleton
    ResetLinkUseCase linkResets(Keys keys, Servers servers, SubscriptionTokens tokens, LinkResets resets, VpnPanel panel,
                                Transactions tx, Admins admins, ClientLimits limits, Nonces nonces, Placements placements) {
        return new LinkReset(keys, servers, tokens, resets, panel, tx, admins, limits, nonces, placements);
    }
}
