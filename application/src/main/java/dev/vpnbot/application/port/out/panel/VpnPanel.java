package dev.vpnbot.application.port.out.panel;

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
     * Creates the client in the server's inbound, enabled, expiring at {@code expiresAt}.
     * Idempotent: when a client with this email and UUID already exists (a retry), that is
     * success. Returns the links the user connects with.
     */
    KeyLinks createClient(Server server, NewPanelClient client);

    /**
     * Sets the expiry (and switches the client on), changing no other field of the stored client.
     * Throws {@link PanelException.Kind#CLIENT_NOT_FOUND} when the client is gone from the panel.
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
