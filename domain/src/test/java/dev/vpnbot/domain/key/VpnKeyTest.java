package dev.vpnbot.domain.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VpnKeyTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private static VpnKey keyExpiringAt(Instant expiry) {
        return new VpnKey(new KeyId(1), new UserId(7), new ServerId(1),
                new PanelClientId(UUID.randomUUID(), "vpnbot-k1-u7", "k1abcdef"), expiry, KeyStatus.ACTIVE,
                new KeyLinks("https://sub.example/sub/k1abcdef", "vless://x@h:443?type=tcp#k"), NOW.minus(Duration.ofDays(20)));
    }

    @Test
    void rule_an_early_renewal_extends_from_the_current_expiry() {
        VpnKey key = keyExpiringAt(NOW.plus(Duration.ofDays(10)));
        assertThat(key.extend(Duration.ofDays(30), NOW).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(40)));
    }

    @Test
    void rule_a_lapsed_key_is_extended_from_now() {
        VpnKey key = keyExpiringAt(NOW.minus(Duration.ofDays(3)));
        assertThat(key.extend(Duration.ofDays(30), NOW).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void remaining_time_is_measured_against_the_clock_and_never_negative() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RemainingTime left = keyExpiringAt(NOW.plus(Duration.ofDays(23).plusHours(4).plusMinutes(5))).remaining(clock);
        assertThat(left.days()).isEqualTo(23);
        assertThat(left.hours()).isEqualTo(4);
        assertThat(keyExpiringAt(NOW.minusSeconds(1)).remaining(clock).isOver()).isTrue();
    }

    @Test
    void expiry_is_cut_to_milliseconds_because_the_panel_stores_epoch_millis() {
        VpnKey key = keyExpiringAt(Instant.parse("2026-03-10T12:00:00.123456789Z"));
        assertThat(key.expiresAt()).isEqualTo(Instant.parse("2026-03-10T12:00:00.123Z"));
    }
}
