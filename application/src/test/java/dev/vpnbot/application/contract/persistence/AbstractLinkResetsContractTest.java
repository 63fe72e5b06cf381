package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code LinkResets} contract, for every implementation. */
public abstract class AbstractLinkResetsContractTest extends PersistenceContract {
    private final Function<Persistence, LinkResets> resetsOf;
    private LinkResets resets;
    private VpnKey key;
    private VpnKey other;

    protected AbstractLinkResetsContractTest(Supplier<Persistence> freshPorts, Function<Persistence, LinkResets> resetsOf) {
        super(freshPorts);
        this.resetsOf = resetsOf;
    }

    @BeforeEach
    void twoKeys() {
        resets = resetsOf.apply(ports);
        User owner = savedUser(42);
        Server server = savedServer("Frankfurt");
        key = savedKey(owner, server, NOW.plus(Duration.ofDays(30)), KeyStatus.ACTIVE);
        other = savedKey(owner, server, NOW.plus(Duration.ofDays(30)), KeyStatus.ACTIVE);
    }

    private PanelClientId next(VpnKey k, String subId) {
        return new PanelClientId(UUID.randomUUID(), k.client().email(), subId);
    }

    @Test
    void a_begun_reset_keeps_the_next_identity_until_it_is_finished() {
        PanelClientId next = next(key, "knext1");
        resets.begin(key.id(), next);
        assertThat(resets.pending(key.id())).contains(next);
        assertThat(resets.pending(other.id())).isEmpty();
        assertThat(resets.unfinished(10)).containsExactly(key.id());

        resets.finish(key.id());
        assertThat(resets.pending(key.id())).isEmpty();
        assertThat(resets.unfinished(10)).isEmpty();
    }

    @Test
    void beginning_again_replaces_the_identity_and_unfinished_ones_come_oldest_first() {
        resets.begin(key.id(), next(key, "knext1"));
        ports.clock().advance(Duration.ofSeconds(1));
        resets.begin(other.id(), next(other, "knext2"));
        PanelClientId again = next(key, "knext3");
        resets.begin(key.id(), again);
        assertThat(resets.pending(key.id())).contains(again);
        assertThat(resets.unfinished(1)).hasSize(1);
        assertThat(resets.unfinished(10)).containsExactlyInAnyOrder(key.id(), other.id());
    }
}
