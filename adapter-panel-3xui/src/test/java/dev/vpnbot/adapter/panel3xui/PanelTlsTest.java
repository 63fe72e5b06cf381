package dev.vpnbot.adapter.panel3xui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.TestCertificates;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.domain.server.PanelConnection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS to panels: pins for self-signed certificates on bare IPs, private CAs, and never trust-all. */
class PanelTlsTest {

    @TempDir
    static Path dir;
    static TestCertificates selfSigned;
    static TestCertificates caSignedForIp;
    static TestCertificates caSignedForAnotherName;

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void make_certificates() {
        var self = java.util.concurrent.CompletableFuture.supplyAsync(() -> TestCertificates.selfSigned(dir));
        List<TestCertificates> signed = TestCertificates.caSigned(dir, "ip:127.0.0.1", "dns:other.invalid");
        selfSigned = self.join();
        caSignedForIp = signed.get(0);
        caSignedForAnotherName = signed.get(1);
    }

    @AfterEach
    void close_all() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    @Test
    void a_self_signed_certificate_is_refused_without_a_pin_and_the_error_says_what_to_pin() {
        FakeThreeXuiPanel fake = https(selfSigned);

        PanelException e = catchThrowableOfType(PanelException.class, () -> adapter(ThreeXuiSettings.defaults()).listInbounds(fake.connection()));

        assertThat(e.kind()).isEqualTo(PanelFault.TLS_UNTRUSTED);
        assertThat(e.getMessage()).contains(selfSigned.leafSha256()).contains(selfSigned.leafPublicKeySha256());
        assertThat(fake.requestLog()).isEmpty();
    }

    @Test
    void on_a_shared_client_each_panel_keeps_its_own_tls_and_the_client_stays_open_for_its_owner() {
        FakeThreeXuiPanel fake = https(selfSigned);
        okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient();
        try (ThreeXuiPanel panel = new ThreeXuiPanel(ThreeXuiSettings.defaults(), Clock.systemUTC(),
                dev.vpnbot.application.port.out.panel.PanelWriteLock.singleInstance(), shared)) {
            assertThat(panel.listInbounds(fake.connection().withTlsPin(selfSigned.leafSha256()))).isNotEmpty();
            // the pinned session's pooled connection is not reused by a session that trusts only the system's CAs
            PanelException e = catchThrowableOfType(PanelException.class, () -> panel.listInbounds(fake.connection()));
            assertThat(e.kind()).isEqualTo(PanelFault.TLS_UNTRUSTED);
        }
        assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
        shared.dispatcher().executorService().shutdown();
    }

    @Test
    void a_pin_on_the_self_signed_certificate_lets_a_bare_ip_connect() {
        FakeThreeXuiPanel fake = https(selfSigned);

        assertThat(adapter(ThreeXuiSettings.defaults()).listInbounds(fake.connection().withTlsPin(selfSigned.leafSha256()))).isNotEmpty();
    }

    @Test
    void a_pin_on_the_public_key_works_too_and_may_be_written_with_colons() {
        FakeThreeXuiPanel fake = https(selfSigned);
        String withColons = selfSigned.leafPublicKeySha256().toUpperCase().replaceAll("(..)(?!$)", "$1:");

        assertThat(adapter(ThreeXuiSettings.defaults()).listInbounds(fake.connection().withTlsPin(withColons))).isNotEmpty();
    }

    @Test
    void a_wrong_pin_is_a_pin_mismatch_before_anything_is_sent() {
        FakeThreeXuiPanel fake = https(selfSigned);
        PanelConnection pinned = fake.connection().withTlsPin("ab".repeat(32));

        PanelException e = catchThrowableOfType(PanelException.class, () -> adapter(ThreeXuiSettings.defaults()).listInbounds(pinned));

        assertThat(e.kind()).isEqualTo(PanelFault.TLS_PIN_MISMATCH);
        assertThat(e.getMessage()).contains(selfSigned.leafSha256());
        assertThat(fake.requestLog()).isEmpty();
    }

    @Test
    void a_pin_wins_over_a_trusted_ca() {
        FakeThreeXuiPanel fake = https(caSignedForIp);
        ThreeXuiPanel panel = adapter(ThreeXuiSettings.defaults().withTrustedCertificates(caSignedForIp.caPem()));

        PanelException e = catchThrowableOfType(PanelException.class,
                () -> panel.listInbounds(fake.connection().withTlsPin(selfSigned.leafSha256())));

        assertThat(e.kind()).isEqualTo(PanelFault.TLS_PIN_MISMATCH);
    }

