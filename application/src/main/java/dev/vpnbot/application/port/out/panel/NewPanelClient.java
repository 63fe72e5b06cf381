package dev.vpnbot.application.port.out.panel;

import dev.vpnbot.domain.key.PanelClientId;
import java.time.Instant;
import java.util.Objects;

/**
 * A client to create on a panel.
 *
 * @param telegramId goes to the panel's tgId, so the operator sees whose client it is
 * @param limitIp    max simultaneous source IPs, 0 = no limit
 * @param totalBytes traffic quota, 0 = unlimited
 */
public record NewPanelClient(PanelClientId id, Instant expiresAt, long telegramId, int limitIp, long totalBytes) {
    public NewPanelClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (limitIp < 0 || totalBytes < 0) throw new IllegalArgumentException("limits cannot be negative");
    }
}
