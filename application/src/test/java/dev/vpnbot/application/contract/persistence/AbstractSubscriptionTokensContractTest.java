package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code SubscriptionTokens} contract, for every implementation. */
public abstract class AbstractSubscriptionTokensContractTest extends PersistenceContract {
    private static final SubscriptionToken NEVER_ISSUED = new SubscriptionToken("A".repeat(SubscriptionToken.LENGTH));

    private final Function<Persistence, SubscriptionTokens> tokensOf;
    private SubscriptionTokens tokens;
    private VpnKey key;
    private VpnKey other;

    /** @param tokensOf the implementation over the same store as the fresh ports */
    protected AbstractSubscriptionTokensContractTest(Supplier<Persistence> freshPorts, Function<Persistence, SubscriptionTokens> tokensOf) {
        super(freshPorts);
        this.tokensOf = tokensOf;
    }

    @BeforeEach
    void twoKeys() {
        tokens = tokensOf.apply(ports);
        User owner = savedUser(42);
        Server server = savedServer("Frankfurt");
        key = savedKey(owner, server, NOW.plus(Duration.ofDays(30)), KeyStatus.ACTIVE);
        other = savedKey(owner, server, NOW.plus(Duration.ofDays(30)), KeyStatus.ACTIVE);
    }

    @Test
    void a_key_keeps_one_token_and_is_found_by_it() {
        SubscriptionToken token = tokens.tokenOf(key.id()).orElseThrow();
        assertThat(tokens.tokenOf(key.id())).contains(token);
        assertThat(tokens.keyOf(token)).contains(key.id());
        SubscriptionTokens.Holder holder = tokens.holderOf(token).orElseThrow();
        assertThat(holder.key()).isEqualTo(key);
        assertThat(holder.serverName()).isEqualTo("Frankfurt");
        assertThat(holder.ownerLanguage()).isEqualTo(ports.users().find(key.owner()).orElseThrow().language());
    }

    @Test
    void every_key_has_its_own_token() {
        SubscriptionToken first = tokens.tokenOf(key.id()).orElseThrow();
        SubscriptionToken second = tokens.tokenOf(other.id()).orElseThrow();
        assertThat(first).isNotEqualTo(second);
        assertThat(tokens.keyOf(second)).contains(other.id());
    }

    @Test
    void a_replaced_token_finds_nothing_and_the_new_one_finds_the_key() {
        SubscriptionToken old = tokens.tokenOf(key.id()).orElseThrow();
        SubscriptionToken fresh = tokens.replace(key.id());
        assertThat(fresh).isNotEqualTo(old);
        assertThat(tokens.keyOf(old)).isEmpty();
        assertThat(tokens.holderOf(old)).isEmpty();
        assertThat(tokens.keyOf(fresh)).contains(key.id());
        assertThat(tokens.tokenOf(key.id())).contains(fresh);
    }

    @Test
    void unknown_tokens_and_keys_find_nothing() {
        assertThat(tokens.keyOf(NEVER_ISSUED)).isEmpty();
        assertThat(tokens.holderOf(NEVER_ISSUED)).isEmpty();
        assertThat(tokens.tokenOf(new KeyId(999_999))).isEmpty();
    }
}
