package dev.vpnbot.application.port.in.subscription;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.user.Language;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: what a key's subscription URL serves, read from our database alone (no panel is
 * asked, so it answers while every panel is down).
 */
public interface FetchSubscriptionUseCase {

    /** Where the key stands for its subscription. */
    enum State {
        /** Usable: its locations are listed. */
        ACTIVE,
        /** Its time is over: nothing to connect to until it is renewed. */
        EXPIRED,
        /** Switched off by an admin. */
        DISABLED,
        /** Paid, its client still being created. */
        PREPARING
    }

    /** One location the key connects through: the server's name and the key's link there. */
    record Location(String name, String vlessUrl) {
        public Location {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(vlessUrl, "vlessUrl");
        }
    }

    /**
     * @param language  the owner's language (the page and the announcement speak it)
     * @param locations empty unless {@link State#ACTIVE}
     */
    record Subscription(KeyId key, Language language, Instant expiresAt, State state, List<Location> locations) {
        public Subscription {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(state, "state");
            locations = List.copyOf(locations);
            if (state != State.ACTIVE && !locations.isEmpty()) throw new IllegalArgumentException("only an active key lists locations");
        }
    }

    /** The subscription of the key whose current token this is; empty for an unknown, replaced or deleted key's token. */
    Optional<Subscription> fetch(SubscriptionToken token);
}
