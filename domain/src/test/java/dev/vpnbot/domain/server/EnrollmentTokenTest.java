package dev.vpnbot.domain.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnrollmentTokenTest {
    private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");
    private static final String HASH = "ab".repeat(32);

    private static EnrollmentToken token() {
        return new EnrollmentToken(HASH, " Frankfurt ", 200, " de ", ISSUED, ISSUED.plus(Duration.ofHours(24)), null);
    }

    @Test
    void a_fresh_token_enrols_its_own_name_until_it_expires() {
        assertThat(token().serverName()).isEqualTo("Frankfurt");
        assertThat(token().group()).isEqualTo("de");
        assertThat(token().unusableFor(null, ISSUED.plusSeconds(60))).isEmpty();
        assertThat(token().unusableFor("Frankfurt", ISSUED.plus(Duration.ofHours(24)).minusMillis(1))).isEmpty();
        assertThat(token().unusableFor("Frankfurt", ISSUED.plus(Duration.ofHours(24)))).contains(EnrollmentToken.Unusable.EXPIRED);
    }

    @Test
    void a_token_is_bound_to_its_name() {
        assertThat(token().unusableFor("Amsterdam", ISSUED)).contains(EnrollmentToken.Unusable.OTHER_NAME);
    }

    @Test
    void a_used_token_says_used_even_after_it_expired() {
        EnrollmentToken used = token().usedAt(ISSUED.plusSeconds(5));
        assertThat(used.unusableFor(null, ISSUED.plusSeconds(6))).contains(EnrollmentToken.Unusable.USED);
        assertThat(used.unusableFor(null, ISSUED.plus(Duration.ofDays(3)))).contains(EnrollmentToken.Unusable.USED);
    }

    @Test
    void nonsense_is_refused() {
        assertThatThrownBy(() -> new EnrollmentToken("nothex", "A", 1, null, ISSUED, ISSUED.plusSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnrollmentToken(HASH, "A", 0, null, ISSUED, ISSUED.plusSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnrollmentToken(HASH, "A", 1, null, ISSUED, ISSUED, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnrollmentToken(HASH, " ", 1, null, ISSUED, ISSUED.plusSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
