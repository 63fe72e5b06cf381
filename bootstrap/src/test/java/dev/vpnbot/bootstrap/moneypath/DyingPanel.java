package dev.vpnbot.bootstrap.moneypath;

import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.domain.server.Server;

/**
 * Test double around the real panel adapter: the bot process dies (kill -9, power cut) just
 * before or just after the panel creates a client. Death is an {@link Error}, which no
 * business code catches, so nothing after that point runs, as in a real crash.
 */
final class DyingPanel extends ForwardingPanel {

    /** The process ending; never caught by the code under test. */
    static final class ProcessDied extends Error {
        ProcessDied(String when) {
            super("the bot process died " + when);
        }
    }

    enum When { BEFORE_CREATING_THE_CLIENT, AFTER_CREATING_THE_CLIENT }

    private final When when;

    DyingPanel(VpnPanel panel, When when) {
        super(panel);
        this.when = when;
    }

    @Override
    public PanelRepair repairClient(Server server, NewPanelClient client) {
        if (when == When.BEFORE_CREATING_THE_CLIENT) throw new ProcessDied("before the panel call");
        panel.repairClient(server, client);
        throw new ProcessDied("after the panel created " + client.id().email());
    }
}
