package dev.vpnbot.domain.broadcast;

import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A message an admin sends to many users. Recipients are walked in Telegram-id order; the cursor
 * ({@code lastRecipient}) and the counters are saved after every batch, so a restart resumes
 * where it stopped.
 */
public record Broadcast(long id, UserId author, String text, Audience audience, Status status,
                        int sent, int blocked, int failed, long lastRecipient, Instant createdAt,
                        String photo, LinkButton button, int withinDays) {

    public static final int MAX_TEXT_LENGTH = 4000;
    /** Telegram's limit for a photo's caption: with a photo the text is the caption. */
    public static final int MAX_CAPTION_LENGTH = 1024;

    public enum Status { DRAFT, SENDING, DONE, CANCELLED }

    public Broadcast {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (text.isBlank()) throw new IllegalArgumentException("a broadcast needs a text");
        if (text.length() > MAX_TEXT_LENGTH) throw new IllegalArgumentException("a broadcast is at most " + MAX_TEXT_LENGTH + " characters");
        if (sent < 0 || blocked < 0 || failed < 0) throw new IllegalArgumentException("counters cannot be negative");
        if (photo != null && (photo.isBlank() || photo.length() > 256)) throw new IllegalArgumentException("a photo is a Telegram file id");
        if (photo != null && text.length() > MAX_CAPTION_LENGTH) {
            throw new IllegalArgumentException("with a photo the text is at most " + MAX_CAPTION_LENGTH + " characters");
        }
        if (audience.takesDays() != (withinDays > 0)) throw new IllegalArgumentException("only \"expiring within\" takes a number of days");
        if (withinDays > Audience.MAX_DAYS) throw new IllegalArgumentException("at most " + Audience.MAX_DAYS + " days");
    }

    /** A text-only broadcast to an audience that needs no days. */
    public Broadcast(long id, UserId author, String text, Audience audience, Status status,
                     int sent, int blocked, int failed, long lastRecipient, Instant createdAt) {
        this(id, author, text, audience, status, sent, blocked, failed, lastRecipient, createdAt, null, null, 0);
    }

    public static Broadcast draft(long id, UserId author, String text, Audience audience, Instant now) {
        return draft(id, author, text, audience, 0, null, now);
    }

    /**
     * @param withinDays for {@link Audience#EXPIRING_SOON}, 1 to {@link Audience#MAX_DAYS}; otherwise 0
     * @param photo      a Telegram file id, or null for text alone
     */
    public static Broadcast draft(long id, UserId author, String text, Audience audience, int withinDays, String photo, Instant now) {
        return new Broadcast(id, author, text.strip(), audience, Status.DRAFT, 0, 0, 0, 0, now, photo, null, withinDays);
    }

    /** The draft with its one URL button (replacing any earlier one). */
    public Broadcast withButton(LinkButton newButton) {
        if (status != Status.DRAFT) throw new IllegalStateException("broadcast " + id + " is " + status + ": only a draft takes a button");
        return new Broadcast(id, author, text, audience, status, sent, blocked, failed, lastRecipient, createdAt, photo, newButton, withinDays);
    }

    public Broadcast start() {
        if (status != Status.DRAFT) throw new IllegalStateException("broadcast " + id + " is " + status + ", not a draft");
        return with(Status.SENDING, sent, blocked, failed, lastRecipient);
    }

    public Broadcast cancel() {
        if (status == Status.DONE) throw new IllegalStateException("broadcast " + id + " is already done");
        return with(Status.CANCELLED, sent, blocked, failed, lastRecipient);
    }

    public Broadcast progressed(int moreSent, int moreBlocked, int moreFailed, long newCursor) {
        if (status != Status.SENDING) throw new IllegalStateException("broadcast " + id + " is not sending");
        return with(status, sent + moreSent, blocked + moreBlocked, failed + moreFailed, newCursor);
    }

    public Broadcast finish() {
        if (status != Status.SENDING) throw new IllegalStateException("broadcast " + id + " is not sending");
        return with(Status.DONE, sent, blocked, failed, lastRecipient);
    }

    private Broadcast with(Status s, int newSent, int newBlocked, int newFailed, long cursor) {
        return new Broadcast(id, author, text, audience, s, newSent, newBlocked, newFailed, cursor, createdAt, photo, button, withinDays);
    }
}
