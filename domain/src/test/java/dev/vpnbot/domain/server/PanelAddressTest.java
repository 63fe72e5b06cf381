package dev.vpnbot.domain.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An admin-entered panel address never points the bot (and the panel password) at the cloud's metadata service. */
class PanelAddressTest {

    @Test
    void link_local_and_cloud_metadata_addresses_are_refused() {
        for (String url : new String[] {"http://169.254.169.254/latest/", "https://169.254.10.20:2053/p/", "http://[fe80::1]:2053/p/",
                "http://[fd00:ec2::254]/", "http://metadata.google.internal/computeMetadata/", "http://100.100.100.200/",
                "http://[::ffff:169.254.169.254]/", "http://2852039166/", "http://0251.0376.0251.0376/"}) {
            assertThatThrownBy(() -> PanelAddress.refuseUnsafe(url)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void ordinary_panel_addresses_pass() {
        for (String url : new String[] {"https://203.0.113.7:2053/Xq9/", "https://panel.example.com/p/", "http://127.0.0.1:2053/p/",
                "http://10.0.0.5:2053/p/", "https://[2001:db8::7]:2053/p/"}) {
            assertThatCode(() -> PanelAddress.refuseUnsafe(url)).as(url).doesNotThrowAnyException();
        }
    }

    @Test
    void plain_http_to_a_host_beyond_this_machine_and_its_private_network_gets_a_warning() {
        assertThat(PanelAddress.plainHttpWarning("http://203.0.113.7:2053/p/")).hasValueSatisfying(w ->
                assertThat(w).startsWith("plain http:// to 203.0.113.7: the panel password would cross the network unencrypted"));
        assertThat(PanelAddress.plainHttpWarning("http://panel.example.com/p/")).isPresent();
        assertThat(PanelAddress.plainHttpWarning("https://203.0.113.7:2053/p/")).isEmpty();
        assertThat(PanelAddress.plainHttpWarning("http://127.0.0.1:2053/p/")).isEmpty();
        assertThat(PanelAddress.plainHttpWarning("http://localhost:2053/p/")).isEmpty();
        assertThat(PanelAddress.plainHttpWarning("http://192.168.1.20:2053/p/")).isEmpty();
        assertThat(PanelAddress.plainHttpWarning("http://[fd12::5]:2053/p/")).isEmpty();
    }
}
