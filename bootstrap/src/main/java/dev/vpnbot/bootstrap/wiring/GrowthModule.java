package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase;
import dev.vpnbot.application.port.in.growth.ManageGrowthUseCase;
import dev.vpnbot.application.port.in.growth.RewardReferralsUseCase;
import dev.vpnbot.application.port.in.growth.StartTrialUseCase;
import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.FulfilmentSignal;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.growth.ChannelMembership;
import dev.vpnbot.application.port.out.growth.GrowthFlags;
import dev.vpnbot.application.port.out.growth.Referrals;
import dev.vpnbot.application.port.out.growth.Trials;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.growth.GrowthAdministration;
import dev.vpnbot.application.service.growth.GrowthSettings;
import dev.vpnbot.application.service.growth.ReferralLinks;
import dev.vpnbot.application.service.growth.ReferralRewards;
import dev.vpnbot.application.service.growth.TrialStart;
import dev.vpnbot.application.service.ordering.ClientLimits;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.GrowthConfig;
import dev.vpnbot.domain.referral.ReferralReward;
import dev.vpnbot.domain.trial.TrialPolicy;
import java.time.Clock;

/** The free trial and the referral programme (docs/GROWTH.md): their settings and use cases. */
public final class GrowthModule extends AbstractModule {

    @Override
    protected void configure() {
        Autowire.singleton(binder(), ReferralRewards.class, RewardReferralsUseCase.class);
        Autowire.singleton(binder(), GrowthAdministration.class, ManageGrowthUseCase.class);
    }

    @Provides
    @Singleton
    GrowthConfig growthConfig(AppConfig config) {
        return config.growth();
    }

    @Provides
    @Singleton
    GrowthSettings growthSettings(GrowthConfig c) {
        TrialPolicy trial = new TrialPolicy(c.trialEnabled(), c.trialRequireUsername(), c.trialMinAccountAge(), c.trialChannel(),
                c.trialDays(), c.trialLimitIp(), c.trialTotalBytes());
        ReferralReward reward = c.referralDiscountPercent() > 0 ? new ReferralReward.Discount(c.referralDiscountPercent(), null)
                : new ReferralReward.ExtraDays(c.referralRewardDays());
        return new GrowthSettings(trial, c.referralEnabled() ? reward : null, c.botUsername());
    }

    /** Trial keys carry the trial's limits on the panel, paid keys the operator's; delivery, drift repair and link resets agree. */
    @Provides
    @Singleton
    ClientLimits clientLimits(PurchaseSettings purchases, Trials trials, GrowthSettings growth) {
        return new ClientLimits(purchases, trials::isTrialKey, growth.trial().limitIp(), growth.trial().totalBytes());
    }

    @Provides
    @Singleton
    StartTrialUseCase trial(Users users, Servers servers, Tariffs tariffs, GrowthFlags flags, Trials trials, ChannelMembership channels,
                            Orders orders, FulfilmentJobs jobs, Transactions tx, FulfilmentSignal signal, Clock clock, GrowthSettings growth) {
        return new TrialStart(users, servers, tariffs, flags, trials, channels, orders, jobs, tx, signal, clock, growth.trial());
    }

    @Provides
    @Singleton
    InviteFriendsUseCase invitations(Users users, Referrals referrals, Keys keys, Trials trials, Transactions tx, Clock clock,
                                     GrowthSettings growth) {
        return new ReferralLinks(users, referrals, keys, trials::isTrialKey, tx, clock, growth);
    }

}
