package dev.vpnbot.domain.move;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.ServerId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A key moving from one server to another (docs/MOVES.md). Rules: the key keeps its identity
 * (UUID, subId, email, flow) and its expiry to the millisecond; the target's client is made
 * before the source's is switched off; the source's client is deleted only {@code deleteAfter}
 * (so an app that has not refreshed yet keeps working until the switch-off, and a raw-link user
 * has been told to re-import); after that the key has one client, on the target.
 *
 * @param evacuation the evacuation this move belongs to; null for a buyer's move
 * @param deleteAfter when the source's client may be deleted; null until it is switched off
 * @param failure     why it failed; null unless {@link MoveState#FAILED}
 * @param sourceClient the client left on the source (the key's identity when it left; a later link reset
 *                     changes only the target's); null until {@link MoveState#TARGET_PLACED}
 */
public record KeyMove(MoveId id, KeyId key, ServerId from, ServerId to, MoveOrigin origin, Long evacuation,
                      MoveState state, Instant requestedAt, Instant deleteAfter, String failure, PanelClientId sourceClient) {

    public KeyMove {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (from.equals(to)) throw new IllegalArgumentException("a move goes to another server");
        if ((origin == MoveOrigin.EVACUATION) != (evacuation != null)) throw new IllegalArgumentException("an evacuation's move names it, no other does");
        requestedAt = requestedAt.truncatedTo(ChronoUnit.MILLIS);
        if (deleteAfter != null) deleteAfter = deleteAfter.truncatedTo(ChronoUnit.MILLIS);
    }

    public static KeyMove requested(MoveId id, KeyId key, ServerId from, ServerId to, MoveOrigin origin, Long evacuation, Instant now) {
        return new KeyMove(id, key, from, to, origin, evacuation, MoveState.REQUESTED, now, null, null, null);
    }

    /** The key lives on the target now; {@code left} is its client as the source still holds it. */
    public KeyMove targetPlaced(PanelClientId left) {
        return new KeyMove(id, key, from, to, origin, evacuation, MoveState.TARGET_PLACED, requestedAt, deleteAfter, null,
                Objects.requireNonNull(left, "left"));
    }

    /** The source is switched off; its client goes after {@code delay}. */
    public KeyMove sourceDisabled(Instant now, Duration delay) {
        return with(MoveState.SOURCE_DISABLED, now.plus(delay), null);
    }

    public KeyMove done() {
        return with(MoveState.DONE, deleteAfter, null);
    }

    public KeyMove failed(String reason) {
        return with(MoveState.FAILED, deleteAfter, Objects.requireNonNull(reason, "reason"));
    }

    private KeyMove with(MoveState newState, Instant newDeleteAfter, String newFailure) {
        return new KeyMove(id, key, from, to, origin, evacuation, newState, requestedAt, newDeleteAfter, newFailure, sourceClient);
    }
}
