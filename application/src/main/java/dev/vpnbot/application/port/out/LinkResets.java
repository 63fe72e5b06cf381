package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.PanelClientId;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: link resets under way. The key's next panel identity is written here before any
 * panel is asked to change, so a crash at any step leaves it stored and the reset is finished
 * with the very same identity.
 */
public interface LinkResets {

    /** The identity a reset of this key is moving to; empty when none is under way. */
    Optional<PanelClientId> pending(KeyId key);

    /** Records the identity the key moves to (replacing one recorded before). */
    void begin(KeyId key, PanelClientId next);

    /** The reset is done: the key itself holds the new identity. */
    void finish(KeyId key);

    /** Keys whose reset is not finished, oldest first. */
    List<KeyId> unfinished(int limit);
}
