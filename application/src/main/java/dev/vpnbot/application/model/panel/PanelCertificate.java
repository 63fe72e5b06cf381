package dev.vpnbot.application.model.panel;

import java.time.Instant;
import java.util.Objects;

/**
 * The TLS certificate a panel presented, so an admin can compare it with the panel's and pin it.
 * Either fingerprint is a valid {@code PanelConnection.tlsPin}; the public key's survives
 * certificate renewals that keep the key.
 *
 * @param certificateSha256 SHA-256 of the DER certificate, 64 lower-case hex digits
 * @param publicKeySha256   SHA-256 of the DER SubjectPublicKeyInfo, 64 lower-case hex digits
 * @param trusted           whether this connection's trust settings (system CAs, custom CA or pin) accepted it
 */
public record PanelCertificate(String subject, String issuer, Instant notAfter,
                               String certificateSha256, String publicKeySha256, boolean trusted) {
    public PanelCertificate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(publicKeySha256, "publicKeySha256");
    }

    public boolean isSelfSigned() {
        return subject.equals(issuer);
    }
}
