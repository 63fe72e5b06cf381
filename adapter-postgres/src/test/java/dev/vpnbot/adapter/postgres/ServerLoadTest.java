package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.contract.PostgresPorts;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
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
 * The server load kept in {@code server_load} (V7) equals a recount of the live keys, after many
 * concurrent key changes (new keys, renewals across days, moves between servers, switching off,
 * deleting, two keys changed in one transaction) and as time passes over the day boundaries.
 */
@PostgresTest
class ServerLoadTest {
    private static final String RECOUNT = "SELECT count(*) FROM vpn_keys WHERE server_id = %d"
            + " AND status IN ('ACTIVE', 'PROVISIONING') AND expires_at > '%s'";
    private static final List<KeyStatus> STATUSES = List.of(KeyStatus.PROVISIONING, KeyStatus.ACTIVE, KeyStatus.ACTIVE,
            KeyStatus.DISABLED, KeyStatus.DELETED);

    private Persistence ports;
    private TestSchema schema;
    private MutableClock clock;
    private final List<Server> servers = new ArrayList<>();
    private final List<KeyId> keys = new ArrayList<>();

    @BeforeEach
    void threeServersAndSomeKeys(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.ports = PostgresPorts.emptied(db, schema, clock);
        this.schema = schema;
        this.clock = clock;
        for (int i = 1; i <= 4; i++) ports.users().save(UserMother.russian(100 + i));
        for (int i = 1; i <= 3; i++) {
            Server server = ServerMother.server(i, "server " + i);
            ports.servers().save(server);
            servers.add(server);
        }
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) keys.add(newKey(random));
    }

    @Test
    void the_kept_load_equals_a_recount_after_concurrent_changes_and_as_days_pass() throws Exception {
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

        for (int day = 0; day < 5; day++) {
            for (Server server : servers) assertLoadIsRecount(server.id());
            clock.advance(Duration.ofHours(9)); // crosses UTC midnights at different hours
        }
    }

    private void change(Random random) {
        int pick = random.nextInt(10);
        if (pick < 3) {
            KeyId id = newKey(random);
            synchronized (keys) {
                keys.add(id);
            }
            return;
        }
        KeyId one = anyKey(random);
        KeyId two = anyKey(random);
        ports.transactions().run(() -> {
            edit(one, random);
            if (pick >= 8 && !two.equals(one)) edit(two, random); // two keys in one transaction, in no fixed order
        });
    }

    private void edit(KeyId id, Random random) {
        VpnKey key = ports.keys().findForUpdate(id).orElseThrow();
        VpnKey changed = switch (random.nextInt(4)) {
            case 0 -> key.withExpiry(expiry(random));
            case 1 -> key.withStatus(STATUSES.get(random.nextInt(STATUSES.size())));
            case 2 -> new VpnKey(key.id(), key.owner(), servers.get(random.nextInt(servers.size())).id(), key.client(),
                    expiry(random), key.status(), key.links(), key.createdAt());
            default -> key.withExpiry(key.expiresAt().plus(Duration.ofDays(30)));
        };
        ports.keys().save(changed);
    }

    private KeyId newKey(Random random) {
        KeyId id = ports.keys().nextId();
        PanelClientId client = new PanelClientId(UUID.randomUUID(), "load-k" + id, "load" + id + "sub");
        KeyLinks links = new KeyLinks("https://sub.example/" + client.subId(), "vless://" + client.uuid() + "@x.example:443#" + id);
        ports.keys().save(new VpnKey(id, new UserId(101 + random.nextInt(4)), servers.get(random.nextInt(servers.size())).id(),
                client, expiry(random), STATUSES.get(random.nextInt(STATUSES.size())), links, clock.instant()));
        return id;
    }

    /** Around now: some already over, many later today or tomorrow, so the day boundaries matter. */
    private Instant expiry(Random random) {
        return clock.instant().plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60) - 12 * 60));
    }

    private KeyId anyKey(Random random) {
        synchronized (keys) {
            return keys.get(random.nextInt(keys.size()));
        }
    }

    private void assertLoadIsRecount(ServerId server) {
        long recount = schema.queryLong(RECOUNT.formatted(server.value(), clock.instant()));
        assertThat(ports.servers().find(server).orElseThrow().activeKeys()).as("server %s at %s", server, clock.instant())
                .isEqualTo(recount);
        assertThat(ports.servers().all().stream().filter(s -> s.id().equals(server)).findFirst().orElseThrow().activeKeys())
                .isEqualTo(recount);
    }
}
