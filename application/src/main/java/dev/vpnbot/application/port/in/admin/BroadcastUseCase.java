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

    /**
     * @param withinDays for "expiring within N days" the N (1 to {@code Audience.MAX_DAYS}), otherwise 0
     * @param photo      a Telegram file id the admin sent (the text is then its caption), or null
     */
    record PrepareBroadcastCommand(UserId actor, String text, Audience audience, int withinDays, String photo) {
        public PrepareBroadcastCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(audience, "audience");
        }

        public PrepareBroadcastCommand(UserId actor, String text, Audience audience) {
            this(actor, text, audience, 0, null);
        }
    }

    record Preview(Broadcast draft, long recipients) {}

    /** Saves a draft; a text, photo or audience Telegram or the rules would refuse is a {@code Refusal} (INVALID_INPUT), nothing saved. */
    Preview prepare(PrepareBroadcastCommand command);

    /** Puts one URL button under a draft; a label or address Telegram would refuse is a {@code Refusal}, the draft unchanged. */
    Preview withButton(UserId actor, long broadcastId, String label, String url);

    Broadcast confirm(UserId actor, long broadcastId);

    Broadcast cancel(UserId actor, long broadcastId);

    Broadcast progress(UserId actor, long broadcastId);

    /** Scheduler tick: sends one batch of every broadcast in progress; returns messages attempted. */
    int sendNextBatch();
}
