package dev.vpnbot.application.port.out.admin;

import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.domain.broadcast.Broadcast;
import dev.vpnbot.domain.user.UserId;
import java.util.concurrent.CompletableFuture;

/** Outgoing port: delivers broadcast texts through the rate-limited sender, one user at a time. */
public interface BroadcastChannel {

    enum Delivery { SENT, BLOCKED, FAILED }

    /** Sends and waits for the outcome; never throws. */
    Delivery deliver(UserId recipient, String text);

    /**
     * Starts sending and returns the outcome to come, which always completes (never
     * exceptionally). A channel that can have several messages under way at once overrides this,
     * so a batch keeps its rate limit busy instead of waiting out each round trip.
     */
    default CompletableFuture<Delivery> start(UserId recipient, String text) {
        return CompletableFuture.completedFuture(deliver(recipient, text));
    }

    /**
     * Starts sending the whole broadcast (its photo and button too, when it has them). A channel
     * that cannot show photos or buttons sends the text alone.
     */
    default CompletableFuture<Delivery> start(UserId recipient, Broadcast broadcast) {
        return start(recipient, broadcast.text());
    }

    /** Tells the author the broadcast is done, with its counts, in the author's language. Never throws. */
    void reportFinished(Recipient author, Broadcast broadcast);
}
