package dev.vpnbot.application.service.account;

import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A user's keys with server names and time left; keys still being created are shown too. */
public final class MyKeys implements ShowMyKeysUseCase {
    private final Keys keys;
    private final Servers servers;
    private final Clock clock;
    private final SubscriptionTokens tokens;

    public MyKeys(Keys keys, Servers servers, Clock clock) {
        this(keys, servers, clock, null);
    }

    /** @param tokens where each key's subscription token is found; null leaves them out */
    public MyKeys(Keys keys, Servers servers, Clock clock, SubscriptionTokens tokens) {
        this.keys = keys;
        this.servers = servers;
        this.clock = clock;
        this.tokens = tokens;
    }

    @Override
    public List<KeyOverview> myKeys(dev.vpnbot.domain.user.UserId userId) {
        Map<ServerId, String> names = servers.all().stream().collect(Collectors.toMap(Server::id, Server::name, (a, b) -> a));
        return keys.ofOwner(userId).stream()
                .filter(k -> k.status() != KeyStatus.DELETED)
                .map(k -> new KeyOverview(k, names.getOrDefault(k.serverId(), "#" + k.serverId()), k.remaining(clock),
                        tokens == null ? null : tokens.tokenOf(k.id()).orElse(null)))
                .toList();
    }
}
