package dev.vpnbot.application.service.subscription;

import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Serves a subscription from the database: the token finds the key with its owner's language, and
 * the key's placements give its locations. Rule: only an active, unexpired key lists locations, one
 * {@code vless://} link per active placement on a server that is switched on (a server switched off
 * drops out, the others stay; a pending placement appears once created); an expired, disabled or unfinished
 * key answers an empty list (the app keeps the subscription and shows the announcement); a
 * deleted key's token is answered like a token nobody issued.
 */
public final class SubscriptionFeed implements FetchSubscriptionUseCase {
    private final SubscriptionTokens tokens;
    private final Placements placements;
    private final Clock clock;

    /**
     * Two indexed reads per fetch: the token's holder (with its owner's language), then the key's
     * listed placements (with their servers' names).
     */
    public SubscriptionFeed(SubscriptionTokens tokens, Placements placements, Clock clock) {
        this.tokens = tokens;
        this.placements = placements;
        this.clock = clock;
    }

    @Override
    public Optional<Subscription> fetch(SubscriptionToken token) {
        Optional<SubscriptionTokens.Holder> found = tokens.holderOf(token).filter(h -> h.key().status() != KeyStatus.DELETED);
        if (found.isEmpty()) return Optional.empty();
        VpnKey key = found.get().key();
        State state = state(key);
        List<Location> locations = state == State.ACTIVE ? locations(found.get()) : List.of();
        return Optional.of(new Subscription(key.id(), found.get().ownerLanguage(), key.expiresAt(), state, locations));
    }

    private State state(VpnKey key) {
        return switch (key.status()) {
            case PROVISIONING -> State.PREPARING;
            case DISABLED, DELETED -> State.DISABLED;
            case ACTIVE -> key.isExpired(clock.instant()) ? State.EXPIRED : State.ACTIVE;
        };
    }


    /** The key's listed placements; a key with no placement at all (written by code that knows none) is its own one location. */
    private List<Location> locations(SubscriptionTokens.Holder holder) {
        List<Location> listed = placements.listed(holder.key().id()).stream().map(l -> new Location(l.serverName(), l.vlessUrl())).toList();
        if (!listed.isEmpty() || !placements.of(holder.key().id()).isEmpty()) return listed;
        return List.of(new Location(holder.serverName(), holder.key().links().vlessUrl()));
    }
}
