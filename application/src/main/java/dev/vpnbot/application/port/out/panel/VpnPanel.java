package dev.vpnbot.application.port.out.panel;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing port: the clients of our keys on a server's 3x-ui panel. Every method may throw
 * {@link PanelException}.
 */
public interface VpnPanel {

    /**
     * Creates the client in the server's inbound, enabled, expiring at {@code expiresAt}, and
     * returns the links the user connects with: {@link #repairClient} without the report.
     * Idempotent: a client with this email and UUID that already exists (a retry) is adopted.
     */
    default KeyLinks createClient(Server server, NewPanelClient client) {
        return repairClient(server, client).links();
    }

    /**
     * Makes the panel hold exactly the client our database describes (the database is the truth
     * for what was paid): one client with this email and UUID in the server's inbound, enabled,
     * with this subId and the flow its inbound needs, expiring at exactly
     * {@code wanted.expiresAt()}. Creates it when missing, adopts it when an earlier attempt
     * already landed (never a second copy), and removes extra copies of it. Reports what it
     * changed.
     *
     * <p>Refuses without writing anything when the panel's answer cannot be trusted: the email
     * is held by a client that is not ours ({@link PanelFault#DUPLICATE_EMAIL}), or a
     * record lacks a UUID, the client sits on several inbounds, or the inbound's settings
     * cannot be read ({@link PanelFault#REJECTED}).
     */
    PanelRepair repairClient(Server server, NewPanelClient wanted);

    /**
     * Sets the expiry (and switches the client on), changing no other field of the stored client.
     * Throws {@link PanelFault#CLIENT_NOT_FOUND} when the client is gone from the panel.
     */
    void setExpiry(Server server, PanelClientId client, Instant expiresAt);

    /** Switches the client on or off, changing no other field. */
    void setEnabled(Server server, PanelClientId client, boolean enabled);

    /** The client as the panel has it now, with its traffic; empty when the panel has no such client. */
    Optional<PanelClientState> findClient(Server server, PanelClientId client);

    /** Removes the client; a client that is already gone is not an error. */
    void deleteClient(Server server, PanelClientId client);

    /** The links for an existing client (subscription URL and vless:// link). */
    KeyLinks links(Server server, PanelClientId client);
}
