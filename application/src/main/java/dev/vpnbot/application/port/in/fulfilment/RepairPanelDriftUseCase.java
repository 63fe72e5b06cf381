package dev.vpnbot.application.port.in.fulfilment;

import dev.vpnbot.application.model.panel.PanelRepair.Fix;
import dev.vpnbot.domain.server.ServerId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Use case: the safety net for hand edits on the panels. Every active, unexpired key is compared
 * with its panel client and the panel is repaired from our database, which is the truth for what
 * was paid: a client deleted, switched off or edited by hand comes back right within one round.
 */
public interface RepairPanelDriftUseCase {

    /**
     * What one round did on one server.
     *
     * @param keysChecked keys whose client was compared (including those that failed)
     * @param fixes       keys repaired, per kind of fix (a key can need several)
     * @param keysFailed  keys whose panel answer could not be trusted: left untouched this round
     * @param skipped     the panel could not be reached (or not used at all): the rest waits for the next round
     */
    record ServerRound(ServerId server, int keysChecked, Map<Fix, Integer> fixes, int keysFailed, boolean skipped) {
        public ServerRound {
            Objects.requireNonNull(server, "server");
            fixes = Map.copyOf(fixes);
        }
    }

    /** One round over every server that is not retired. */
    record Result(List<ServerRound> servers) {
        public Result {
            servers = List.copyOf(servers);
        }

        public int keysChecked() {
            return servers.stream().mapToInt(ServerRound::keysChecked).sum();
        }

        public Map<Fix, Integer> fixesByKind() {
            Map<Fix, Integer> all = new EnumMap<>(Fix.class);
            for (ServerRound s : servers) s.fixes().forEach((fix, n) -> all.merge(fix, n, Integer::sum));
            return all;
        }

        public int keysFailed() {
            return servers.stream().mapToInt(ServerRound::keysFailed).sum();
        }

        public int serversSkipped() {
            return (int) servers.stream().filter(ServerRound::skipped).count();
        }
    }

    Result repairDrift();
}
