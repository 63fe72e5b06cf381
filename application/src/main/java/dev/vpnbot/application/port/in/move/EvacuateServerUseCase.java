package dev.vpnbot.application.port.in.move;

import dev.vpnbot.application.model.move.EvacuationProgress;
import dev.vpnbot.domain.move.Evacuation;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.util.Optional;

/**
 * Use case (admins, the Telegram panel and {@code vpnbot server evacuate}): empty a server. It is
 * switched off for sales at once; every key living on it gets a move to the given server, or to
 * the least loaded server with room; the move job does them, resuming after restarts; the admins
 * get a final report and each affected user one notice (docs/MOVES.md). Checks its caller is an admin.
 */
public interface EvacuateServerUseCase {

    enum Reason { SERVER_NOT_FOUND, SAME_SERVER, TARGET_UNAVAILABLE, ALREADY_UNDER_WAY }

    sealed interface Started {
        record Evacuating(Evacuation evacuation) implements Started {}

        record Refused(Reason reason) implements Started {}
    }

    /** @param target where every key goes; null: each to the least loaded server with room */
    Started start(UserId admin, ServerId server, ServerId target);

    record Report(Evacuation evacuation, String serverName, EvacuationProgress progress) {}

    Optional<Report> report(UserId admin, long evacuation);

    /** The server's latest evacuation, finished or not. */
    Optional<Report> latest(UserId admin, ServerId server);

    /**
     * Statistics: moves asked for per UTC day over the last {@code days} days (buyers' and evacuations'),
     * and the evacuations started in that time with what became of them, newest first.
     */
    record MoveFigures(java.util.Map<java.time.LocalDate, Integer> buyerMoves, java.util.Map<java.time.LocalDate, Integer> evacuationMoves,
                       java.util.List<Report> evacuations) {}

    MoveFigures figures(UserId admin, int days);

    /** The job: plans the keys of evacuations still planning, finishes those whose moves all landed (and reports them); returns keys planned. */
    int runDue();
}
