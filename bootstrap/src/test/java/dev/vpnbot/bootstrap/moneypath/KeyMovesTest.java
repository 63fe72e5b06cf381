package dev.vpnbot.bootstrap.moneypath;

import static dev.vpnbot.bootstrap.moneypath.MoveWorld.FRANKFURT;
import static dev.vpnbot.bootstrap.moneypath.MoveWorld.HELSINKI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase.MoveKeyCommand;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase.Options;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase.Outcome;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase.Reason;
import dev.vpnbot.application.service.fulfilment.PanelDriftRepair;
import dev.vpnbot.application.service.move.MoveSettings;
import dev.vpnbot.application.service.ordering.ClientLimits;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.PlacementStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.move.MoveState;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Change location" end to end (issue 17, docs/MOVES.md): PostgreSQL, the real 3x-ui adapter and two
 * fake panels of different API generations (Frankfurt v2.8, Helsinki v3.6), each behind a line that
 * can be cut. Crashes are in {@link KeyMoveCrashTest}.
 */
@PostgresTest
class KeyMovesTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final UserId BUYER = MoneyPathRig.BUYER;

    private MoveWorld world;
    private PostgresPersistence db;
    private MutableClock clock;
    private MoveWorld.Process process;

    @BeforeEach
    void world(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.db = db;
        this.clock = clock;
        world = new MoveWorld(db, schema, clock, START);
        process = world.start();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private Outcome move(UserId who, VpnKey key, dev.vpnbot.domain.server.ServerId to) {
        return process.moves().buyer().move(new MoveKeyCommand(who, key.id(), to));
    }

    private VpnKey buy() {
        return world.buyKey(process.bot(), BUYER);
    }

    private long movesStored() {
        return world.rig.count("SELECT count(*) FROM key_moves");
    }

    @Test
    void a_key_moves_with_its_identity_and_expiry_and_the_old_client_is_switched_off_then_deleted_after_the_delay() {
        VpnKey key = buy();
        Map<String, Object> before = world.clientOn(FRANKFURT, key);

        Outcome outcome = move(BUYER, key, HELSINKI);

        assertThat(outcome).isInstanceOf(Outcome.Moved.class);
        VpnKey moved = ((Outcome.Moved) outcome).key();
        assertThat(moved.serverId()).isEqualTo(HELSINKI);
        assertThat(moved.client()).isEqualTo(key.client());
        assertThat(moved.expiresAt()).isEqualTo(key.expiresAt());
        assertThat(moved.links().vlessUrl()).startsWith("vless://" + key.client().uuid() + "@").isNotEqualTo(key.links().vlessUrl());
        Map<String, Object> target = world.clientOn(HELSINKI, key);
        assertThat(target.get("id")).isEqualTo(key.client().uuid().toString());
        assertThat(target.get("subId")).isEqualTo(key.client().subId());
        assertThat(target.get("flow")).isEqualTo(before.get("flow"));
        assertThat(((Number) target.get("expiryTime")).longValue()).isEqualTo(world.rig.storedExpiryMillis(key.id()))
                .isEqualTo(((Number) before.get("expiryTime")).longValue());
        assertThat(target.get("enable")).isEqualTo(true);
        assertThat(world.clientOn(FRANKFURT, key).get("enable")).isEqualTo(false); // switched off at once, still there
        assertThat(world.enabledClients(key)).isEqualTo(1);
        // the subscription lists only the new location
        assertThat(db.placements().listed(key.id())).extracting(l -> l.server()).containsExactly(HELSINKI);
        assertThat(db.placements().find(key.id(), FRANKFURT).orElseThrow().status()).isEqualTo(PlacementStatus.DISABLED);

        // before the delay the job leaves the old client alone; after it, the client goes
        clock.advance(Duration.ofHours(23));
        process.moves().worker().runDueMoves();
        assertThat(world.clientOn(FRANKFURT, key)).isNotNull();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(process.moves().worker().runDueMoves().stepsDone()).isEqualTo(1);
        assertThat(world.clientOn(FRANKFURT, key)).isNull();
        assertThat(world.rig.count("SELECT count(*) FROM key_moves WHERE state = 'DONE'")).isEqualTo(1);
        assertThat(world.enabledClients(key)).isEqualTo(1);
        assertThat(world.rig.storedExpiryMillis(key.id())).isEqualTo(key.expiresAt().toEpochMilli());
        // the load moved with the key
        assertThat(db.servers().find(HELSINKI).orElseThrow().activeKeys()).isEqualTo(1);
        assertThat(db.servers().find(FRANKFURT).orElseThrow().activeKeys()).isZero();
    }

    @Test
    void while_the_target_panel_is_down_the_move_waits_and_the_key_keeps_working_where_it_was() {
        VpnKey key = buy();
        world.helsinkiLine.cut();

        Outcome outcome = move(BUYER, key, HELSINKI);

        assertThat(outcome).isInstanceOf(Outcome.Pending.class);
        assertThat(world.rig.key(key.id()).serverId()).isEqualTo(FRANKFURT);
        assertThat(db.placements().listed(key.id())).extracting(l -> l.server()).containsExactly(FRANKFURT);
        assertThat(world.clientOn(FRANKFURT, key).get("enable")).isEqualTo(true);
        // the job tries again after its backoff, still down: nothing changes
        clock.advance(Duration.ofMinutes(3));
        assertThat(process.moves().worker().runDueMoves().failedSteps()).isEqualTo(1);
        assertThat(world.clientOn(FRANKFURT, key).get("enable")).isEqualTo(true);
        // nor does the placement sweep take the move's target over
        assertThat(process.bot().placementSweep.sweep().created()).isZero();

        world.helsinkiLine.restore();
        clock.advance(Duration.ofMinutes(15));
        assertThat(process.moves().worker().runDueMoves().stepsDone()).isEqualTo(1);
        assertThat(world.rig.key(key.id()).serverId()).isEqualTo(HELSINKI);
        assertThat(world.clientOn(HELSINKI, key).get("enable")).isEqualTo(true);
        assertThat(world.clientOn(FRANKFURT, key).get("enable")).isEqualTo(false);
        assertThat(world.enabledClients(key)).isEqualTo(1);
    }

    @Test
    void the_drift_repair_and_the_placement_sweep_never_bring_the_left_client_back() {
        VpnKey key = buy();
        assertThat(move(BUYER, key, HELSINKI)).isInstanceOf(Outcome.Moved.class);
        PanelDriftRepair repair = new PanelDriftRepair(db.servers(), db.keys(), process.bot().panelAdapter, process.bot().notifier, clock,
                ClientLimits.paidOnly(PurchaseSettings.defaults()), PanelDriftRepair.PAGE_SIZE, db.placements());

        repair.repairDrift();
        process.bot().placementSweep.sweep();

        assertThat(world.clientOn(FRANKFURT, key).get("enable")).isEqualTo(false);
        assertThat(world.clientOn(HELSINKI, key).get("enable")).isEqualTo(true);
        assertThat(world.enabledClients(key)).isEqualTo(1);
        // the target, deleted by hand, is put back by the repair as usual
        world.helsinkiPanel.removeClient(key.client().email());
        repair.repairDrift();
        assertThat(world.clientOn(HELSINKI, key).get("enable")).isEqualTo(true);
        assertThat(world.clientOn(FRANKFURT, key).get("enable")).isEqualTo(false);
    }

    @Test
    void a_drift_repair_that_read_its_page_before_the_move_leaves_the_left_client_switched_off() {
        VpnKey key = buy();
        // the repair's page of Frankfurt was read while the key still lived there
        List<VpnKey> stalePage = db.keys().activeOn(FRANKFURT, clock.instant(), null, 10);
        assertThat(stalePage).extracting(VpnKey::id).containsExactly(key.id());
        assertThat(move(BUYER, key, HELSINKI)).isInstanceOf(Outcome.Moved.class);
        dev.vpnbot.application.port.out.Keys stale = new dev.vpnbot.application.port.out.Keys() {
            public dev.vpnbot.domain.key.KeyId nextId() { return db.keys().nextId(); }
            public java.util.Optional<VpnKey> find(dev.vpnbot.domain.key.KeyId id) { return db.keys().find(id); }
            public java.util.Optional<VpnKey> findForUpdate(dev.vpnbot.domain.key.KeyId id) { return db.keys().findForUpdate(id); }
            public List<VpnKey> ofOwner(UserId owner) { return db.keys().ofOwner(owner); }
            public List<VpnKey> expiringWithoutReminder(Instant from, Instant to, String kind, int limit) {
                return db.keys().expiringWithoutReminder(from, to, kind, limit);
            }
            public List<VpnKey> activeOn(dev.vpnbot.domain.server.ServerId server, Instant now, dev.vpnbot.domain.key.KeyId after, int limit) {
                return server.equals(FRANKFURT) && after == null ? stalePage : db.keys().activeOn(server, now, after, limit);
            }
            public void save(VpnKey k) { db.keys().save(k); }
        };
        PanelDriftRepair repair = new PanelDriftRepair(db.servers(), stale, process.bot().panelAdapter, process.bot().notifier, clock,
                ClientLimits.paidOnly(PurchaseSettings.defaults()), PanelDriftRepair.PAGE_SIZE, db.placements());

        repair.repairDrift();

        assertThat(world.clientOn(FRANKFURT, key).get("enable")).isEqualTo(false);
        assertThat(world.enabledClients(key)).isEqualTo(1);
    }

    @Test
    void three_moves_a_day_then_the_refusal_says_when_the_next_is_possible_and_moving_back_keeps_the_old_client() {
        VpnKey key = buy();
        assertThat(move(BUYER, key, HELSINKI)).isInstanceOf(Outcome.Moved.class);
        clock.advance(Duration.ofMinutes(10));
        assertThat(move(BUYER, key, FRANKFURT)).isInstanceOf(Outcome.Moved.class); // back, before the old client was deleted
        assertThat(world.clientOn(FRANKFURT, key).get("enable")).isEqualTo(true);
        assertThat(world.clientOn(HELSINKI, key).get("enable")).isEqualTo(false);
        clock.advance(Duration.ofMinutes(10));
        assertThat(move(BUYER, key, HELSINKI)).isInstanceOf(Outcome.Moved.class);
        clock.advance(Duration.ofMinutes(10));

        Outcome fourth = move(BUYER, key, FRANKFURT);

        assertThat(fourth).isEqualTo(new Outcome.Refused(Reason.LIMIT_REACHED, START.plus(Duration.ofDays(1))));
        assertThat(process.moves().buyer().options(BUYER, key.id())).isEqualTo(new Options.Refused(Reason.LIMIT_REACHED,
                START.plus(Duration.ofDays(1))));
        assertThat(world.rig.key(key.id()).serverId()).isEqualTo(HELSINKI);
        // a day later: the left clients are gone, one client is left, on Helsinki, with the paid expiry
        clock.set(START.plus(Duration.ofDays(1)).plusSeconds(1));
        process.moves().worker().runDueMoves();
        clock.advance(Duration.ofHours(1));
        process.moves().worker().runDueMoves();
        assertThat(world.clientOn(FRANKFURT, key)).isNull();
        assertThat(world.clientOn(HELSINKI, key).get("enable")).isEqualTo(true);
        assertThat(((Number) world.clientOn(HELSINKI, key).get("expiryTime")).longValue()).isEqualTo(key.expiresAt().toEpochMilli());
        assertThat(world.rig.count("SELECT count(*) FROM key_moves WHERE state <> 'DONE'")).isZero();
        assertThat(move(BUYER, key, FRANKFURT)).isInstanceOf(Outcome.Moved.class); // the window slid on
    }

    @Test
    void bad_input_is_refused_with_its_reason_and_changes_nothing() {
        VpnKey key = buy();
        UserId stranger = new UserId(4242);
        VpnKey strangersKey = world.buyKey(process.bot(), stranger);

        assertThat(move(BUYER, key, FRANKFURT)).isEqualTo(new Outcome.Refused(Reason.SAME_SERVER, null));
        assertThat(move(BUYER, strangersKey, HELSINKI)).isEqualTo(new Outcome.Refused(Reason.KEY_NOT_FOUND, null)); // a crafted button
        assertThat(process.moves().buyer().options(BUYER, strangersKey.id())).isEqualTo(new Options.Refused(Reason.KEY_NOT_FOUND, null));
        assertThat(move(BUYER, key, new dev.vpnbot.domain.server.ServerId(77))).isEqualTo(new Outcome.Refused(Reason.TARGET_UNAVAILABLE, null));
        db.servers().save(world.helsinki(100, false));
        assertThat(move(BUYER, key, HELSINKI)).isEqualTo(new Outcome.Refused(Reason.TARGET_UNAVAILABLE, null));
        assertThat(((Options.Offered) process.moves().buyer().options(BUYER, key.id())).destinations()).isEmpty();
        db.servers().save(world.helsinki(1, true));
        assertThat(move(stranger, strangersKey, HELSINKI)).isInstanceOf(Outcome.Moved.class);
        assertThat(move(BUYER, key, HELSINKI)).isEqualTo(new Outcome.Refused(Reason.TARGET_FULL, null)); // its one slot is taken
        db.servers().save(world.helsinki(100, true));

        // mid-renewal: paid, not delivered yet
        Order renewal = world.rig.placeRenewal(process.bot(), key.id());
        assertThat(world.rig.pay(renewal).acknowledged()).isTrue();
        assertThat(move(BUYER, key, HELSINKI)).isEqualTo(new Outcome.Refused(Reason.KEY_BUSY, null));
        process.bot().worker.runDueJobs();
        VpnKey renewed = world.rig.key(key.id());

        // expired
        clock.set(renewed.expiresAt().plusSeconds(1));
        assertThat(move(BUYER, key, HELSINKI)).isEqualTo(new Outcome.Refused(Reason.KEY_NOT_ACTIVE, null));

        assertThat(movesStored()).isEqualTo(1); // the stranger's
        assertThat(db.placements().of(key.id())).extracting(Placement::server, Placement::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FRANKFURT, PlacementStatus.ACTIVE));
        assertThat(world.clientOn(HELSINKI, key)).isNull();
        assertThat(world.rig.key(key.id()).serverId()).isEqualTo(FRANKFURT);
    }

    @Test
    void two_buyers_racing_for_the_last_slot_one_wins_and_the_other_is_told() throws Exception {
        db.servers().save(world.helsinki(1, true));
        VpnKey first = buy();
        UserId other = new UserId(5151);
        VpnKey second = world.buyKey(process.bot(), other);
        MoveWorld.Process rival = world.start(); // a second process: its own pool and panel clients
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Outcome> a = pool.submit(() -> {
                go.await();
                return move(BUYER, first, HELSINKI);
            });
            Future<Outcome> b = pool.submit(() -> {
                go.await();
                return rival.moves().buyer().move(new MoveKeyCommand(other, second.id(), HELSINKI));
            });
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>(List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS)));

            assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Moved).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.equals(new Outcome.Refused(Reason.TARGET_FULL, null))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.servers().find(HELSINKI).orElseThrow().activeKeys()).isEqualTo(1);
        assertThat(world.helsinkiPanel.storedClients(MoneyPathRig.INBOUND).stream()
                .filter(c -> String.valueOf(c.get("email")).startsWith("vpnbot-")).count()).isEqualTo(1);
        assertThat(world.rig.count("SELECT count(*) FROM key_moves")).isEqualTo(1);
    }

    @Test
    void a_waiting_move_holds_one_slot_on_its_target_not_two() {
        // its pending placement is the slot: since V24 a server's load counts placements away from home
        db.servers().save(world.helsinki(2, true));
        world.helsinkiLine.cut();
        VpnKey first = buy();
        VpnKey second = world.buyKey(process.bot(), new UserId(5151));
        VpnKey third = world.buyKey(process.bot(), new UserId(5252));

        assertThat(move(BUYER, first, HELSINKI)).isInstanceOf(Outcome.Pending.class);
        assertThat(move(new UserId(5151), second, HELSINKI)).isInstanceOf(Outcome.Pending.class);
        assertThat(move(new UserId(5252), third, HELSINKI)).isEqualTo(new Outcome.Refused(Reason.TARGET_FULL, null));

        assertThat(db.servers().find(HELSINKI).orElseThrow().activeKeys()).isEqualTo(2);
    }

    @Test
    void a_renewal_paid_while_the_move_waits_for_the_target_reaches_the_target_with_the_new_expiry() {
        VpnKey key = buy();
        world.helsinkiLine.cut();
        assertThat(move(BUYER, key, HELSINKI)).isInstanceOf(Outcome.Pending.class);
        Order renewal = world.rig.placeRenewal(process.bot(), key.id());
        assertThat(world.rig.pay(renewal).acknowledged()).isTrue();
        process.bot().worker.runDueJobs();
        long renewed = world.rig.storedExpiryMillis(key.id());
        assertThat(renewed).isGreaterThan(key.expiresAt().toEpochMilli());

        world.helsinkiLine.restore();
        clock.advance(Duration.ofMinutes(15));
        process.moves().worker().runDueMoves();

        assertThat(world.rig.key(key.id()).serverId()).isEqualTo(HELSINKI);
        assertThat(((Number) world.clientOn(HELSINKI, key).get("expiryTime")).longValue()).isEqualTo(renewed);
        assertThat(world.rig.key(key.id()).expiresAt().toEpochMilli()).isEqualTo(renewed);
        assertThat(world.enabledClients(key)).isEqualTo(1);
        assertThat(db.keyMoves().find(new dev.vpnbot.domain.move.MoveId(
                world.rig.count("SELECT id FROM key_moves"))).orElseThrow().state()).isEqualTo(MoveState.SOURCE_DISABLED);
        assertThat(MoveSettings.defaults().deleteDelay()).isEqualTo(Duration.ofHours(24));
    }
}
