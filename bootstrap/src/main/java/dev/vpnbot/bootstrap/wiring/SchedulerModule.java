package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase;
import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase;
import dev.vpnbot.application.port.in.fulfilment.RelayOrderNoticesUseCase;
import dev.vpnbot.application.port.in.fulfilment.RunFulfilmentJobsUseCase;
import dev.vpnbot.application.port.in.account.SendExpiryRemindersUseCase;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
import dev.vpnbot.application.port.in.enrollment.ProcessQueuedEnrollmentsUseCase;
import dev.vpnbot.application.port.out.FulfilmentSignal;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.payment.StarsRefunding;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.bootstrap.schedule.BackgroundJobs;
import dev.vpnbot.bootstrap.health.SalesHealth;
import dev.vpnbot.bootstrap.schedule.PanelProbe;

/** The background jobs, and the fulfilment signal: a paid order wakes the worker at once. */
public final class SchedulerModule extends AbstractModule {

    @Provides
    @Singleton
    BackgroundJobs jobs(RunFulfilmentJobsUseCase fulfilment, ReconcilePaymentsUseCase reconciliation,
                        SendExpiryRemindersUseCase reminders, PanelProbe probe, RepairPanelDriftUseCase driftRepair,
                        BroadcastUseCase broadcasts, RelayOrderNoticesUseCase notices, BotMetrics metrics, AppConfig config,
                        ProcessQueuedEnrollmentsUseCase queuedEnrollments, StarsRefunding starsRefunding,
                        Provider<BackUpDatabaseUseCase> backups, ResetLinkUseCase linkResets,
                        dev.vpnbot.application.port.in.growth.RewardReferralsUseCase referralRewards) {
        // each reconciliation round also finishes Stars refunds whose panel step a crash or an absent panel left open
        ReconcilePaymentsUseCase withRefunds = () -> {
            starsRefunding.resumePanel();
            return reconciliation.reconcile();
        };
        BackgroundJobs jobs = new BackgroundJobs(fulfilment, withRefunds, reminders, probe, driftRepair, broadcasts::sendNextBatch,
                notices::relayDue, metrics, BackgroundJobs.Schedule.of(config.reconcileInterval(), config.panelDriftInterval()));
        // the database route of node enrolment (docs/NODES.md): a few requests at a time, each probes a panel
        jobs.alsoEvery("node_enrollments", EnrollmentModule.QUEUE_INTERVAL, () -> queuedEnrollments.processQueued(EnrollmentModule.QUEUE_BATCH));
        if (config.backup().scheduled()) jobs.addJob("database_backup", config.backup().interval(), BackgroundJobs.backups(backups.get()));
        // link resets a crash or a panel outage interrupted: finished with the identity they stored
        jobs.alsoEvery("link_resets", java.time.Duration.ofMinutes(1), linkResets::finishInterrupted);
        // referral rewards follow paid orders and are taken back after refunds (docs/GROWTH.md)
        jobs.alsoEvery("referral_rewards", java.time.Duration.ofMinutes(1), referralRewards::run);
        return jobs;
    }

    @Provides
    @Singleton
    PanelProbe panelProbe(Servers servers, VpnPanel panel, SalesHealth sales) {
        return new PanelProbe(servers, panel, sales::watch);
    }

    /**
     * Payment confirmation → signal → jobs → reconciliation → payment confirmation is a cycle;
     * the provider breaks it: the jobs are looked up when the first payment lands, not before.
     */
    @Provides
    @Singleton
    FulfilmentSignal fulfilmentWakeUp(Provider<BackgroundJobs> jobs) {
        return order -> jobs.get().wakeFulfilment();
    }
}
