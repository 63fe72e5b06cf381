package dev.vpnbot.application.port.in.move;

/** Use case (the move job, on a timer): takes the due moves and does each one's next steps. */
public interface RunKeyMovesUseCase {

    /** What one round did. */
    record Round(int claimed, int stepsDone, int failedSteps) {}

    Round runDueMoves();
}
