package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.domain.broadcast.Audience;
import dev.vpnbot.domain.broadcast.Broadcast;
import dev.vpnbot.domain.user.UserId;
import java.util.Objects;

/**
 * Use case (admins only): write, preview, confirm and follow a broadcast. Sending happens in
 * batches on the scheduler ({@link #sendNextBatch}); each recipient gets it at most once, even
 * across restarts.
 */
public interface BroadcastUseCase {

    record PrepareBroadcastCommand(UserId actor, String text, Audience audience) {
        public PrepareBroadcastCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(audience, "audience");
        }
    }

    record Preview(Broadcast draft, long recipients) {}

    Preview prepare(PrepareBroadcastCommand command);

    Broadcast confirm(UserId actor, long broadcastId);

    Broadcast cancel(UserId actor, long broadcastId);

    Broadcast progress(UserId actor, long broadcastId);

    /** Scheduler tick: sends one batch of every broadcast in progress; returns messages attempted. */
    int sendNextBatch();
}
