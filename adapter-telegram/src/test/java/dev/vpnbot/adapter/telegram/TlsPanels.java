package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.simulated.SimulatedPanelInspection;
import dev.vpnbot.application.model.panel.PanelCertificate;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.domain.server.PanelConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Panel adapter for the admin tests: {@link SimulatedPanelInspection}'s panels behind self-signed TLS,
 * answered as the 3x-ui adapter answers. Without a pin the certificate is shown but not trusted
 * (TLS_UNTRUSTED, nothing else learnt); with the certificate's or its public key's SHA-256 pinned
 * the panel is reached; with any other pin it is TLS_PIN_MISMATCH. Remembers every connection
 * it was asked about, so tests can see which pin was used.
 */
public final class TlsPanels implements PanelInspection {
    private final SimulatedPanelInspection panels = new SimulatedPanelInspection();
    private final Map<String, PanelCertificate> certificates = new ConcurrentHashMap<>();
    public final List<PanelConnection> probed = new CopyOnWriteArrayList<>();

    /** A panel at {@code baseUrl} (with its base path) accepting admin/{@code password}, self-signed. Returns its certificate. */
    public PanelCertificate selfSignedPanelAt(String baseUrl, String password) {
        panels.panelAt(baseUrl, password);
        String host = java.net.URI.create(baseUrl).getHost();
        PanelCertificate certificate = new PanelCertificate("CN=" + host, "CN=" + host, Instant.parse("2035-01-01T00:00:00Z"),
                sha256("certificate of " + baseUrl), sha256("public key of " + baseUrl), false);
        certificates.put(host, certificate);
        return certificate;
    }

    /** A panel at {@code baseUrl} over plain http (or one whose password changed), accepting admin/{@code password}. */
    public void plainPanelAt(String baseUrl, String password) {
        panels.panelAt(baseUrl, password);
    }

    @Override
    public PanelProbe probe(PanelConnection connection) {
        probed.add(connection);
        PanelProbe refused = tls(connection);
        return refused != null ? refused : withCertificate(connection, panels.probe(connection));
    }

    @Override
    public PanelProbe probe(PanelConnection connection, int inboundId) {
        probed.add(connection);
        PanelProbe refused = tls(connection);
        return refused != null ? refused : withCertificate(connection, panels.probe(connection, inboundId));
    }

    @Override
    public List<PanelInbound> listInbounds(PanelConnection connection) {
        requireTrusted(connection);
        return panels.listInbounds(connection);
    }

    @Override
    public PanelInbound createRealityInbound(PanelConnection connection, RealityInboundRequest request) {
        requireTrusted(connection);
        return panels.createRealityInbound(connection, request);
    }

    private void requireTrusted(PanelConnection connection) {
        PanelProbe refused = tls(connection);
        if (refused != null) throw new PanelException(refused.problem().kind(), refused.problem().message());
    }

    /** The TLS handshake: null when it succeeds, else the failed probe carrying the certificate seen. */
    private PanelProbe tls(PanelConnection connection) {
        PanelCertificate certificate = certificateOf(connection);
        if (certificate == null) return null;
        if (connection.tlsPin() == null) {
            return failed(certificate, PanelFault.TLS_UNTRUSTED, "the TLS certificate is not trusted; it presented \""
                    + certificate.subject() + "\" with SHA-256 " + certificate.certificateSha256());
        }
        if (!connection.tlsPin().equals(certificate.certificateSha256()) && !connection.tlsPin().equals(certificate.publicKeySha256())) {
            return failed(certificate, PanelFault.TLS_PIN_MISMATCH, "the panel presented a certificate with SHA-256 "
                    + certificate.certificateSha256() + ", not the pinned one");
        }
        return null;
    }

    private PanelProbe withCertificate(PanelConnection connection, PanelProbe probe) {
        PanelCertificate seen = certificateOf(connection);
        if (seen == null) return probe;
        PanelCertificate trusted = new PanelCertificate(seen.subject(), seen.issuer(), seen.notAfter(), seen.certificateSha256(),
                seen.publicKeySha256(), true);
        return new PanelProbe(probe.api(), probe.xrayVersion(), probe.authenticated(), trusted, probe.inbounds(),
                probe.subscription(), probe.problem());
    }

    private PanelCertificate certificateOf(PanelConnection connection) {
        return connection.isHttps() ? certificates.get(java.net.URI.create(connection.baseUrl()).getHost()) : null;
    }

    private static PanelProbe failed(PanelCertificate certificate, PanelFault kind, String message) {
        return new PanelProbe(null, null, false, certificate, List.of(), null, new PanelProbe.Problem(kind, message));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
