package dev.vpnbot.application.service.move;

import dev.vpnbot.application.port.in.move.MoveKeyUseCase.Reason;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.move.KeyMoves;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.PlacementStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.move.KeyMove;
import dev.vpnbot.domain.move.MoveOrigin;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Step 1 of a move, inside one transaction with the key's row locked and then the target
 * server's: every rule is checked against what the database holds now, and only then the move and
 * its pending placement on the target are written. A refusal writes nothing.
 */
final class MoveRequests {

    /** Either the move written down, or why not (and for the daily limit, when the next one is possible). */
    record Decision(KeyMove move, Reason refusal, Instant nextAllowed) {
        static Decision refused(Reason reason) {
            return new Decision(null, reason, null);
        }
    }

    private final Keys keys;
    private final Placements placements;
    private final Servers servers;
    private final LinkResets resets;
    private final KeyMoves moves;
    private final MoveSettings settings;

    MoveRequests(Keys keys, Placements placements, Servers servers, LinkResets resets, KeyMoves moves, MoveSettings settings) {
        this.keys = keys;
        this.placements = placements;
        this.servers = servers;
        this.resets = resets;
        this.moves = moves;
        this.settings = settings;
    }

    /**
     * Must run inside a transaction.
     *
     * @param owner the buyer asking (their own key only), or null for an evacuation
     * @param leaseUntil the move is not due for the job before then (its requester does the first steps itself)
     */
    Decision request(KeyId keyId, ServerId target, UserId owner, MoveOrigin origin, Long evacuation, Instant now, Instant leaseUntil) {
        Optional<VpnKey> found = keys.findForUpdate(keyId);
        if (found.isEmpty() || (owner != null && !found.get().belongsTo(owner))) return Decision.refused(Reason.KEY_NOT_FOUND);
        VpnKey key = found.get();
        Optional<Reason> keyRefusal = keyRefusal(key, now);
        if (keyRefusal.isPresent()) return Decision.refused(keyRefusal.get());
        if (key.serverId().equals(target)) return Decision.refused(Reason.SAME_SERVER);
        if (origin == MoveOrigin.BUYER) {
            Optional<Instant> next = settings.limit().nextAllowed(moves.buyerMovesSince(keyId, now.minus(dev.vpnbot.domain.move.MoveLimit.WINDOW)), now);
            if (next.isPresent()) return new Decision(null, Reason.LIMIT_REACHED, next.get());
        }
        moves.lockServer(target);
        Optional<Server> to = servers.find(target);
        if (to.isEmpty() || !to.get().active()) return Decision.refused(Reason.TARGET_UNAVAILABLE);
        // the load counts the pending placements of moves not landed yet (V24): each holds its slot once
        if (to.get().activeKeys() >= to.get().maxClients()) return Decision.refused(Reason.TARGET_FULL);

        // a move back before the last move's delay ran out: that move's source is this target; its client is taken over, not deleted
        for (KeyMove waiting : moves.awaitingDeletion(keyId)) {
            if (waiting.from().equals(target)) moves.save(waiting.done(), now);
        }
        KeyMove move = KeyMove.requested(moves.nextId(), keyId, key.serverId(), target, origin, evacuation, now);
        moves.insert(move, leaseUntil);
        placements.save(Placement.pending(key, target, now));
        return new Decision(move, null, null);
    }

    /** Why this key cannot move now, whatever the target. */
    Optional<Reason> keyRefusal(VpnKey key, Instant now) {
        if (key.status() != KeyStatus.ACTIVE || key.isExpired(now)) return Optional.of(Reason.KEY_NOT_ACTIVE);
        if (!oneLocation(key)) return Optional.of(Reason.MULTI_LOCATION);
        if (moves.underWay(key.id()).isPresent()) return Optional.of(Reason.MOVE_UNDER_WAY);
        if (moves.renewalPending(key.id()) || resets.pending(key.id()).isPresent()) return Optional.of(Reason.KEY_BUSY);
        return Optional.empty();
    }

    /** Sold for no group, and live on exactly one server: its home. */
    private boolean oneLocation(VpnKey key) {
        if (placements.groupOf(key.id()).isPresent()) return false;
        List<Placement> live = placements.of(key.id()).stream().filter(p -> p.status() != PlacementStatus.DISABLED).toList();
        return live.isEmpty() || (live.size() == 1 && live.get(0).server().equals(key.serverId()));
    }
}
