package dev.vpnbot.application.port.in.account;

import dev.vpnbot.domain.key.RemainingTime;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/** Use case: a user's keys with the server they are on and the time they have left. */
public interface ShowMyKeysUseCase {

    /** @param subscription the token of the key's subscription URL; null where it is not looked up (notices) */
    record KeyOverview(VpnKey key, String serverName, RemainingTime remaining, SubscriptionToken subscription) {
        public KeyOverview(VpnKey key, String serverName, RemainingTime remaining) {
            this(key, serverName, remaining, null);
        }
    }

    List<KeyOverview> myKeys(UserId userId);
}
