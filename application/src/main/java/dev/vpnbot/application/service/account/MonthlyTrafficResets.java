package dev.vpnbot.application.service.account;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.in.account.ResetMonthlyTrafficUseCase;
import dev.vpnbot.application.port.out.MonthlyResets;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.panel.ClientQuota;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The monthly traffic reset, done by the bot and not by the panel: 3x-ui's own {@code reset}
 * field also moves an expired client's expiry forward, which would give away unpaid time.
 * The panel is reset first and the period claimed after, so a panel that fails is retried on
 * the next run (a reset done twice only forgets a few minutes of counted traffic).
 */
public final class MonthlyTrafficResets implements ResetMonthlyTrafficUseCase {
    private static final Logger LOG = Logger.getLogger(MonthlyTrafficResets.class.getName());

    private final MonthlyResets resets;
    private final Servers servers;
    private final ClientQuota quota;
    private final SentNotifications ledger;
    private final Clock clock;
    private final int batchSize;

    public MonthlyTrafficResets(MonthlyResets resets, Servers servers, ClientQuota quota, SentNotifications ledger, Clock clock,
                                int batchSize) {
        this.resets = resets;
        this.servers = servers;
        this.quota = quota;
        this.ledger = ledger;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public int resetDue() {
        Instant now = clock.instant();
        int done = 0;
        for (VpnKey key : resets.due(now, batchSize)) {
            Optional<Server> server = servers.find(key.serverId());
            if (server.isEmpty()) continue;
            try {
                quota.resetTraffic(server.get(), key.client());
            } catch (PanelException e) {
                if (e.kind() != PanelFault.CLIENT_NOT_FOUND) {
                    LOG.info(() -> "monthly traffic reset of key " + key.id().value() + " waits: " + e.getMessage());
                    continue;
                }
                // gone from the panel: the drift repair brings it back with a fresh count anyway
            }
            if (ledger.claim(MonthlyResets.KIND, MonthlyResets.subject(key, now))) done++;
        }
        return done;
    }
}
