package dev.vpnbot.adapter.panel3xui.fake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Test fixture: TLS certificates for HTTPS fakes, made with the JDK's keytool (the JDK has no
 * public API to issue certificates). Either a self-signed certificate without any IP in it,
 * as hand-made panel certificates usually are, or a small private CA with server certificates
 * it signed.
 */
public final class TestCertificates {
    private static final String PASS = "changeit";

    private final KeyStore serverStore;
    private final X509Certificate leaf;
    private final X509Certificate ca;
    private final Path caPem;

    private TestCertificates(Path store, X509Certificate leaf, X509Certificate ca, Path caPem) {
        this.serverStore = load(store);
        this.leaf = leaf;
        this.ca = ca;
        this.caPem = caPem;
    }

    /** Self-signed, subject CN=panel.invalid, no subject alternative names. */
    public static TestCertificates selfSigned(Path dir) {
        Path store = dir.resolve("self-signed.p12");
        keytool("-genkeypair", "-alias", "panel", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=panel.invalid",
                "-validity", "30", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASS, "-keypass", PASS);
        return new TestCertificates(store, certificate(load(store), "panel"), null, null);
    }

    /**
     * A private CA and a server certificate it signed for each subject alternative name, e.g.
     * {@code ip:127.0.0.1} or {@code dns:other.invalid} (made in parallel: keytool is slow to start).
     */
    public static List<TestCertificates> caSigned(Path dir, String... sans) {
        Path caStore = dir.resolve("ca.p12");
        Path caPem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test Panel CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", caStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASS, "-keypass", PASS);
        keytool("-exportcert", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", PASS, "-rfc", "-file", caPem.toString());
        X509Certificate ca = certificate(load(caStore), "ca");
        List<java.util.concurrent.CompletableFuture<TestCertificates>> made = new ArrayList<>();
        for (String san : sans) {
            made.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> signed(dir, caStore, caPem, ca, san)));
        }
        return made.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }

    private static TestCertificates signed(Path dir, Path caStore, Path caPem, X509Certificate ca, String san) {
        String name = san.replaceAll("[^A-Za-z0-9]", "_");
        Path store = dir.resolve("server-" + name + ".p12");
        Path csr = dir.resolve("server-" + name + ".csr");
        Path crt = dir.resolve("server-" + name + ".crt");
        keytool("-genkeypair", "-alias", "panel", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=panel server",
                "-validity", "30", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASS, "-keypass", PASS);
        keytool("-certreq", "-alias", "panel", "-keystore", store.toString(), "-storepass", PASS, "-file", csr.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", PASS, "-infile", csr.toString(),
                "-outfile", crt.toString(), "-ext", "san=" + san, "-validity", "30", "-rfc");
        try { // the reply as a whole chain, so one import installs it
            Files.writeString(crt, Files.readString(crt) + Files.readString(caPem));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        keytool("-importcert", "-alias", "panel", "-keystore", store.toString(), "-storepass", PASS, "-file", crt.toString(), "-noprompt");
        return new TestCertificates(store, certificate(load(store), "panel"), ca, caPem);
    }

    /** For {@link FakeThreeXuiPanel.Builder#https(SSLContext)}. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(serverStore, PASS.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate leaf() {
        return leaf;
    }

    /** The CA, or null for a self-signed certificate. */
    public X509Certificate ca() {
        return ca;
    }

    /** The CA certificate as a PEM file, or null for a self-signed certificate. */
    public Path caPem() {
        return caPem;
    }

    public String leafSha256() {
        return sha256(encoded(leaf));
    }

    public String leafPublicKeySha256() {
        return sha256(leaf.getPublicKey().getEncoded());
    }

    public String caSha256() {
        return sha256(encoded(ca));
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(KeyStore store, String alias) {
        try {
            return (X509Certificate) store.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASS.toCharArray());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + store, e);
        }
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto")); // starts faster
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
