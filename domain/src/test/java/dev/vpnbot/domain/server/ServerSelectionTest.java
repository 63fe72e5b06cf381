package dev.vpnbot.domain.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.domain.fixtures.ServerMother;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSelectionTest {

    @Test
    void buyers_are_offered_only_active_servers_with_room() {
        Server full = ServerMother.withLoad(1, 10, 10);
        Server off = ServerMother.withLoad(2, 10, 0).withActive(false);
        Server open = ServerMother.withLoad(3, 10, 9);
        assertThat(new ServerSelection(List.of(full, off, open)).offeredToBuyers()).containsExactly(open);
    }

    @Test
    void choose_for_me_takes_the_least_loaded_share_of_capacity() {
        Server small = ServerMother.withLoad(1, 10, 5);   // 50 %
        Server big = ServerMother.withLoad(2, 100, 20);   // 20 %
        assertThat(new ServerSelection(List.of(small, big)).leastLoaded()).contains(big);
    }

    @Test
    void a_pick_of_a_full_or_switched_off_server_is_not_honoured() {
        Server full = ServerMother.withLoad(1, 10, 10);
        assertThat(new ServerSelection(List.of(full)).pick(full.id())).isEmpty();
        assertThat(new ServerSelection(List.of(full)).leastLoaded()).isEmpty();
    }

    @Test
    void a_panel_url_gets_its_trailing_slash_and_a_pin_is_validated() {
        PanelConnection c = new PanelConnection("https://1.2.3.4:2053/secret", new PanelCredentials.ApiToken("t"), "AB:".repeat(31) + "AB");
        assertThat(c.baseUrl()).isEqualTo("https://1.2.3.4:2053/secret/");
        assertThat(c.tlsPin()).hasSize(64);
        assertThatThrownBy(() -> new PanelConnection("ftp://x/", new PanelCredentials.ApiToken("t"), null)).hasMessageContaining("http");
        assertThatThrownBy(() -> c.withTlsPin("nothex")).hasMessageContaining("SHA-256");
    }

    @Test
    void credentials_never_show_their_secrets() {
        assertThat(new PanelCredentials.Password("admin", "hunter2", "123456").toString()).doesNotContain("hunter2", "123456");
        assertThat(new PanelCredentials.ApiToken("tok-secret").toString()).doesNotContain("tok-secret");
    }
}
