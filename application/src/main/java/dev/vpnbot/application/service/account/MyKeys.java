package dev.vpnbot.application.service.account;

import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.PlacementStatus;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLocation;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.ServerId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A user's keys with server names (read by name only) and time left; keys still being created are shown too. */
public final class MyKeys implements ShowMyKeysUseCase {
    private final Keys keys;
    private final Servers servers;
    private final Clock clock;
    private final SubscriptionTokens tokens;
    private final Placements placements;

    public MyKeys(Keys keys, Servers servers, Clock clock) {
        this(keys, servers, clock, null);
    }

    /** @param tokens where each key's subscription token is found; null leaves them out */
    public MyKeys(Keys keys, Servers servers, Clock clock, SubscriptionTokens tokens) {
        this(keys, servers, clock, tokens, null);
    }

    /** @param placements each key's locations, named and with their links; null: the home server only */
    public MyKeys(Keys keys, Servers servers, Clock clock, SubscriptionTokens tokens, Placements placements) {
        this.placements = placements;
        this.keys = keys;
        this.servers = servers;
        this.clock = clock;
        this.tokens = tokens;
    }

    @Override
    public List<KeyOverview> myKeys(dev.vpnbot.domain.user.UserId userId) {
        Map<ServerId, String> names = servers.names();
        return keys.ofOwner(userId).stream()
                .filter(k -> k.status() != KeyStatus.DELETED)
                .map(k -> overview(k, names))
                .toList();
    }

    @Override
    public KeysPage myKeys(dev.vpnbot.domain.user.UserId userId, int page) {
        if (page < 0) throw new IllegalArgumentException("page cannot be negative: " + page);
        // one more than a page tells whether another follows
        List<VpnKey> found = keys.ofOwnerByExpiry(userId, page * PAGE_SIZE, PAGE_SIZE + 1);
        Map<ServerId, String> names = found.isEmpty() ? Map.of() : servers.names();
        List<VpnKey> page0 = found.stream().limit(PAGE_SIZE).toList();
        // the page's tokens in one go: one read per key (and a commit each the first time) made My keys slow
        Map<KeyId, SubscriptionToken> pageTokens = tokens == null || page0.isEmpty() ? Map.of()
                : tokens.tokensOf(page0.stream().map(VpnKey::id).toList());
        // the page's placements in one go too: two reads per key made a page of 20 cost 40 round trips
        Map<KeyId, List<Placement>> pagePlacements = placements == null || page0.isEmpty() ? Map.of()
                : placements.ofKeys(page0.stream().map(VpnKey::id).toList());
        List<KeyOverview> shown = page0.stream()
                .map(k -> overview(k, names, pageTokens.get(k.id()), pagePlacements.getOrDefault(k.id(), List.of())))
                .toList();
        return new KeysPage(shown, page, found.size() > PAGE_SIZE);
    }

    @Override
    public Optional<KeyOverview> myKey(dev.vpnbot.domain.user.UserId userId, KeyId keyId) {
        return keys.find(keyId)
                .filter(k -> k.owner().equals(userId) && k.status() != KeyStatus.DELETED)
                .map(k -> overview(k, servers.names()));
    }

    private KeyOverview overview(VpnKey k, Map<ServerId, String> names) {
        return overview(k, names, tokens == null ? null : tokens.tokenOf(k.id()).orElse(null));
    }

    private KeyOverview overview(VpnKey k, Map<ServerId, String> names, SubscriptionToken token) {
        String home = names.getOrDefault(k.serverId(), "#" + k.serverId());
        List<KeyLocation> locations = List.of();
        String named = home;
        if (placements != null) {
            List<String> all = placements.locationNames(k.id());
            if (!all.isEmpty()) named = String.join(", ", all);
            locations = placements.of(k.id()).stream().filter(Placement::isActive)
                    .map(p -> new KeyLocation(names.getOrDefault(p.server(), "#" + p.server()), p.links().vlessUrl()))
                    .toList();
        }
        return new KeyOverview(k, named, k.remaining(clock), token, locations);
    }

    /**
     * As above, from the key's placements already read: its locations are the placements not
     * disabled on servers in {@code names} (those not retired), as {@link Placements#locationNames} reads them.
     */
    private KeyOverview overview(VpnKey k, Map<ServerId, String> names, SubscriptionToken token, List<Placement> keyPlacements) {
        if (placements == null) return overview(k, names, token);
        List<String> all = keyPlacements.stream().filter(p -> p.status() != PlacementStatus.DISABLED && names.containsKey(p.server()))
                .map(p -> names.get(p.server())).toList();
        String named = all.isEmpty() ? names.getOrDefault(k.serverId(), "#" + k.serverId()) : String.join(", ", all);
        List<KeyLocation> locations = keyPlacements.stream().filter(Placement::isActive)
                .map(p -> new KeyLocation(names.getOrDefault(p.server(), "#" + p.server()), p.links().vlessUrl()))
                .toList();
        return new KeyOverview(k, named, k.remaining(clock), token, locations);
    }
}
