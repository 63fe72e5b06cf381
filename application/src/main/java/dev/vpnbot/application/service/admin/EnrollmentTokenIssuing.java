package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase;
import dev.vpnbot.application.port.out.enrollment.EnrollmentTokens;
import dev.vpnbot.domain.server.EnrollmentToken;
import dev.vpnbot.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** Issues enrolment tokens: 256 random bits shown once; only their SHA-256 is stored. */
public final class EnrollmentTokenIssuing implements IssueEnrollmentTokenUseCase {
    /** How long a node has to use its token: long enough to order a VPS and run the installer. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    private static final String PREFIX = "vpnbot-enroll-";

    private final Admins admins;
    private final EnrollmentTokens tokens;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public EnrollmentTokenIssuing(Admins admins, EnrollmentTokens tokens, Clock clock, Duration lifetime) {
        this.admins = admins;
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    public IssuedToken issue(UserId actor, String serverName, int maxClients, String group) {
        admins.require(actor);
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        // a recognisable prefix lets secret scanners find a token pasted where it should not be
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Instant now = clock.instant();
        EnrollmentToken token = TariffAdministration.valid(() -> new EnrollmentToken(sha256(secret), serverName == null ? "" : serverName,
                maxClients, group, now, now.plus(lifetime), null));
        tokens.add(token);
        return new IssuedToken(secret, token);
    }

    /** The stored form of a token's secret. */
    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
