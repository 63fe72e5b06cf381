package dev.vpnbot.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubscriptionTokenTest {
    private static final String GOOD = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

    @Test
    void aTokenIsFortyThreeUrlSafeCharacters() {
        assertThat(GOOD).hasSize(SubscriptionToken.LENGTH);
        assertThat(SubscriptionToken.parse(GOOD)).contains(new SubscriptionToken(GOOD));
    }

    @Test
    void wrongLengthOrAlphabetIsNoToken() {
        assertThat(SubscriptionToken.parse(GOOD.substring(1))).isEmpty();
        assertThat(SubscriptionToken.parse(GOOD + "x")).isEmpty();
        assertThat(SubscriptionToken.parse(GOOD.substring(1) + "/")).isEmpty();
        assertThat(SubscriptionToken.parse(GOOD.substring(1) + "=")).isEmpty();
        assertThat(SubscriptionToken.parse(null)).isEmpty();
        assertThat(SubscriptionToken.parse("")).isEmpty();
        assertThatThrownBy(() -> new SubscriptionToken("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecretNeverShowsInItsText() {
        assertThat(new SubscriptionToken(GOOD).toString()).doesNotContain(GOOD.substring(0, 8));
    }
}
