package dev.vpnbot.application.model.move;

import java.util.List;
import java.util.Map;

/**
 * What became of an evacuation's keys so far (docs/MOVES.md).
 *
 * @param moved         keys living on their new server (the old client switched off, or about to be)
 * @param waiting       moves not landed yet (a target panel down: retried)
 * @param failed        moves given up (the target was retired)
 * @param skipped       keys not moved, by {@code skipReasons}
 * @param failures      a few failed moves, "key N: why"
 * @param waitingErrors a few waiting moves' last errors, "key N: error"
 */
public record EvacuationProgress(int moved, int waiting, int failed, int skipped, Map<String, Integer> skipReasons,
                                 List<String> failures, List<String> waitingErrors) {
    public EvacuationProgress {
        skipReasons = Map.copyOf(skipReasons);
        failures = List.copyOf(failures);
        waitingErrors = List.copyOf(waitingErrors);
    }
}
