package dev.vpnbot.application.port.out.enrollment;

import dev.vpnbot.domain.server.EnrollmentToken;
import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing port: the enrolment tokens admins issued, found by the SHA-256 of their secret (the
 * secret itself is never stored). Claiming is the one atomic step: of two nodes presenting the
 * same token at once, exactly one gets it.
 */
public interface EnrollmentTokens {

    /** Stores a newly issued token; a hash that is already there is an {@link IllegalStateException}. */
    void add(EnrollmentToken token);

    Optional<EnrollmentToken> find(String secretSha256);

    /** Marks the token used at {@code when} if it is free and not expired then; true when this call claimed it. */
    boolean claim(String secretSha256, Instant when);

    /** Frees a claim whose enrolment failed before anything was stored, so the node may try again. */
    void release(String secretSha256);
}
