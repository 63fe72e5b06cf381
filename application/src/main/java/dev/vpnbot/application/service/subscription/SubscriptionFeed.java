package dev.vpnbot.application.service.subscription;

import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Serves a subscription from the database: the token finds the key with its server's name and
 * its owner's language, in one read. Rule: only an active, unexpired key lists locations; an expired, disabled or unfinished
 * key answers an empty list (the app keeps the subscription and shows the announcement); a
 * deleted key's token is answered like a token nobody issued.
 */
public final class SubscriptionFeed implements FetchSubscriptionUseCase {
    private final SubscriptionTokens tokens;
    private final Clock clock;

    /** One read per fetch: the token's holder comes with its owner's language and its server's name. */
    public SubscriptionFeed(SubscriptionTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<Subscription> fetch(SubscriptionToken token) {
        Optional<SubscriptionTokens.Holder> found = tokens.holderOf(token).filter(h -> h.key().status() != KeyStatus.DELETED);
        if (found.isEmpty()) return Optional.empty();
        VpnKey key = found.get().key();
        State state = state(key);
        List<Location> locations = state == State.ACTIVE
                ? List.of(new Location(found.get().serverName(), key.links().vlessUrl())) : List.of();
        return Optional.of(new Subscription(key.id(), found.get().ownerLanguage(), key.expiresAt(), state, locations));
    }

    private State state(VpnKey key) {
        return switch (key.status()) {
            case PROVISIONING -> State.PREPARING;
            case DISABLED, DELETED -> State.DISABLED;
            case ACTIVE -> key.isExpired(clock.instant()) ? State.EXPIRED : State.ACTIVE;
        };
    }

}
