package dev.vpnbot.application.service.move;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.move.KeyMoves;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.fulfilment.KeyPlacing;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.PlacementStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.move.KeyMove;
import dev.vpnbot.domain.move.MoveState;
import dev.vpnbot.domain.server.Server;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Steps 2-4 of a move (docs/MOVES.md), each one safe to repeat, so a process killed anywhere
 * resumes with the step its state names:
 * <ol>
 *   <li>REQUESTED: the key's own client (UUID, subId, email, flow, expiry to the ms, limits) is
 *       made on the target's panel, or adopted if an earlier attempt landed; then one transaction
 *       under the key's row lock, only if the key is still what the panel was given: the target's
 *       placement active, the key's home the target, the source's placement disabled. From that
 *       commit the subscription lists only the target. The source keeps working until then.</li>
 *   <li>TARGET_PLACED: the source's client is switched off at its panel.</li>
 *   <li>SOURCE_DISABLED, once the delay is over: under the key's row lock (a move back takes the
 *       same lock), the source's client is deleted, unless a move back took its placement over.</li>
 * </ol>
 * A panel that fails throws: the caller retries the move later, with the key working meanwhile.
 */
final class MoveSteps {
    private final Keys keys;
    private final Placements placements;
    private final Servers servers;
    private final LinkResets resets;
    private final KeyMoves moves;
    private final KeyPlacing placing;
    private final VpnPanel panel;
    private final Transactions transactions;
    private final Clock clock;
    private final MoveSettings settings;

    MoveSteps(Keys keys, Placements placements, Servers servers, LinkResets resets, KeyMoves moves, KeyPlacing placing,
              VpnPanel panel, Transactions transactions, Clock clock, MoveSettings settings) {
        this.keys = keys;
        this.placements = placements;
        this.servers = servers;
        this.resets = resets;
        this.moves = moves;
        this.placing = placing;
        this.panel = panel;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** Does every step that is due; returns the move as it stands after them (saved). */
    KeyMove advance(KeyMove move) {
        KeyMove m = move;
        if (m.state() == MoveState.REQUESTED) m = placeTarget(m);
        if (m.state() == MoveState.TARGET_PLACED) m = disableSource(m);
        if (m.state() == MoveState.SOURCE_DISABLED && !clock.instant().isBefore(m.deleteAfter())) m = deleteSource(m);
        return m;
    }

    /** Step 2. Returns the move unchanged (REQUESTED, due again soon) when the key is not ready to go yet. */
    private KeyMove placeTarget(KeyMove m) {
        Optional<Server> target = servers.find(m.to());
        if (target.isEmpty()) return fail(m, "the target server was retired");
        VpnKey sent = keys.find(m.key()).orElseThrow();
        // a banned (switched-off) key or a link reset under way: wait; a key that is not on the target yet stays where it is
        if (sent.status() != KeyStatus.ACTIVE || resets.pending(m.key()).isPresent()) return later(m);
        KeyLinks links = placing.createOn(target.get(), sent);
        Optional<KeyMove> placed = transactions.inTransaction(() -> commitTarget(m, sent, links));
        if (placed.isPresent()) return placed.get();
        // the key changed while its client was made (a renewal, a reset): the target gets what it is now
        VpnKey now = keys.find(m.key()).orElseThrow();
        if (!now.client().equals(sent.client())) panel.deleteClient(target.get(), sent.client()); // the old identity would hold the email
        return later(m);
    }

    private Optional<KeyMove> commitTarget(KeyMove m, VpnKey sent, KeyLinks links) {
        VpnKey latest = keys.findForUpdate(m.key()).orElseThrow();
        KeyMove current = moves.find(m.id()).orElseThrow();
        if (current.state() != MoveState.REQUESTED) return Optional.of(current); // another worker got here first
        if (!latest.client().equals(sent.client()) || !latest.expiresAt().equals(sent.expiresAt()) || latest.status() != KeyStatus.ACTIVE) {
            return Optional.empty();
        }
        Placement onTarget = placements.find(m.key(), m.to()).orElseGet(() -> Placement.pending(latest, m.to(), clock.instant()));
        placements.save(onTarget.activated(links));
        placements.find(m.key(), m.from()).filter(p -> p.status() != PlacementStatus.DISABLED)
                .ifPresent(p -> placements.save(p.disabled()));
        keys.save(latest.rehomed(m.to(), links));
        KeyMove placed = m.targetPlaced(latest.client());
        // the caller goes on with step 3 at once; the job takes it over only if this process dies (after the lease)
        moves.save(placed, clock.instant().plus(settings.lease()));
        return Optional.of(placed);
    }

    /** Step 3: the source's client switched off (a retired source or a client already gone needs nothing). */
    private KeyMove disableSource(KeyMove m) {
        Optional<Server> source = servers.find(m.from());
        if (source.isPresent()) {
            try {
                panel.setEnabled(source.get(), m.sourceClient(), false);
            } catch (PanelException e) {
                if (e.kind() != PanelFault.CLIENT_NOT_FOUND) throw e;
            }
        }
        Instant now = clock.instant();
        KeyMove disabled = m.sourceDisabled(now, settings.deleteDelay());
        transactions.run(() -> {
            if (moves.find(m.id()).orElseThrow().state() == MoveState.TARGET_PLACED) moves.save(disabled, disabled.deleteAfter());
        });
        return disabled;
    }

    /** Step 4, under the key's row lock: a move back to the source (same lock) either waits for this or has taken the client over. */
    private KeyMove deleteSource(KeyMove m) {
        return transactions.inTransaction(() -> {
            keys.findForUpdate(m.key()).orElseThrow();
            KeyMove current = moves.find(m.id()).orElseThrow();
            if (current.state() != MoveState.SOURCE_DISABLED) return current;
            boolean stillLeft = placements.find(m.key(), m.from()).map(p -> p.status() == PlacementStatus.DISABLED).orElse(true);
            if (stillLeft) servers.find(m.from()).ifPresent(source -> panel.deleteClient(source, m.sourceClient()));
            KeyMove done = current.done();
            moves.save(done, clock.instant());
            return done;
        });
    }

    private KeyMove fail(KeyMove m, String reason) {
        return transactions.inTransaction(() -> {
            keys.findForUpdate(m.key()).orElseThrow();
            KeyMove current = moves.find(m.id()).orElseThrow();
            if (current.state() != MoveState.REQUESTED) return current;
            placements.find(m.key(), m.to()).filter(Placement::isPending).ifPresent(p -> placements.save(p.disabled()));
            KeyMove failed = current.failed(reason);
            moves.save(failed, clock.instant());
            return failed;
        });
    }

    private KeyMove later(KeyMove m) {
        moves.stepFailed(m.id(), clock.instant().plus(MoveSettings.FIRST_RETRY), "waiting: the key is switched off or its link is being reset");
        return m;
    }
}
