package dev.vpnbot.application.service.move;

import dev.vpnbot.application.port.in.move.RunKeyMovesUseCase;
import dev.vpnbot.application.port.out.move.KeyMoves;
import dev.vpnbot.domain.move.KeyMove;
import dev.vpnbot.domain.move.MoveState;
import java.time.Clock;
import java.util.List;
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
    /** told of each move that landed (the key lives on its target now): an evacuation's notice to the user */
    private final Consumer<KeyMove> landed;

    MoveWorker(KeyMoves moves, MoveSteps steps, Clock clock, MoveSettings settings, Consumer<KeyMove> landed) {
        this.moves = moves;
        this.steps = steps;
        this.clock = clock;
        this.settings = settings;
        this.landed = landed;
    }

    /** Batches a round takes at most (an evacuation of thousands of keys goes on in the next round). */
    static final int MAX_BATCHES = 40;

    @Override
    public Round runDueMoves() {
        int claimed = 0;
        int done = 0;
        int failed = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<KeyMove> due = moves.claimDue(clock.instant(), settings.batchSize(), settings.lease());
            for (KeyMove move : due) {
                claimed++;
                if (advance(move)) done++;
                else failed++;
            }
            if (due.size() < settings.batchSize()) break;
        }
        return new Round(claimed, done, failed);
    }

    private void landed(KeyMove move) {
        try {
            landed.accept(move);
        } catch (RuntimeException e) { // a notice that cannot be sent never undoes a move
            LOG.warning(() -> "move " + move.id() + ": telling about it failed: " + e);
        }
    }

    /** One move's due steps; false when a step failed (it is due again after the backoff). */
    boolean advance(KeyMove move) {
        try {
            KeyMove after = steps.advance(move);
            if (move.state() == MoveState.REQUESTED && after.state() != MoveState.REQUESTED && after.state() != MoveState.FAILED) {
                landed(after);
            }
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
