package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;
import dev.vpnbot.domain.server.EnrollmentToken;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@code EnrollmentTokens} contract: tokens come back as issued, a claim is taken once, a release frees it. */
public abstract class AbstractEnrollmentTokensContractTest {
    protected static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");
    private static int serial;

    /** A fresh, empty store for each test. */
    protected abstract EnrollmentTokens tokens();

    protected static EnrollmentToken token(String group) {
        String hash = String.format("%064x", ++serial + System.nanoTime());
        return new EnrollmentToken(hash, "🇩🇪 Frankfurt", 150, group, ISSUED, ISSUED.plus(Duration.ofHours(24)), null);
    }

    @Test
    void a_token_comes_back_as_issued_and_an_unknown_hash_is_not_found() {
        EnrollmentTokens tokens = tokens();
        EnrollmentToken token = token("eu");
        tokens.add(token);
        assertThat(tokens.find(token.secretSha256())).contains(token);
        assertThat(tokens.find("0".repeat(64))).isEmpty();
        assertThatThrownBy(() -> tokens.add(token)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_token_is_claimed_once_and_a_release_frees_it_again() {
        EnrollmentTokens tokens = tokens();
        EnrollmentToken token = token(null);
        tokens.add(token);
        Instant when = ISSUED.plusSeconds(60);
        assertThat(tokens.claim(token.secretSha256(), when)).isTrue();
        assertThat(tokens.claim(token.secretSha256(), when)).isFalse();
        assertThat(tokens.find(token.secretSha256()).orElseThrow().usedAt()).isEqualTo(when.truncatedTo(ChronoUnit.MILLIS));
        tokens.release(token.secretSha256());
        assertThat(tokens.find(token.secretSha256()).orElseThrow().usedAt()).isNull();
        assertThat(tokens.claim(token.secretSha256(), when)).isTrue();
    }

    @Test
    void an_expired_or_unknown_token_cannot_be_claimed() {
        EnrollmentTokens tokens = tokens();
        EnrollmentToken token = token(null);
        tokens.add(token);
        assertThat(tokens.claim(token.secretSha256(), token.expiresAt())).isFalse();
        assertThat(tokens.claim("0".repeat(64), ISSUED)).isFalse();
        assertThat(tokens.find(token.secretSha256()).orElseThrow().usedAt()).isNull();
    }

    @Test
    void of_eight_concurrent_claims_exactly_one_wins() throws Exception {
        EnrollmentTokens tokens = tokens();
        EnrollmentToken token = token(null);
        tokens.add(token);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) claims.add(() -> tokens.claim(token.secretSha256(), ISSUED.plusSeconds(1)));
            int won = 0;
            for (Future<Boolean> claim : pool.invokeAll(claims)) won += claim.get() ? 1 : 0;
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
