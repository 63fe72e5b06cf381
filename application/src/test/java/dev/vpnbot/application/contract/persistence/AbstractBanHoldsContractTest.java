package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.admin.BanHolds;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keys bans switched off, for every implementation. */
public abstract class AbstractBanHoldsContractTest extends PersistenceContract {
    private final Function<Persistence, BanHolds> holdsOf;
    private BanHolds holds;

    protected AbstractBanHoldsContractTest(Supplier<Persistence> freshPorts, Function<Persistence, BanHolds> holdsOf) {
        super(freshPorts);
        this.holdsOf = holdsOf;
    }

    @BeforeEach
    void openHolds() {
        holds = holdsOf.apply(ports);
    }

    @Test
    void a_ban_holds_the_keys_it_switched_off_per_user_until_the_unban_releases_them() {
        Server server = savedServer("Riga");
        User ivan = savedUser(501);
        User anna = savedUser(502);
        VpnKey first = savedKey(ivan, server, NOW.plus(Duration.ofDays(5)), KeyStatus.DISABLED);
        VpnKey second = savedKey(ivan, server, NOW.plus(Duration.ofDays(9)), KeyStatus.DISABLED);
        VpnKey annas = savedKey(anna, server, NOW.plus(Duration.ofDays(9)), KeyStatus.DISABLED);

        holds.hold(ivan.id(), second.id(), NOW);
        holds.hold(ivan.id(), first.id(), NOW);
        holds.hold(ivan.id(), first.id(), NOW.plus(Duration.ofMinutes(1))); // a second ban: nothing changes
        holds.hold(anna.id(), annas.id(), NOW);

        assertThat(holds.heldFor(ivan.id())).containsExactly(first.id(), second.id());
        holds.release(ivan.id());
        assertThat(holds.heldFor(ivan.id())).isEmpty();
        assertThat(holds.heldFor(anna.id())).as("another user's ban is untouched").containsExactly(annas.id());
    }
}
