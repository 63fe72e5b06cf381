package dev.vpnbot.application.port.out.enrollment;

import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing port: the database route's queue. Nodes may only insert into it; the bot takes each
 * row once (across instances) and writes back what became of it.
 */
public interface QueuedEnrollments {

    /**
     * Takes the oldest request nobody has taken, marks it taken at {@code now} and wipes its
     * secrets from the table in the same step; the returned value is the only copy left.
     */
    Optional<QueuedEnrollment> takeNext(Instant now);

    /** Records what became of a taken request, in words for the operator ("enrolled as server 7", "refused: …"). */
    void finish(long id, String outcome, Instant when);
}
