package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Database settings: checked when made, shown without the password. */
class DatabaseSettingsTest {

    @Test
    void defaults_suit_a_two_core_machine_and_the_vpnbot_schema() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.internal:6432/shop", "vpnbot", "pw");

        assertThat(settings.maxPoolSize()).isEqualTo(5);
        assertThat(settings.schema()).isEqualTo("vpnbot");
        assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.target()).isEqualTo("db.internal:6432/shop");
    }

    @Test
    void the_password_never_shows() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1/vpnbot", "vpnbot", "s3cr3t-Pa55");

        assertThat(settings.toString()).doesNotContain("s3cr3t-Pa55").contains("password=***").contains("127.0.0.1:5432/vpnbot");
    }

    @Test
    void bad_settings_are_refused_with_a_clear_reason() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://x/y", "u", "p")).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://x/y", " ", "p")).hasMessageContaining("user");
        DatabaseSettings fine = new DatabaseSettings("jdbc:postgresql://x/y", "u", null);
        assertThat(fine.password()).isEmpty();
        assertThatThrownBy(() -> fine.withSchema("Public; DROP")).hasMessageContaining("schema must match");
        assertThatThrownBy(() -> fine.withMaxPoolSize(0)).hasMessageContaining("pool size");
        assertThatThrownBy(() -> fine.withConnectionTimeout(Duration.ofMillis(10))).hasMessageContaining("at least 250 ms");
    }
}
