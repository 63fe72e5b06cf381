package dev.vpnbot.adapter.panel3xui.tls;

import dev.vpnbot.application.model.panel.PanelCertificate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** SHA-256 fingerprints of a certificate and of its public key, as pins are written. */
public final class Fingerprints {
    private Fingerprints() {}

    static String certificateSha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    /** Of the DER SubjectPublicKeyInfo: the same value {@code openssl x509 -pubkey | openssl pkey -pubin -outform der | sha256sum} gives. */
    static String publicKeySha256(X509Certificate certificate) {
        return sha256(certificate.getPublicKey().getEncoded());
    }

    static boolean matches(X509Certificate certificate, String pin) {
        return pin.equals(certificateSha256(certificate)) || pin.equals(publicKeySha256(certificate));
    }

    public static PanelCertificate describe(X509Certificate certificate, boolean trusted) {
        return new PanelCertificate(certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), certificate.getNotAfter().toInstant(),
                certificateSha256(certificate), publicKeySha256(certificate), trusted);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
