package dev.vpnbot.application.port.out.move;

import dev.vpnbot.application.model.move.EvacuationProgress;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.move.Evacuation;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: evacuations of servers (docs/MOVES.md) and what became of their keys. */
public interface Evacuations {

    /** Starts one; empty when the server has one under way already. */
    Optional<Evacuation> start(ServerId server, ServerId target, UserId by, Instant now);

    Optional<Evacuation> find(long id);

    /** The latest evacuation of the server, finished or not. */
    Optional<Evacuation> latestOf(ServerId server);

    /** Evacuations not finished, oldest first. */
    List<Evacuation> unfinished();

    /** The keys up to {@code key} are planned (moved or skipped). */
    void planned(long id, KeyId key);

    /** Every key is planned: the moves run. */
    void planningDone(long id);

    /** Finishes it; false when it was finished already (so its report goes out once). */
    boolean finish(long id, Instant now);

    /** A key the evacuation could not move, and why; a key skipped again keeps its first reason. */
    void skipped(long id, KeyId key, String reason);

    /** What became of an evacuation's keys so far. */
    EvacuationProgress progress(long id);

    /** Evacuations started in [from, to), newest first, at most {@code limit}. */
    List<Evacuation> startedBetween(Instant from, Instant to, int limit);
}
