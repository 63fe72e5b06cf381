package dev.vpnbot.application.port.in.account;

import dev.vpnbot.domain.key.RemainingTime;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/** Use case: a user's keys with the server they are on and the time they have left. */
public interface ShowMyKeysUseCase {

    record KeyOverview(VpnKey key, String serverName, RemainingTime remaining) {}

    List<KeyOverview> myKeys(UserId userId);
}
