package dev.vpnbot.bootstrap.moneypath;

import static dev.vpnbot.bootstrap.moneypath.MoveWorld.FRANKFURT;
import static dev.vpnbot.bootstrap.moneypath.MoveWorld.HELSINKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase.MoveKeyCommand;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.move.MoveSettings;
import dev.vpnbot.bootstrap.moneypath.DyingPanel.ProcessDied;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.PlacementStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A move killed at each step (the process dies: an {@link Error} nothing catches, its pool and panel
 * clients closed), then a new process whose move job finishes it: PostgreSQL, the real 3x-ui adapter,
 * Frankfurt on a fake v2.8 and Helsinki on a fake v3.6. After the delay the key has exactly one
 * enabled client, on the target, with the same identity and expiry to the millisecond.
 */
@PostgresTest
class KeyMoveCrashTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    /** Where the process dies. */
    enum Death {
        BEFORE_THE_TARGET_CLIENT, AFTER_THE_TARGET_CLIENT, BEFORE_SWITCHING_THE_SOURCE_OFF, AFTER_SWITCHING_THE_SOURCE_OFF,
        BEFORE_DELETING_THE_SOURCE, AFTER_DELETING_THE_SOURCE
    }

    private MoveWorld world;
    private PostgresPersistence db;
    private MutableClock clock;

    @BeforeEach
    void world(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.db = db;
        this.clock = clock;
        world = new MoveWorld(db, schema, clock, START);
    }

    @AfterEach
    void close() {
        world.close();
    }

    /** The real adapter, but the process dies at one point of one move. */
    private static final class Dying extends ForwardingPanel {
        private final Death death;

        Dying(VpnPanel panel, Death death) {
            super(panel);
            this.death = death;
        }

        @Override
        public PanelRepair repairClient(Server server, NewPanelClient wanted) {
            if (!server.id().equals(HELSINKI)) return panel.repairClient(server, wanted);
            if (death == Death.BEFORE_THE_TARGET_CLIENT) throw new ProcessDied("before the target's client");
            PanelRepair done = panel.repairClient(server, wanted);
            if (death == Death.AFTER_THE_TARGET_CLIENT) throw new ProcessDied("after the target's client was made");
            return done;
        }

        @Override
        public void setEnabled(Server server, PanelClientId client, boolean enabled) {
            if (death == Death.BEFORE_SWITCHING_THE_SOURCE_OFF) throw new ProcessDied("before switching the source off");
            panel.setEnabled(server, client, enabled);
            if (death == Death.AFTER_SWITCHING_THE_SOURCE_OFF) throw new ProcessDied("after switching the source off");
        }

        @Override
        public void deleteClient(Server server, PanelClientId client) {
            if (death == Death.BEFORE_DELETING_THE_SOURCE) throw new ProcessDied("before deleting the source");
            panel.deleteClient(server, client);
            if (death == Death.AFTER_DELETING_THE_SOURCE) throw new ProcessDied("after deleting the source");
        }
    }

    @ParameterizedTest
    @EnumSource(Death.class)
    void a_move_killed_at_any_step_completes_after_a_restart(Death death) {
        MoveWorld.Process first = world.start();
        VpnKey key = world.buyKey(first.bot(), MoneyPathRig.BUYER);
        Map<String, Object> sourceBefore = world.clientOn(FRANKFURT, key);
        world.kill(first);

        MoveWorld.Process doomed = world.start(p -> new Dying(p, death), MoveSettings.defaults());
        boolean diesLater = death == Death.BEFORE_DELETING_THE_SOURCE || death == Death.AFTER_DELETING_THE_SOURCE;
        if (diesLater) {
            doomed.moves().buyer().move(new MoveKeyCommand(MoneyPathRig.BUYER, key.id(), HELSINKI));
            clock.advance(Duration.ofHours(24).plusSeconds(1));
            assertThatThrownBy(() -> doomed.moves().worker().runDueMoves()).isInstanceOf(ProcessDied.class);
        } else {
            assertThatThrownBy(() -> doomed.moves().buyer().move(new MoveKeyCommand(MoneyPathRig.BUYER, key.id(), HELSINKI)))
                    .isInstanceOf(ProcessDied.class);
            // whatever was committed: the key works on one server or the other, never on neither
            assertThat(db.placements().listed(key.id())).hasSize(1);
        }
        world.kill(doomed);

        // a new process: the move's lease runs out and its job picks it up
        MoveWorld.Process restarted = world.start();
        clock.advance(MoveSettings.defaults().lease().plusSeconds(1));
        restarted.moves().worker().runDueMoves();
        VpnKey moved = world.rig.key(key.id());
        assertThat(moved.serverId()).isEqualTo(HELSINKI);
        assertThat(db.placements().listed(key.id())).extracting(l -> l.server()).containsExactly(HELSINKI);
        assertThat(world.clientOn(HELSINKI, key).get("enable")).isEqualTo(true);
        assertThat(world.clientOn(FRANKFURT, key) == null || Boolean.FALSE.equals(world.clientOn(FRANKFURT, key).get("enable"))).isTrue();

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        restarted.moves().worker().runDueMoves();
        assertThat(world.clientOn(FRANKFURT, key)).isNull();
        assertThat(world.enabledClients(key)).isEqualTo(1);
        assertThat(world.helsinkiPanel.copiesOf(key.client().email())).isEqualTo(1);
        Map<String, Object> target = world.clientOn(HELSINKI, key);
        assertThat(target.get("id")).isEqualTo(key.client().uuid().toString());
        assertThat(target.get("subId")).isEqualTo(key.client().subId());
        assertThat(target.get("flow")).isEqualTo(sourceBefore.get("flow"));
        assertThat(((Number) target.get("expiryTime")).longValue()).isEqualTo(key.expiresAt().toEpochMilli())
                .isEqualTo(world.rig.storedExpiryMillis(key.id()));
        assertThat(moved.expiresAt()).isEqualTo(key.expiresAt());
        assertThat(db.placements().find(key.id(), FRANKFURT).orElseThrow().status()).isEqualTo(PlacementStatus.DISABLED);
        assertThat(world.rig.count("SELECT count(*) FROM key_moves WHERE state = 'DONE'")).isEqualTo(1);
        assertThat(world.rig.count("SELECT count(*) FROM key_moves")).isEqualTo(1);
    }
}
