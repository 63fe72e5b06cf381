package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.NewKeys;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code NewKeys} contract, for every implementation. */
public abstract class AbstractNewKeysContractTest extends PersistenceContract {
    private final Function<Persistence, NewKeys> newKeysOf;
    private NewKeys newKeys;
    private User owner;
    private Server server;

    protected AbstractNewKeysContractTest(Supplier<Persistence> freshPorts, Function<Persistence, NewKeys> newKeysOf) {
        super(freshPorts);
        this.newKeysOf = newKeysOf;
    }

    @BeforeEach
    void anOwnerAndAServer() {
        newKeys = newKeysOf.apply(ports);
        owner = savedUser(42);
        server = savedServer("Frankfurt");
    }

    private VpnKey madeAt(Instant createdAt, KeyStatus status) {
        VpnKey k = newKey(owner, server, createdAt.plus(Duration.ofDays(30)), status);
        VpnKey key = new VpnKey(k.id(), k.owner(), k.serverId(), k.client(), k.expiresAt(), k.status(), k.links(), createdAt);
        ports.keys().save(key);
        return key;
    }

    @Test
    void active_keys_made_in_the_window_come_oldest_first_and_others_do_not() {
        VpnKey older = madeAt(NOW.minus(Duration.ofHours(50)), KeyStatus.ACTIVE);
        VpnKey newer = madeAt(NOW.minus(Duration.ofHours(30)), KeyStatus.ACTIVE);
        madeAt(NOW.minus(Duration.ofHours(10)), KeyStatus.ACTIVE); // too young
        madeAt(NOW.minus(Duration.ofHours(100)), KeyStatus.ACTIVE); // too old
        madeAt(NOW.minus(Duration.ofHours(40)), KeyStatus.DISABLED);

        assertThat(newKeys.activeMadeWithout(NOW.minus(Duration.ofHours(72)), NOW.minus(Duration.ofHours(24)), NewKeys.CONNECT_HELP, 10))
                .extracting(VpnKey::id).containsExactly(older.id(), newer.id());
    }

    @Test
    void a_key_claimed_in_the_ledger_for_the_kind_is_left_out_and_the_limit_holds() {
        VpnKey claimed = madeAt(NOW.minus(Duration.ofHours(50)), KeyStatus.ACTIVE);
        VpnKey second = madeAt(NOW.minus(Duration.ofHours(40)), KeyStatus.ACTIVE);
        madeAt(NOW.minus(Duration.ofHours(30)), KeyStatus.ACTIVE);
        assertThat(ports.sentNotifications().claim(NewKeys.CONNECT_HELP, NewKeys.subject(claimed))).isTrue();
        ports.sentNotifications().claim("something-else", NewKeys.subject(second));

        assertThat(newKeys.activeMadeWithout(NOW.minus(Duration.ofHours(72)), NOW.minus(Duration.ofHours(24)), NewKeys.CONNECT_HELP, 1))
                .extracting(VpnKey::id).containsExactly(second.id());
    }
}
