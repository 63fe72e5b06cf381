package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.key.VpnKey;
import java.time.Instant;
import java.util.List;

/** Store query: active keys by the time they were made, for the once-only notices about new keys. */
public interface NewKeys {

    /** The ledger kind of the "need help connecting?" offer; its subject is {@link #subject}. */
    String CONNECT_HELP = "connect-help";

    /**
     * Active keys made in [from, to) that have no {@code kind} entry in the once-only ledger
     * ({@link SentNotifications}) under {@link #subject}, oldest first, at most {@code limit}.
     */
    List<VpnKey> activeMadeWithout(Instant from, Instant to, String kind, int limit);

    /** The ledger subject of a key's once-per-key notices: "key:&lt;id&gt;". */
    static String subject(VpnKey key) {
        return "key:" + key.id().value();
    }
}
