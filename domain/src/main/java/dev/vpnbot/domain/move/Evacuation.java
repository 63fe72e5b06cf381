package dev.vpnbot.domain.move;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An admin emptying a server: every key living on it gets a move (docs/MOVES.md). Planning walks the
 * server's keys in id order ({@code cursor}: the last key planned), then the moves run on the move
 * job; the evacuation is finished when none of its moves is still to land.
 *
 * @param target where the keys go; null: each to the least loaded server with room
 * @param cursor the last key planned; null before the first
 */
public record Evacuation(long id, ServerId server, ServerId target, UserId requestedBy, Instant requestedAt, Phase phase,
                         KeyId cursor, Instant finishedAt) {

    public enum Phase { PLANNING, MOVING, FINISHED }

    public Evacuation {
        if (id <= 0) throw new IllegalArgumentException("evacuation id must be positive");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(phase, "phase");
        if (server.equals(target)) throw new IllegalArgumentException("an evacuation goes to other servers");
    }

    /** Auto: each key to the least loaded server with room. */
    public boolean auto() {
        return target == null;
    }
}
