package dev.vpnbot.application.service.subscription;

import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Serves a subscription from the database: the token finds the key, the key its server and
 * link. Rule: only an active, unexpired key lists locations; an expired, disabled or unfinished
 * key answers an empty list (the app keeps the subscription and shows the announcement); a
 * deleted key's token is answered like a token nobody issued.
 */
public final class SubscriptionFeed implements FetchSubscriptionUseCase {
    private final SubscriptionTokens tokens;
    private final Keys keys;
    private final Servers servers;
    private final Users users;
    private final Clock clock;

    public SubscriptionFeed(SubscriptionTokens tokens, Keys keys, Servers servers, Users users, Clock clock) {
        this.tokens = tokens;
        this.keys = keys;
        this.servers = servers;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Optional<Subscription> fetch(SubscriptionToken token) {
        Optional<VpnKey> found = tokens.keyOf(token).flatMap(keys::find).filter(k -> k.status() != KeyStatus.DELETED);
        if (found.isEmpty()) return Optional.empty();
        VpnKey key = found.get();
        Language language = users.find(key.owner()).map(User::language).orElse(Language.DEFAULT);
        State state = state(key);
        List<Location> locations = state == State.ACTIVE ? List.of(location(key)) : List.of();
        return Optional.of(new Subscription(key.id(), language, key.expiresAt(), state, locations));
    }

    private State state(VpnKey key) {
        return switch (key.status()) {
            case PROVISIONING -> State.PREPARING;
            case DISABLED, DELETED -> State.DISABLED;
            case ACTIVE -> key.isExpired(clock.instant()) ? State.EXPIRED : State.ACTIVE;
        };
    }

    private Location location(VpnKey key) {
        String name = servers.find(key.serverId()).map(Server::name).orElse("#" + key.serverId());
        return new Location(name, key.links().vlessUrl());
    }
}
