package dev.vpnbot.application.service.move;

import dev.vpnbot.application.port.in.move.RunKeyMovesUseCase;
import dev.vpnbot.application.port.out.move.KeyMoves;
import dev.vpnbot.domain.move.KeyMove;
import dev.vpnbot.domain.move.MoveState;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The move job: claims due moves (a lease, so no two workers take one) and does each one's next
 * steps. A step that fails (a panel down, refusing, answering garbage) leaves the move where it
 * is, due again after a backoff; the key keeps working on whichever server it is on.
 */
public final class MoveWorker implements RunKeyMovesUseCase {
    private static final Logger LOG = Logger.getLogger(MoveWorker.class.getName());

    private final KeyMoves moves;
    private final MoveSteps steps;
    private final Clock clock;
    private final MoveSettings settings;
    /** told of each move that reached the end of a step (evacuation progress, the user's notice) */
    private final Consumer<KeyMove> stepped;

    MoveWorker(KeyMoves moves, MoveSteps steps, Clock clock, MoveSettings settings, Consumer<KeyMove> stepped) {
        this.moves = moves;
        this.steps = steps;
        this.clock = clock;
        this.settings = settings;
        this.stepped = stepped;
    }

    @Override
    public Round runDueMoves() {
        int claimed = 0;
        int done = 0;
        int failed = 0;
        for (KeyMove move : moves.claimDue(clock.instant(), settings.batchSize(), settings.lease())) {
            claimed++;
            if (advance(move)) done++;
            else failed++;
        }
        return new Round(claimed, done, failed);
    }

    /** One move's due steps; false when a step failed (it is due again after the backoff). */
    boolean advance(KeyMove move) {
        try {
            KeyMove after = steps.advance(move);
            if (after.state() != move.state()) stepped.accept(after);
            if (after.state() == MoveState.SOURCE_DISABLED && after.state() == move.state()) {
                moves.save(after, after.deleteAfter()); // claimed before its time: back to waiting (the claim pushed it)
            }
            return true;
        } catch (RuntimeException e) {
            moves.stepFailed(move.id(), clock.instant().plus(MoveSettings.backoff(moves.attempts(move.id()) + 1)), e.toString());
            LOG.warning(() -> "move " + move.id() + " of key " + move.key() + " (" + move.state() + "): " + e);
            return false;
        }
    }
}
