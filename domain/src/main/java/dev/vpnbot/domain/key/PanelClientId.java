package dev.vpnbot.domain.key;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity of a key's client on its 3x-ui panel. The email is the panel-wide unique name;
 * the UUID is what the vless link carries; the subId names the subscription. All three are
 * chosen by us before the panel is called, so a retried creation sends the very same client.
 */
public record PanelClientId(UUID uuid, String email, String subId) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    public PanelClientId {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(subId, "subId");
        if (!SAFE.matcher(email).matches()) throw new IllegalArgumentException("bad panel email: " + email);
        if (!SAFE.matcher(subId).matches()) throw new IllegalArgumentException("bad subId: " + subId);
    }
}
