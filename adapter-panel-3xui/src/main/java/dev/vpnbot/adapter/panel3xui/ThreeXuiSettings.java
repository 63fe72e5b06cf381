package dev.vpnbot.adapter.panel3xui;

import dev.vpnbot.adapter.panel3xui.session.SessionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the 3x-ui adapter behaves towards every panel: timeouts, retries of a busy panel
 * database, how long a refused login keeps us away, and extra certificate authorities to trust.
 *
 * @param connectTimeout      TCP + TLS connect
 * @param callTimeout         one HTTP exchange, start to finish (a hanging panel fails after this)
 * @param operationTimeout    one adapter operation including its wait in the panel's write queue
 * @param busyRetries         how often a "database is locked" answer is retried before giving up
 * @param busyBackoff         the first pause before such a retry; it doubles each time
 * @param loginCooldown       after the panel refused our credentials, the longest pause before trying again: it
 *                            starts at 5 s and doubles (3x-ui v3 blocks a user for 15 minutes after 5 failures
 *                            in 5 minutes, so at most 4 refusals ever fall within 5 minutes)
 * @param settingsCacheTtl    how long a panel's subscription settings are reused
 * @param maxBatch            most new clients sent in one addClient call
 * @param trustedCertificates extra CAs (or self-signed certificates) trusted besides the system's,
 *                            for every panel without a pin
 */
public record ThreeXuiSettings(Duration connectTimeout, Duration callTimeout, Duration operationTimeout,
                               int busyRetries, Duration busyBackoff, Duration loginCooldown,
                               Duration settingsCacheTtl, int maxBatch, List<X509Certificate> trustedCertificates)
        implements SessionSettings {

    public ThreeXuiSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(callTimeout, "callTimeout");
        requirePositive(operationTimeout, "operationTimeout");
        requirePositive(busyBackoff, "busyBackoff");
        Objects.requireNonNull(loginCooldown, "loginCooldown");
        Objects.requireNonNull(settingsCacheTtl, "settingsCacheTtl");
        if (loginCooldown.isNegative() || settingsCacheTtl.isNegative()) {
            throw new IllegalArgumentException("durations cannot be negative");
        }
        if (busyRetries < 0) throw new IllegalArgumentException("busyRetries cannot be negative");
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1");
        trustedCertificates = List.copyOf(trustedCertificates);
    }

    /** Sensible values for panels on the other side of the world. */
    public static ThreeXuiSettings defaults() {
        return new ThreeXuiSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(120),
                4, Duration.ofMillis(250), Duration.ofMinutes(5), Duration.ofMinutes(5), 50, List.of());
    }

    public ThreeXuiSettings withTimeouts(Duration connect, Duration call, Duration operation) {
        return new ThreeXuiSettings(connect, call, operation, busyRetries, busyBackoff, loginCooldown,
                settingsCacheTtl, maxBatch, trustedCertificates);
    }

    public ThreeXuiSettings withBusyRetries(int retries, Duration firstBackoff) {
        return new ThreeXuiSettings(connectTimeout, callTimeout, operationTimeout, retries, firstBackoff,
                loginCooldown, settingsCacheTtl, maxBatch, trustedCertificates);
    }

    public ThreeXuiSettings withLoginCooldown(Duration cooldown) {
        return new ThreeXuiSettings(connectTimeout, callTimeout, operationTimeout, busyRetries, busyBackoff,
                cooldown, settingsCacheTtl, maxBatch, trustedCertificates);
    }

    public ThreeXuiSettings withSettingsCacheTtl(Duration ttl) {
        return new ThreeXuiSettings(connectTimeout, callTimeout, operationTimeout, busyRetries, busyBackoff,
                loginCooldown, ttl, maxBatch, trustedCertificates);
    }

    public ThreeXuiSettings withMaxBatch(int max) {
        return new ThreeXuiSettings(connectTimeout, callTimeout, operationTimeout, busyRetries, busyBackoff,
                loginCooldown, settingsCacheTtl, max, trustedCertificates);
    }

    public ThreeXuiSettings withTrustedCertificates(List<X509Certificate> certificates) {
        return new ThreeXuiSettings(connectTimeout, callTimeout, operationTimeout, busyRetries, busyBackoff,
                loginCooldown, settingsCacheTtl, maxBatch, certificates);
    }

    /** Adds the certificates of a PEM file (one or more "BEGIN CERTIFICATE" blocks) as trusted CAs. */
    public ThreeXuiSettings withTrustedCertificates(Path pemFile) {
        List<X509Certificate> all = new ArrayList<>(trustedCertificates);
        all.addAll(readCertificates(pemFile));
        return withTrustedCertificates(all);
    }

    static List<X509Certificate> readCertificates(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            List<X509Certificate> found = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                found.add((X509Certificate) c);
            }
            if (found.isEmpty()) throw new IllegalArgumentException("no certificate in " + pemFile);
            return found;
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("cannot read certificates from " + pemFile + ": " + e.getMessage(), e);
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(name + " must be positive");
    }
}
