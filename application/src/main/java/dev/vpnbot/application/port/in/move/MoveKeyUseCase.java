package dev.vpnbot.application.port.in.move;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.move.KeyMove;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Use case: "Change location" (docs/MOVES.md). The owner of a one-location key moves it to another
 * server with room; the key keeps its UUID, subId, flow and expiry. Every check is made again
 * inside the move's transaction, whatever the screen showed: a refusal changes nothing.
 */
public interface MoveKeyUseCase {

    enum Reason {
        /** No such key of this user (a crafted button for somebody else's key reads the same). */
        KEY_NOT_FOUND,
        /** Expired, switched off or not delivered yet. */
        KEY_NOT_ACTIVE,
        /** The key is on several locations (a group tariff): it has nothing to move. */
        MULTI_LOCATION,
        /** A paid renewal (or traffic pack) of the key is still being delivered, or its link is being reset. */
        KEY_BUSY,
        /** The key is moving already. */
        MOVE_UNDER_WAY,
        SAME_SERVER,
        /** The target is switched off or gone. */
        TARGET_UNAVAILABLE,
        /** The target has no room (another move or sale took its last slot). */
        TARGET_FULL,
        /** The daily move limit: {@link Outcome.Refused#nextAllowed()} says when the next move is possible. */
        LIMIT_REACHED
    }

    /** A location the key may move to, with its free slots. */
    record Destination(ServerId server, String name, int freeSlots) {}

    sealed interface Options {
        /** The key, where it is, and where it may go (possibly none: every other server is full or off). */
        record Offered(VpnKey key, String currentName, List<Destination> destinations) implements Options {}

        record Refused(Reason reason, Instant nextAllowed) implements Options {}
    }

    record MoveKeyCommand(UserId requester, KeyId key, ServerId target) {
        public MoveKeyCommand {
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(target, "target");
        }
    }

    sealed interface Outcome {
        /** Done: the key lives on the target (its links are the target's); the old client is switched off. */
        record Moved(VpnKey key, String targetName, KeyMove move) implements Outcome {}

        /** Written down, but the target's panel did not answer yet: the key keeps working where it was and the move is retried. */
        record Pending(KeyMove move, String targetName) implements Outcome {}

        /** Nothing changed. */
        record Refused(Reason reason, Instant nextAllowed) implements Outcome {}
    }

    /** Where the user's key could go now. */
    Options options(UserId requester, KeyId key);

    Outcome move(MoveKeyCommand command);
}
