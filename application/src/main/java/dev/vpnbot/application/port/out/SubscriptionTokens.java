package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outgoing port: the secret of each key's subscription URL. Every key has exactly one current
 * token; the store keeps only what it needs to find the key again by it (a hash), so a copy of
 * the database alone opens no subscription.
 */
public interface SubscriptionTokens {

    /** The key's current token (the same one every time until {@link #replace}); empty when there is no such key. */
    Optional<SubscriptionToken> tokenOf(KeyId key);

    /**
     * The current tokens of several keys (a page of "My keys") at once: a store answers with one
     * read, and one write for the tokens shown for the first time, instead of one or two per key.
     * Keys that do not exist are left out.
     */
    default Map<KeyId, SubscriptionToken> tokensOf(List<KeyId> keys) {
        Map<KeyId, SubscriptionToken> out = new LinkedHashMap<>();
        for (KeyId key : keys) tokenOf(key).ifPresent(token -> out.put(key, token));
        return out;
    }

    /** The key whose current token this is; a replaced or never issued token finds nothing. */
    Optional<KeyId> keyOf(SubscriptionToken token);

    /** What a subscription shows of the key whose current token this is: the key, its owner's language, its server's name. */
    record Holder(VpnKey key, Language ownerLanguage, String serverName) {}

    /** Like {@link #keyOf}, with what the subscription shows, in one read (the hot path of /sub). */
    Optional<Holder> holderOf(SubscriptionToken token);

    /** Gives the key a fresh random token; from the commit on, the old one finds nothing. */
    SubscriptionToken replace(KeyId key);
}
