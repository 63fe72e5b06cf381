package dev.vpnbot.adapter.panel3xui.session;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * What a panel session needs of the adapter's settings (the top package's SessionSettings
 * implements it), so that the session never leans on the package that wires it.
 */
public interface SessionSettings {
    /** TCP + TLS connect. */
    Duration connectTimeout();

    /** One HTTP exchange, start to finish. */
    Duration callTimeout();

    /** One adapter operation including its wait in the panel's write queue. */
    Duration operationTimeout();

    /** How often a "database is locked" answer is retried. */
    int busyRetries();

    /** The first pause before such a retry; it doubles each time. */
    Duration busyBackoff();

    /** After the panel refused our credentials, the longest we wait before trying again (the pause starts at 5 s and doubles). */
    Duration loginCooldown();

    /** How long a panel's subscription settings are reused. */
    Duration settingsCacheTtl();

    /** Most new clients sent in one addClient call. */
    int maxBatch();

    /** Extra CAs trusted besides the system's, for every panel without a pin. */
    List<X509Certificate> trustedCertificates();
}
