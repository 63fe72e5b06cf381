package dev.vpnbot.bootstrap.moneypath;

import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Test double around the real panel adapter: of the first two expiry writes, the one with the
 * older expiry reaches the panel last, as when one renewal's request is slow on the network and
 * a later renewal of the same key overtakes it. Later writes pass straight through.
 */
final class OvertakenPanel extends ForwardingPanel {
    private static final long PATIENCE_MILLIS = 5_000;

    private int arrived;
    private Instant newer;
    private boolean newerLanded;

    OvertakenPanel(VpnPanel panel) {
        super(panel);
    }

    @Override
    public void setExpiry(Server server, PanelClientId client, Instant expiresAt) {
        boolean older;
        synchronized (this) {
            if (arrived >= 2) {
                older = false;
            } else {
                arrived++;
                newer = newer == null || expiresAt.isAfter(newer) ? expiresAt : newer;
                notifyAll();
                waitFor(() -> arrived == 2);
                older = !expiresAt.equals(newer);
                if (older) waitFor(() -> newerLanded);
            }
        }
        panel.setExpiry(server, client, expiresAt);
        if (!older) {
            synchronized (this) {
                newerLanded = true;
                notifyAll();
            }
        }
    }

    private void waitFor(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) throw new IllegalStateException("the second expiry write never came");
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