    @Test
    void a_private_ca_is_trusted_once_configured() {
        FakeThreeXuiPanel fake = https(caSignedForIp);

        PanelException untrusted = catchThrowableOfType(PanelException.class,
                () -> adapter(ThreeXuiSettings.defaults()).listInbounds(fake.connection()));
        List<?> inbounds = adapter(ThreeXuiSettings.defaults().withTrustedCertificates(caSignedForIp.caPem())).listInbounds(fake.connection());

        assertThat(untrusted.kind()).isEqualTo(PanelFault.TLS_UNTRUSTED);
        assertThat(inbounds).isNotEmpty();
    }

    @Test
    void a_trusted_ca_does_not_excuse_a_certificate_for_another_name() {
        FakeThreeXuiPanel fake = https(caSignedForAnotherName);
        ThreeXuiPanel panel = adapter(ThreeXuiSettings.defaults().withTrustedCertificates(caSignedForAnotherName.caPem()));

        PanelException e = catchThrowableOfType(PanelException.class, () -> panel.listInbounds(fake.connection()));

        assertThat(e.kind()).isEqualTo(PanelFault.TLS_UNTRUSTED);
        assertThat(e.getMessage()).contains("does not name this host");
    }

    @Test
    void a_pinned_ca_vouches_only_for_certificates_that_name_the_host() {
        FakeThreeXuiPanel forIp = https(caSignedForIp);
        FakeThreeXuiPanel forOther = https(caSignedForAnotherName);
        ThreeXuiPanel panel = adapter(ThreeXuiSettings.defaults());

        List<?> inbounds = panel.listInbounds(forIp.connection().withTlsPin(caSignedForIp.caSha256()));
        PanelException e = catchThrowableOfType(PanelException.class,
                () -> panel.listInbounds(forOther.connection().withTlsPin(caSignedForAnotherName.caSha256())));

        assertThat(inbounds).isNotEmpty();
        assertThat(e.kind()).isEqualTo(PanelFault.TLS_UNTRUSTED);
    }

    @Test
    void a_pinned_ca_must_really_have_signed_the_certificate() {
        FakeThreeXuiPanel fake = https(selfSigned);
        // the CA's certificate is public: naming it as the pin must not let another certificate in
        PanelException e = catchThrowableOfType(PanelException.class,
                () -> adapter(ThreeXuiSettings.defaults()).listInbounds(fake.connection().withTlsPin(caSignedForIp.caSha256())));

        assertThat(e.kind()).isEqualTo(PanelFault.TLS_PIN_MISMATCH);
    }

    @Test
    void a_probe_shows_the_certificate_it_refused_so_the_admin_can_pin_it() {
        FakeThreeXuiPanel fake = https(selfSigned);
        ThreeXuiPanel panel = adapter(ThreeXuiSettings.defaults());

        PanelProbe refused = panel.probe(fake.connection());
        PanelProbe pinned = panel.probe(fake.connection().withTlsPin(refused.certificate().certificateSha256()));

        assertThat(refused.problem().kind()).isEqualTo(PanelFault.TLS_UNTRUSTED);
        assertThat(refused.certificate().trusted()).isFalse();
        assertThat(refused.certificate().certificateSha256()).isEqualTo(selfSigned.leafSha256());
        assertThat(refused.certificate().publicKeySha256()).isEqualTo(selfSigned.leafPublicKeySha256());
        assertThat(refused.certificate().isSelfSigned()).isTrue();
        assertThat(pinned.ok()).as("%s", pinned.problem()).isTrue();
        assertThat(pinned.certificate().trusted()).isTrue();
    }

    @Test
    void keys_are_served_over_a_pinned_connection() {
        FakeThreeXuiPanel fake = https(selfSigned);
        ThreeXuiPanel panel = adapter(ThreeXuiSettings.defaults());
        var server = new dev.vpnbot.domain.server.Server(new dev.vpnbot.domain.server.ServerId(9), "tls",
                fake.connection().withTlsPin(selfSigned.leafSha256()), FakeThreeXuiPanel.REALITY_INBOUND_ID, true, 10, 0);
        var client = ThreeXuiPanelContract.newClient();

        panel.createClient(server, client);

        assertThat(fake.storedClient(client.id().email())).isPresent();
    }

    private FakeThreeXuiPanel https(TestCertificates certificates) {
        FakeThreeXuiPanel fake = FakeThreeXuiPanel.builder().https(certificates.serverContext()).start();
        open.add(fake);
        return fake;
    }

    private ThreeXuiPanel adapter(ThreeXuiSettings settings) {
        ThreeXuiPanel panel = new ThreeXuiPanel(settings.withTimeouts(java.time.Duration.ofSeconds(3),
                java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(10)), Clock.systemUTC());
        open.add(panel);
        return panel;
    }
}
