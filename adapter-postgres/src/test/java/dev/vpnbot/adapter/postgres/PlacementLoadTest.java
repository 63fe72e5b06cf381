package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.contract.PostgresPorts;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server's load counts the keys placed on it through a group (V24), each key once per server:
 * its home, or an active or pending placement. The kept figure equals a recount after placements
 * are added, activated, disabled and deleted while keys are renewed, moved and switched off
 * concurrently, and as days pass.
 */
@PostgresTest
class PlacementLoadTest {
    /** Live keys (not expired) whose home the server is or that have a live placement on it. */
    private static final String RECOUNT = "SELECT count(*) FROM vpn_keys k WHERE k.status IN ('ACTIVE', 'PROVISIONING')"
            + " AND k.expires_at > '%2$s' AND (k.server_id = %1$d OR EXISTS (SELECT 1 FROM key_placements p"
            + " WHERE p.key_id = k.id AND p.server_id = %1$d AND p.status IN ('ACTIVE', 'PENDING')))";
    private static final List<KeyStatus> STATUSES = List.of(KeyStatus.PROVISIONING, KeyStatus.ACTIVE, KeyStatus.ACTIVE,
            KeyStatus.DISABLED, KeyStatus.DELETED);

    private Persistence ports;
    private Placements placements;
    private TestSchema schema;
    private MutableClock clock;
    private final List<Server> servers = new ArrayList<>();
    private final List<KeyId> keys = new ArrayList<>();

    @BeforeEach
    void threeServers(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.ports = PostgresPorts.emptied(db, schema, clock);
        this.placements = db.placements();
        this.schema = schema;
        this.clock = clock;
        for (int i = 1; i <= 4; i++) ports.users().save(UserMother.russian(100 + i));
        for (int i = 1; i <= 3; i++) {
            Server server = ServerMother.server(i, "server " + i);
            ports.servers().save(server);
            servers.add(server);
        }
    }

    @Test
    void a_group_key_occupies_one_client_on_each_of_its_servers_and_none_where_its_placement_is_disabled() {
        VpnKey key = ports.keys().find(newKey(new Random(1), KeyStatus.ACTIVE, servers.get(0).id(), hours(48))).orElseThrow();
        for (Server s : servers) placements.save(active(Placement.pending(key, s.id(), clock.instant())));
        assertThat(loads()).containsExactly(1, 1, 1); // the home placement is not counted twice

        placements.save(active(Placement.pending(key, servers.get(2).id(), clock.instant())).disabled());
        assertThat(loads()).containsExactly(1, 1, 0);

        ports.keys().save(key.withStatus(KeyStatus.DISABLED));
        assertThat(loads()).containsExactly(0, 0, 0);
        ports.keys().save(key.withStatus(KeyStatus.ACTIVE));
        assertThat(loads()).containsExactly(1, 1, 0);

        clock.advance(Duration.ofHours(49)); // expired: gone from every server
        assertThat(loads()).containsExactly(0, 0, 0);
    }

    @Test
    void the_kept_load_equals_a_recount_after_concurrent_placement_and_key_changes_and_as_days_pass() throws Exception {
        Random seed = new Random(11);
        for (int i = 0; i < 40; i++) {
            KeyId id = newKey(seed, STATUSES.get(seed.nextInt(STATUSES.size())), anyServer(seed), expiry(seed));
            keys.add(id);
            if (seed.nextBoolean()) placements.addIfMissing(Placement.pending(ports.keys().find(id).orElseThrow(), anyServer(seed),
                    clock.instant()));
        }
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Random random = new Random(t);
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        try {
                            change(random);
                        } catch (RuntimeException e) {
                            refused.incrementAndGet(); // a deadlock victim rolls back whole: the figures must still agree
                        }
                    }
                }));
            }
            for (Future<?> f : work) f.get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused.get()).as("changes rolled back").isLessThan(36);
        assertThat(schema.queryLong("SELECT count(*) FROM key_placements p JOIN vpn_keys k ON k.id = p.key_id"
                + " WHERE p.server_id <> k.server_id AND p.status <> 'DISABLED'")).as("placements away from home").isGreaterThan(20);

        schema.execute("DELETE FROM key_placements WHERE (key_id + server_id) % 5 = 0"); // many rows in one statement
        for (int day = 0; day < 5; day++) {
            for (Server server : servers) assertLoadIsRecount(server.id());
            clock.advance(Duration.ofHours(9)); // crosses UTC midnights at different hours
        }
    }

    private void change(Random random) {
        KeyId id = anyKey(random);
        int pick = random.nextInt(10);
        if (pick < 4) {
            VpnKey key = ports.keys().find(id).orElseThrow();
            Placement p = Placement.pending(key, anyServer(random), clock.instant());
            switch (pick) {
                case 0 -> placements.addIfMissing(p);
                case 1 -> placements.save(active(p));
                case 2 -> placements.save(active(p).disabled());
                default -> placements.save(p);
            }
            return;
        }
        ports.transactions().run(() -> {
            VpnKey key = ports.keys().findForUpdate(id).orElseThrow();
            VpnKey changed = switch (random.nextInt(4)) {
                case 0 -> key.withExpiry(expiry(random));
                case 1 -> key.withStatus(STATUSES.get(random.nextInt(STATUSES.size())));
                case 2 -> new VpnKey(key.id(), key.owner(), anyServer(random), key.client(), expiry(random), key.status(), key.links(),
                        key.createdAt());
                default -> key.withExpiry(key.expiresAt().plus(Duration.ofDays(30)));
            };
            ports.keys().save(changed);
            if (pick == 9) placements.save(active(Placement.pending(changed, anyServer(random), clock.instant()))); // key and placement at once
        });
    }

    private KeyId newKey(Random random, KeyStatus status, ServerId home, Instant expiry) {
        KeyId id = ports.keys().nextId();
        PanelClientId client = new PanelClientId(UUID.randomUUID(), "pl-k" + id, "pl" + id + "sub");
        ports.keys().save(new VpnKey(id, new UserId(101 + random.nextInt(4)), home, client, expiry, status, links(id.value()),
                clock.instant()));
        return id;
    }

    private static KeyLinks links(long id) {
        return new KeyLinks("https://sub.example/" + id, "vless://" + id + "@x.example:443#" + id);
    }

    private static Placement active(Placement p) {
        return p.activated(links(p.key().value() * 10 + p.server().value()));
    }

    private Instant hours(int hours) {
        return clock.instant().plus(Duration.ofHours(hours));
    }

    /** Around now: some already over, many later today or tomorrow, so the day boundaries matter. */
    private Instant expiry(Random random) {
        return clock.instant().plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60) - 12 * 60));
    }

    private ServerId anyServer(Random random) {
        return servers.get(random.nextInt(servers.size())).id();
    }

    private KeyId anyKey(Random random) {
        return keys.get(random.nextInt(keys.size()));
    }

    private List<Integer> loads() {
        return servers.stream().map(s -> ports.servers().find(s.id()).orElseThrow().activeKeys()).toList();
    }

    private void assertLoadIsRecount(ServerId server) {
        long recount = schema.queryLong(RECOUNT.formatted(server.value(), clock.instant()));
        assertThat(ports.servers().find(server).orElseThrow().activeKeys()).as("server %s at %s", server, clock.instant())
                .isEqualTo(recount);
        assertThat(ports.servers().all().stream().filter(s -> s.id().equals(server)).findFirst().orElseThrow().activeKeys())
                .isEqualTo(recount);
    }
}
