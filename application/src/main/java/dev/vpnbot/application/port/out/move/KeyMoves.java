package dev.vpnbot.application.port.out.move;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.move.KeyMove;
import dev.vpnbot.domain.move.MoveId;
import dev.vpnbot.domain.server.ServerId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outgoing port: keys moving between servers (docs/MOVES.md). An open move is its own job: it
 * waits here with its attempts and the time of its next step, and is claimed under a lease so two
 * workers (or two bot instances) never work on the same move at once.
 */
public interface KeyMoves {

    MoveId nextId();

    /**
     * Inside a transaction: takes the target server's row lock until it ends, so two moves
     * counting the room left on one server take turns (two buyers racing for its last slot: one
     * sees the other's move).
     */
    void lockServer(ServerId server);

    /**
     * Inserts a new move, due at {@code due} (its requester does the first steps itself and leaves
     * it to the job only if it dies). Fails if the key already has a move under way (REQUESTED or
     * TARGET_PLACED).
     */
    void insert(KeyMove move, Instant due);

    /** Stores the move's state (and delete-after, failure, source client); its next step is due at {@code nextStep}; a new state starts its attempts from 0. */
    void save(KeyMove move, Instant nextStep);

    Optional<KeyMove> find(MoveId id);

    /** The key's move whose source is not switched off yet (REQUESTED or TARGET_PLACED), if any. */
    Optional<KeyMove> underWay(KeyId key);

    /** The key's moves whose source client waits for deletion (SOURCE_DISABLED). */
    List<KeyMove> awaitingDeletion(KeyId key);

    /** When the key's buyer moves (any state but FAILED) since {@code since} were asked for. */
    List<Instant> buyerMovesSince(KeyId key, Instant since);

    /** A paid order of the key (a renewal, a traffic pack) still waits for its fulfilment. */
    boolean renewalPending(KeyId key);

    /** Takes up to {@code limit} due open moves and hides them from other workers until now + lease. */
    List<KeyMove> claimDue(Instant now, int limit, Duration lease);

    /** Failed attempts at the move's current step so far. */
    int attempts(MoveId id);

    /** A step failed: the next try is not before {@code next}. Returns the failed attempts so far. */
    int stepFailed(MoveId id, Instant next, String error);

    /** Moves asked for per UTC day in [from, to), by origin name ("BUYER", "EVACUATION"). */
    Map<LocalDate, Map<String, Integer>> perDay(Instant from, Instant to);
}
