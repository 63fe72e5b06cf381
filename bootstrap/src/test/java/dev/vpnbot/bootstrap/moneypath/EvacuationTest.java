package dev.vpnbot.bootstrap.moneypath;

import static dev.vpnbot.bootstrap.moneypath.MoveWorld.ADMIN;
import static dev.vpnbot.bootstrap.moneypath.MoveWorld.FRANKFURT;
import static dev.vpnbot.bootstrap.moneypath.MoveWorld.HELSINKI;
import static dev.vpnbot.bootstrap.moneypath.MoveWorld.WARSAW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.model.move.EvacuationProgress;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase.Reason;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase.Started;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.service.move.MoveSettings;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.move.Evacuation;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Evacuate server X" end to end (docs/MOVES.md): PostgreSQL, the real 3x-ui adapter, Frankfurt on a
 * fake v2.8, Helsinki on a fake v3.6 (and Warsaw on a v2.8 for the least-loaded choice).
 */
@PostgresTest
class EvacuationTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final UserId OTHER = new UserId(2002);

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

    private List<VpnKey> buy(UserId user, int n) {
        List<VpnKey> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) keys.add(world.buyKey(process.bot(), user));
        return keys;
    }

    /** What the bot's timers do: the evacuation job, then the move job, until nothing is left to do. */
    private void runJobs(MoveWorld.Process p) {
        for (int round = 0; round < 5; round++) {
            p.evacuation().runDue();
            p.moves().worker().runDueMoves();
        }
        p.evacuation().runDue();
    }

    private Evacuation start(ServerId server, ServerId target) {
        Started started = process.evacuation().start(ADMIN, server, target);
        assertThat(started).isInstanceOf(Started.Evacuating.class);
        return ((Started.Evacuating) started).evacuation();
    }

    @Test
    void every_key_moves_to_the_target_each_owner_is_told_once_and_the_admins_get_the_report() {
        List<VpnKey> keys = new ArrayList<>(buy(MoneyPathRig.BUYER, 3));
        keys.addAll(buy(OTHER, 2));

        Evacuation e = start(FRANKFURT, HELSINKI);

        assertThat(db.servers().find(FRANKFURT).orElseThrow().active()).isFalse(); // no sales from the start
        runJobs(process);
        for (VpnKey key : keys) {
            assertThat(world.rig.key(key.id()).serverId()).isEqualTo(HELSINKI);
            assertThat(world.clientOn(HELSINKI, key).get("id")).isEqualTo(key.client().uuid().toString());
            assertThat(((Number) world.clientOn(HELSINKI, key).get("expiryTime")).longValue()).isEqualTo(key.expiresAt().toEpochMilli());
            assertThat(world.clientOn(FRANKFURT, key).get("enable")).isEqualTo(false);
            assertThat(world.enabledClients(key)).isEqualTo(1);
        }
        EvacuationProgress progress = process.evacuation().report(ADMIN, e.id()).orElseThrow().progress();
        assertThat(progress.moved()).isEqualTo(5);
        assertThat(progress.waiting() + progress.failed() + progress.skipped()).isZero();
        assertThat(process.evacuation().report(ADMIN, e.id()).orElseThrow().evacuation().phase()).isEqualTo(Evacuation.Phase.FINISHED);
        assertThat(world.notices).hasSize(2).anyMatch(n -> n.startsWith(MoneyPathRig.BUYER.telegramId() + ":"))
                .anyMatch(n -> n.startsWith(OTHER.telegramId() + ":")).allMatch(n -> n.endsWith(":Frankfurt>Helsinki"));
        assertThat(process.bot().notifier.alerts()).filteredOn(a -> a.kind() == AdminAlert.Kind.EVACUATION_FINISHED).hasSize(1)
                .allMatch(a -> a.detail().contains("moved 5, failed 0, skipped 0"));
        // a day later the old clients are gone: one client per key, on Helsinki
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        runJobs(process);
        for (VpnKey key : keys) assertThat(world.clientOn(FRANKFURT, key)).isNull();
        assertThat(world.rig.ourPanelClients()).isEmpty();
    }

    @Test
    void auto_spreads_the_keys_over_the_least_loaded_servers_with_room_and_skips_what_cannot_move_with_the_reason() {
        world.addWarsaw(2);
        db.servers().save(world.helsinki(3, true));
        List<VpnKey> keys = buy(MoneyPathRig.BUYER, 4);
        // one key is mid-renewal: paid, not delivered
        Order renewal = world.rig.placeRenewal(process.bot(), keys.get(3).id());
        assertThat(world.rig.pay(renewal).acknowledged()).isTrue();

        Evacuation e = start(FRANKFURT, null);
        runJobs(process);

        Map<ServerId, Long> homes = keys.stream().limit(3).map(k -> world.rig.key(k.id()).serverId())
                .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting()));
        assertThat(homes).containsOnlyKeys(HELSINKI, WARSAW); // shared by load: 3 keys over 3 + 2 slots
        assertThat(homes.get(HELSINKI) + homes.get(WARSAW)).isEqualTo(3);
        assertThat(world.rig.key(keys.get(3).id()).serverId()).isEqualTo(FRANKFURT);
        EvacuationProgress progress = process.evacuation().report(ADMIN, e.id()).orElseThrow().progress();
        assertThat(progress.moved()).isEqualTo(3);
        assertThat(progress.skipReasons()).isEqualTo(Map.of("KEY_BUSY", 1));
        assertThat(process.bot().notifier.alerts()).filteredOn(a -> a.kind() == AdminAlert.Kind.EVACUATION_FINISHED)
                .singleElement().satisfies(a -> assertThat(a.detail()).contains("skipped KEY_BUSY: 1"));
    }

    @Test
    void a_target_panel_down_keeps_the_evacuation_waiting_and_a_restarted_process_finishes_it() {
        List<VpnKey> keys = buy(MoneyPathRig.BUYER, 3);
        world.helsinkiLine.cut();
        Evacuation e = start(FRANKFURT, HELSINKI);
        runJobs(process);
        EvacuationProgress waiting = process.evacuation().report(ADMIN, e.id()).orElseThrow().progress();
        assertThat(waiting.waiting()).isEqualTo(3);
        assertThat(waiting.waitingErrors()).isNotEmpty();
        for (VpnKey key : keys) assertThat(world.clientOn(FRANKFURT, key).get("enable")).isEqualTo(true); // the keys keep working
        world.kill(process);

        world.helsinkiLine.restore();
        MoveWorld.Process restarted = world.start();
        clock.advance(MoveSettings.MAX_RETRY);
        runJobs(restarted);

        assertThat(restarted.evacuation().report(ADMIN, e.id()).orElseThrow().progress().moved()).isEqualTo(3);
        for (VpnKey key : keys) {
            assertThat(world.rig.key(key.id()).serverId()).isEqualTo(HELSINKI);
            assertThat(world.enabledClients(key)).isEqualTo(1);
        }
        assertThat(world.notices).hasSize(1);
    }

    @Test
    void refusals_change_nothing() {
        buy(MoneyPathRig.BUYER, 1);
        assertThat(process.evacuation().start(ADMIN, FRANKFURT, FRANKFURT)).isEqualTo(new Started.Refused(Reason.SAME_SERVER));
        assertThat(process.evacuation().start(ADMIN, new ServerId(77), null)).isEqualTo(new Started.Refused(Reason.SERVER_NOT_FOUND));
        db.servers().save(world.helsinki(100, false));
        assertThat(process.evacuation().start(ADMIN, FRANKFURT, HELSINKI)).isEqualTo(new Started.Refused(Reason.TARGET_UNAVAILABLE));
        assertThat(db.servers().find(FRANKFURT).orElseThrow().active()).isTrue();
        db.servers().save(world.helsinki(100, true));
        start(FRANKFURT, HELSINKI);
        assertThat(process.evacuation().start(ADMIN, FRANKFURT, null)).isEqualTo(new Started.Refused(Reason.ALREADY_UNDER_WAY));
        assertThat(world.rig.count("SELECT count(*) FROM evacuations")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> process.evacuation().start(MoneyPathRig.BUYER, HELSINKI, null))
                .isInstanceOf(dev.vpnbot.application.port.in.Refusal.class);
    }
}
