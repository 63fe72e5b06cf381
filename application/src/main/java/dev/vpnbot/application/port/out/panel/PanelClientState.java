package dev.vpnbot.application.port.out.panel;

import dev.vpnbot.domain.key.PanelClientId;
import java.time.Instant;

/** A client as its panel reports it: expiry, on/off switch and traffic in bytes. */
public record PanelClientState(PanelClientId id, Instant expiresAt, boolean enabled,
                               long uploadBytes, long downloadBytes, long totalBytes, String flow) {
}
