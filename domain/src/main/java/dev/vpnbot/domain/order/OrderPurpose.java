package dev.vpnbot.domain.order;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.server.ServerId;
import java.util.Objects;

/** What an order buys: a new key on a chosen server, or more time on an existing key. */
public sealed interface OrderPurpose {

    record NewKey(ServerId serverId) implements OrderPurpose {
        public NewKey {
            Objects.requireNonNull(serverId, "serverId");
        }
    }

    /** A renewal names the key only: it is always extended on its own server. */
    record Renewal(KeyId keyId) implements OrderPurpose {
        public Renewal {
            Objects.requireNonNull(keyId, "keyId");
        }
    }
}
