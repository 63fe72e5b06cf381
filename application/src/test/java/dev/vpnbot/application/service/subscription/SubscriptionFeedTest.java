package dev.vpnbot.application.service.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryPlacements;
import dev.vpnbot.application.fixtures.InMemoryServerGroups;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.InMemorySubscriptionTokens;
import dev.vpnbot.application.fixtures.InMemoryUsers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.Location;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.State;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase.Subscription;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionFeedTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String VLESS = "vless://11111111-2222-3333-4444-555555555555@de.example:443?security=reality#Frankfurt";

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryKeys keys = new InMemoryKeys();
    private final InMemoryServers servers = new InMemoryServers(keys, clock);
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemorySubscriptionTokens tokens = new InMemorySubscriptionTokens(keys, users, servers);
    private final InMemoryPlacements placements = new InMemoryPlacements(keys, servers, new InMemoryServerGroups());
    private final SubscriptionFeed feed = new SubscriptionFeed(tokens, placements, clock);
    private Server frankfurt;

    @BeforeEach
    void shop() {
        frankfurt = ServerMother.server(servers.nextId().value(), "Frankfurt");
        servers.save(frankfurt);
        users.save(UserMother.english(42));
    }

    @Test
    void an_active_key_lists_its_location_with_its_link_and_expiry_in_the_owners_language() {
        VpnKey key = key(KeyStatus.ACTIVE, NOW.plus(Duration.ofDays(30)));
        Subscription subscription = feed.fetch(tokens.tokenOf(key.id()).orElseThrow()).orElseThrow();
        assertThat(subscription.state()).isEqualTo(State.ACTIVE);
        assertThat(subscription.locations()).containsExactly(new Location("Frankfurt", VLESS));
        assertThat(subscription.expiresAt()).isEqualTo(key.expiresAt());
        assertThat(subscription.language()).isEqualTo(Language.EN);
    }

    @Test
    void an_expired_key_answers_an_empty_list() {
        VpnKey key = key(KeyStatus.ACTIVE, NOW.plus(Duration.ofDays(1)));
        clock.advance(Duration.ofDays(1));
        Subscription subscription = feed.fetch(tokens.tokenOf(key.id()).orElseThrow()).orElseThrow();
        assertThat(subscription.state()).isEqualTo(State.EXPIRED);
        assertThat(subscription.locations()).isEmpty();
    }

    @Test
    void a_disabled_or_unfinished_key_lists_nothing() {
        VpnKey disabled = key(KeyStatus.DISABLED, NOW.plus(Duration.ofDays(30)));
        VpnKey preparing = key(KeyStatus.PROVISIONING, NOW.plus(Duration.ofDays(30)));
        assertThat(feed.fetch(tokens.tokenOf(disabled.id()).orElseThrow()).orElseThrow().state()).isEqualTo(State.DISABLED);
        Subscription unfinished = feed.fetch(tokens.tokenOf(preparing.id()).orElseThrow()).orElseThrow();
        assertThat(unfinished.state()).isEqualTo(State.PREPARING);
        assertThat(unfinished.locations()).isEmpty();
    }

    @Test
    void a_deleted_keys_token_a_replaced_token_and_an_unknown_token_all_find_nothing() {
        VpnKey deleted = key(KeyStatus.DELETED, NOW.plus(Duration.ofDays(30)));
        VpnKey reset = key(KeyStatus.ACTIVE, NOW.plus(Duration.ofDays(30)));
        SubscriptionToken old = tokens.tokenOf(reset.id()).orElseThrow();
        tokens.replace(reset.id());
        assertThat(feed.fetch(tokens.tokenOf(deleted.id()).orElseThrow())).isEmpty();
        assertThat(feed.fetch(old)).isEmpty();
        assertThat(feed.fetch(new SubscriptionToken("Z".repeat(SubscriptionToken.LENGTH)))).isEmpty();
    }

    private VpnKey key(KeyStatus status, Instant expiresAt) {
        KeyId id = keys.nextId();
        KeyLinks links = status == KeyStatus.PROVISIONING ? null : new KeyLinks(null, VLESS);
        VpnKey key = new VpnKey(id, UserMother.english(42).id(), frankfurt.id(),
                new PanelClientId(UUID.randomUUID(), "vpnbot-k" + id + "-u42", "k" + id + "sub"), expiresAt, status, links, NOW);
        keys.save(key);
        Placement home = Placement.pending(key, frankfurt.id(), NOW);
        placements.save(links == null ? home : home.activated(links));
        return key;
    }

    @Test
    void a_key_lists_one_link_per_active_placement_on_a_server_switched_on_and_a_pending_one_once_created() {
        VpnKey key = key(KeyStatus.ACTIVE, NOW.plus(Duration.ofDays(30)));
        Server helsinki = ServerMother.server(servers.nextId().value(), "Helsinki");
        Server tokyo = ServerMother.server(servers.nextId().value(), "Tokyo");
        servers.save(helsinki);
        servers.save(tokyo);
        String helsinkiLink = VLESS.replace("Frankfurt", "Helsinki");
        placements.save(Placement.pending(key, helsinki.id(), NOW).activated(new KeyLinks(null, helsinkiLink)));
        placements.save(Placement.pending(key, tokyo.id(), NOW));
        SubscriptionToken token = tokens.tokenOf(key.id()).orElseThrow();

        assertThat(feed.fetch(token).orElseThrow().locations())
                .containsExactly(new Location("Frankfurt", VLESS), new Location("Helsinki", helsinkiLink));

        String tokyoLink = VLESS.replace("Frankfurt", "Tokyo");
        placements.save(placements.find(key.id(), tokyo.id()).orElseThrow().activated(new KeyLinks(null, tokyoLink)));
        servers.save(helsinki.withActive(false));
        assertThat(feed.fetch(token).orElseThrow().locations())
                .containsExactly(new Location("Frankfurt", VLESS), new Location("Tokyo", tokyoLink));
    }
}
