package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase;
import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase;
import dev.vpnbot.application.port.in.fulfilment.RelayOrderNoticesUseCase;
import dev.vpnbot.application.port.in.fulfilment.RunFulfilmentJobsUseCase;
import dev.vpnbot.application.port.in.account.SendExpiryRemindersUseCase;
import dev.vpnbot.application.port.in.account.OfferConnectHelpUseCase;
import dev.vpnbot.application.port.in.account.ResetMonthlyTrafficUseCase;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
import dev.vpnbot.application.port.in.enrollment.ProcessQueuedEnrollmentsUseCase;
import dev.vpnbot.application.port.out.FulfilmentSignal;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.payment.StarsRefunding;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.application.port.in.fulfilment.SweepPlacementsUseCase;
import dev.vpnbot.bootstrap.schedule.BackgroundJobs;
import dev.vpnbot.bootstrap.health.SalesHealth;
import dev.vpnbot.bootstrap.schedule.PanelProbe;
import dev.vpnbot.bootstrap.schedule.StartupJob;
import java.util.Set;

/** The background jobs, and the fulfilment signal: a paid order wakes the worker at once. */
public final class SchedulerModule extends AbstractModule {

    @Override
    protected void configure() {
        // adapters add theirs (PostgresModule: the token hash backfill); none in the in-memory wiring
        Multibinder.newSetBinder(binder(), StartupJob.class);
    }

    @Provides
    @Singleton
    BackgroundJobs jobs(RunFulfilmentJobsUseCase fulfilment, ReconcilePaymentsUseCase reconciliation,
                        SendExpiryRemindersUseCase reminders, PanelProbe probe, RepairPanelDriftUseCase driftRepair,
                        BroadcastUseCase broadcasts, RelayOrderNoticesUseCase notices, BotMetrics metrics, AppConfig config,
                        ProcessQueuedEnrollmentsUseCase queuedEnrollments, StarsRefunding starsRefunding,
                        Provider<BackUpDatabaseUseCase> backups, ResetLinkUseCase linkResets,
                        SweepPlacementsUseCase placementSweep,
                        dev.vpnbot.application.port.in.balance.RenewFromBalanceUseCase autoRenew,
                        dev.vpnbot.application.service.payment.BalanceCheckout topUps,
                        dev.vpnbot.application.port.in.balance.ReconcileLedgerUseCase ledger, java.time.Clock clock,
                        OfferConnectHelpUseCase connectHelp, ResetMonthlyTrafficUseCase monthlyResets,
                        dev.vpnbot.application.port.in.growth.RewardReferralsUseCase referralRewards,
                        dev.vpnbot.application.port.in.move.RunKeyMovesUseCase keyMoves,
                        dev.vpnbot.application.port.in.move.EvacuateServerUseCase evacuations, Set<StartupJob> startupJobs) {
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
        // placements that failed at delivery, and servers added to a group since its keys were sold (docs/SUBSCRIPTION.md)
        jobs.alsoEvery("placements", java.time.Duration.ofMinutes(1), () -> placementSweep.sweep().created());
        // the balance (docs/BALANCE.md): renewals due, top-ups whose webhook never came, yesterday's ledger against Heleket
        jobs.alsoEvery("auto_renew", java.time.Duration.ofMinutes(10), () -> autoRenew.renewDue().renewed());
        jobs.alsoEvery("top_ups", config.reconcileInterval(), () -> topUps.settleWaiting(java.time.Duration.ofHours(24), 100));
        jobs.alsoEvery("ledger_reconciliation", java.time.Duration.ofHours(1),
                () -> ledger.reconcileOnce(java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)).minusDays(1))
                        .map(r -> r.mismatches().size()).orElse(0));
        // "need help connecting?" for keys that moved no traffic in their first day (once per key)
        jobs.alsoEvery("connect_help", java.time.Duration.ofMinutes(15), connectHelp::offerDue);
        // tariffs with a monthly reset: the bot restarts the count every 30 days (the panel's own reset would extend expiry)
        jobs.alsoEvery("monthly_traffic_reset", java.time.Duration.ofHours(1), monthlyResets::resetDue);
        // referral rewards follow paid orders and are taken back after refunds (docs/GROWTH.md)
        jobs.alsoEvery("referral_rewards", java.time.Duration.ofMinutes(1), referralRewards::run);
        // keys moving between servers (docs/MOVES.md): target panels that were down, old clients whose delay ran out
        jobs.alsoEvery("key_moves", java.time.Duration.ofSeconds(15), () -> keyMoves.runDueMoves().stepsDone());
        // evacuations: their keys planned (a move each), finished and reported when every move landed
        jobs.alsoEvery("evacuations", java.time.Duration.ofSeconds(15), evacuations::runDue);
        // once after each start, in the background: a failure is retried later and never holds up the bot
        startupJobs.forEach(job -> jobs.alsoOnce(job.name(), java.time.Duration.ofMinutes(10), job.work()));
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
