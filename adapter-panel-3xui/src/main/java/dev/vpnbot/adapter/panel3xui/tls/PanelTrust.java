package dev.vpnbot.adapter.panel3xui.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Which TLS certificates one panel may present. Without a pin: the system's CAs plus the
 * operator's extra CAs, with normal hostname checks. With a pin (SHA-256 of a certificate or of
 * its public key): only a chain containing the pinned certificate or key is accepted, and the
 * hostname check is skipped only when the pin names the server's own certificate: that is
 * how self-signed certificates on bare IPs work. A pin on an issuing CA keeps the hostname
 * check, so a public CA pinned by mistake cannot vouch for anybody's certificate. There is
 * no trust-all mode.
 *
 * <p>The last chain the panel presented is remembered, trusted or not, so a connection test
 * can show the admin what to pin.
 */
public final class PanelTrust {
    /** OkHttp's own hostname check, reached through its public API (its class lives in okhttp3.internal). */
    private static final HostnameVerifier STANDARD_HOSTNAMES = new OkHttpClient().hostnameVerifier();


    /** The pinned certificate or key is not in the chain the panel presented. */
    public static final class PinMismatch extends CertificateException {
        PinMismatch(String message) {
            super(message);
        }
    }

    private final String pin;
    private final X509ExtendedTrustManager trustManager;
    private final SSLSocketFactory socketFactory;
    private volatile X509Certificate[] lastChain;
    private volatile boolean lastTrusted;

    public PanelTrust(String pin, List<X509Certificate> extraCas) {
        this.pin = pin;
        X509TrustManager system = trustManagerFor(null);
        X509TrustManager extra = extraCas.isEmpty() ? null : trustManagerFor(keyStoreOf(extraCas));
        this.trustManager = new Checker(system, extra);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            this.socketFactory = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }

    public SSLSocketFactory socketFactory() {
        return socketFactory;
    }

    public HostnameVerifier hostnameVerifier() {
        return (host, session) -> leafIsPinned(session) || STANDARD_HOSTNAMES.verify(host, session);
    }

    /** The leaf certificate of the last handshake, and whether it was accepted. */
    public Optional<X509Certificate> lastCertificate() {
        X509Certificate[] chain = lastChain;
        return chain == null || chain.length == 0 ? Optional.empty() : Optional.of(chain[0]);
    }

    public boolean lastTrusted() {
        return lastTrusted;
    }

    private boolean leafIsPinned(SSLSession session) {
        if (pin == null) return false;
        try {
            var peer = session.getPeerCertificates();
            return peer.length > 0 && peer[0] instanceof X509Certificate leaf && Fingerprints.matches(leaf, pin);
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    private final class Checker extends X509ExtendedTrustManager {
        private final X509TrustManager system;
        private final X509TrustManager extra;

        Checker(X509TrustManager system, X509TrustManager extra) {
            this.system = system;
            this.extra = extra;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            lastChain = chain.clone();
            lastTrusted = false;
            if (chain.length == 0) throw new CertificateException("the panel presented no certificate");
            if (pin != null) {
                checkPinned(chain);
            } else {
                checkByAuthorities(chain, authType);
            }
            lastTrusted = true;
        }

        private void checkPinned(X509Certificate[] chain) throws CertificateException {
            int at = -1;
            for (int i = 0; i < chain.length && at < 0; i++) {
                if (Fingerprints.matches(chain[i], pin)) at = i;
            }
            if (at < 0) {
                throw new PinMismatch("the panel presented a certificate with SHA-256 " + Fingerprints.certificateSha256(chain[0])
                        + " (public key SHA-256 " + Fingerprints.publicKeySha256(chain[0]) + "), not the pinned " + pin);
            }
            // a pinned issuer must really have signed what sits below it: its certificate is public
            for (int i = 0; i < at; i++) {
                chain[i].checkValidity();
                if (!chain[i].getIssuerX500Principal().equals(chain[i + 1].getSubjectX500Principal())) {
                    throw new PinMismatch("the certificate chain is broken below the pinned certificate");
                }
                try {
                    chain[i].verify(chain[i + 1].getPublicKey());
                } catch (GeneralSecurityException e) {
                    throw new PinMismatch("the pinned certificate did not sign the panel's certificate: " + e.getMessage());
                }
            }
        }

        private void checkByAuthorities(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                system.checkServerTrusted(chain, authType);
            } catch (CertificateException bySystem) {
                if (extra == null) throw bySystem;
                try {
                    extra.checkServerTrusted(chain, authType);
                } catch (CertificateException byExtra) {
                    bySystem.addSuppressed(byExtra);
                    throw bySystem;
                }
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager only checks servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return system.getAcceptedIssuers();
        }
    }

    private static KeyStore keyStoreOf(List<X509Certificate> cas) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) store.setCertificateEntry("extra-ca-" + i, cas.get(i));
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot hold the extra CAs", e);
        }
    }

    private static X509TrustManager trustManagerFor(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) return x509;
            }
            throw new IllegalStateException("no X.509 trust manager in this JDK");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust manager", e);
        }
    }
}
