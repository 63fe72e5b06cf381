package dev.vpnbot.application.port.in.subscription;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.user.UserId;
import java.util.Objects;

/**
 * Use case: a key gets a new subscription link, and its client a new UUID (and subId) on the
 * panel, so configs imported from a leaked link stop working. The old link answers 404 from the
 * moment the reset is asked for.
 */
public interface ResetLinkUseCase {

    /** @param byAdmin an admin resets somebody's key (checked against the admins); else the owner resets their own */
    record ResetLinkCommand(UserId requester, KeyId key, boolean byAdmin) {
        public ResetLinkCommand {
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(key, "key");
        }
    }

    sealed interface Outcome {
        /** Done: the key's new link token; its client has the new UUID on the panel. */
        record Reset(SubscriptionToken token) implements Outcome {}

        /** The old link is dead and the new identity stored, but the panel could not be changed yet: retried in the background. */
        record Pending(SubscriptionToken token) implements Outcome {}

        /** No such key of this requester, or not an admin. */
        record NotAllowed() implements Outcome {}

        /** Only an active key can be reset (a switched-off one would be switched on by the panel change). */
        record NotActive() implements Outcome {}
    }

    Outcome reset(ResetLinkCommand command);

    /** Finishes resets a crash or an unreachable panel interrupted; returns how many were finished. */
    int finishInterrupted();
}
