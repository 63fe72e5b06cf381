package dev.vpnbot.application.port.in.account;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLocation;
import dev.vpnbot.domain.key.RemainingTime;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Use case: a user's keys with the server they are on and the time they have left. */
public interface ShowMyKeysUseCase {

    /**
     * @param serverName   the key's locations by name ("Frankfurt, Helsinki"); its home server's alone where they are not looked up
     * @param subscription the token of the key's subscription URL; null where it is not looked up (notices)
     * @param locations    the key's live locations with their links, in server order; empty where they are not looked up
     */
    record KeyOverview(VpnKey key, String serverName, RemainingTime remaining, SubscriptionToken subscription, List<KeyLocation> locations) {
        public KeyOverview {
            locations = locations == null ? List.of() : List.copyOf(locations);
        }

        public KeyOverview(VpnKey key, String serverName, RemainingTime remaining, SubscriptionToken subscription) {
            this(key, serverName, remaining, subscription, List.of());
        }

        public KeyOverview(VpnKey key, String serverName, RemainingTime remaining) {
            this(key, serverName, remaining, null);
        }
    }

    /** Keys on one page of the list. */
    int PAGE_SIZE = 20;

    /** One page of the list and whether another follows. */
    record KeysPage(List<KeyOverview> keys, int page, boolean more) {
        public KeysPage {
            keys = List.copyOf(keys);
        }
    }

    List<KeyOverview> myKeys(UserId userId);

    /** Page {@code page} (from 0) of the user's keys, {@link #PAGE_SIZE} at a time, the latest expiry first. */
    KeysPage myKeys(UserId userId, int page);

    /** One of the user's own keys (deleted ones are not), without reading the others. */
    Optional<KeyOverview> myKey(UserId userId, KeyId keyId);
}
