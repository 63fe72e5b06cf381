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
            metrics.driftKeysChecked.withTag("server", server).increment(s.keysChecked());
            s.fixes().forEach((fix, n) -> metrics.driftFixes.withTags("server", server, "fix", fix.name().toLowerCase(Locale.ROOT))
                    .increment(n));
            metrics.driftFailures.withTags("server", server, "reason", "untrusted_answer").increment(s.keysFailed());
            if (s.skipped()) metrics.driftFailures.withTags("server", server, "reason", "server_skipped").increment();
        }
        return result;
    }
}
