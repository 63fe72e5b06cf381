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
import java.time.Clock;

/**
 * Care of delivered keys (docs/USAGE.md): live usage on the key screen, "my VPN doesn't work",
 * the "need help connecting?" offer and the monthly traffic reset.
 */
public final class KeyCareModule extends AbstractModule {

    @Provides
    @Singleton
    ShowKeyUsageUseCase keyUsage(Keys keys, Servers servers, ClientUsage usage, Clock clock) {
        return new KeyUsageReading(keys, servers, usage, clock);
    }

    @Provides
    @Singleton
    DiagnoseKeyUseCase keyDiagnosis(Keys keys, ShowKeyUsageUseCase usage, Clock clock) {
        return new KeyDiagnosis(keys, usage, clock);
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
}
