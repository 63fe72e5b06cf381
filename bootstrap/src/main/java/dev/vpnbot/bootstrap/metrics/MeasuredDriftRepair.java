package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase;
import java.util.Locale;

/**
 * Decorator: what each drift-repair round did per server. Fixes that keep coming round after
 * round mean someone (or something) keeps editing a panel by hand.
 */
public final class MeasuredDriftRepair implements RepairPanelDriftUseCase {
    private final RepairPanelDriftUseCase repair;
    private final BotMetrics metrics;

    public MeasuredDriftRepair(RepairPanelDriftUseCase repair, BotMetrics metrics) {
        this.repair = repair;
        this.metrics = metrics;
    }

    @Override
    public Result repairDrift() {
        Result result = repair.repairDrift();
        for (ServerRound s : result.servers()) {
            String server = s.server().toString();
            metrics.driftKeysChecked.add(s.keysChecked(), server);
            s.fixes().forEach((fix, n) -> metrics.driftFixes.add(n, server, fix.name().toLowerCase(Locale.ROOT)));
            metrics.driftFailures.add(s.keysFailed(), server, "untrusted_answer");
            if (s.skipped()) metrics.driftFailures.inc(server, "server_skipped");
        }
        return result;
    }
}
