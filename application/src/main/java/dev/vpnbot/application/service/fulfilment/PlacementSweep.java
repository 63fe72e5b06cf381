package dev.vpnbot.application.service.fulfilment;

import dev.vpnbot.application.port.in.fulfilment.SweepPlacementsUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.VpnKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The job queue of placements: each pending placement is a job (its row holds the attempts and the
 * next attempt's time). A round first writes down the placements group keys miss (a server added to
 * the group), then creates the due ones, each in the three crash-safe steps: read the key, put its
 * client on the panel (adopted if an earlier attempt landed, so never twice), and activate the
 * placement only if the key still has the identity and expiry that were sent (a reset or a renewal
 * meanwhile leaves it pending for the next round). The buyer is not told: the location simply
 * appears in the subscription on its next fetch.
 */
public final class PlacementSweep implements SweepPlacementsUseCase {
    private final Keys keys;
    private final Placements placements;
    private final LinkResets resets;
    private final KeyPlacing placing;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;

    public PlacementSweep(Keys keys, Placements placements, LinkResets resets, KeyPlacing placing, Transactions transactions,
                          Clock clock, int batchSize) {
        this.keys = keys;
        this.placements = placements;
        this.resets = resets;
        this.placing = placing;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public Round sweep() {
        int planned = 0;
        for (Placement missing : placements.missingInGroups(clock.instant(), batchSize)) {
            if (transactions.inTransaction(() -> placements.addIfMissing(missing))) planned++;
        }
        int created = 0;
        int failed = 0;
        for (Placement due : placements.due(clock.instant(), batchSize)) {
            switch (attempt(due)) {
                case CREATED -> created++;
                case FAILED -> failed++;
                case LATER -> { }
            }
        }
        return new Round(planned, created, failed);
    }

    private enum Attempt { CREATED, FAILED, LATER }

    private Attempt attempt(Placement due) {
        Optional<VpnKey> found = keys.find(due.key());
        // a key still being delivered is fulfilment's; a reset under way finishes first (the new identity goes on)
        if (found.isEmpty() || found.get().status() != KeyStatus.ACTIVE || resets.pending(due.key()).isPresent()) return Attempt.LATER;
        VpnKey sent = found.get();
        KeyPlacing.Outcome outcome = placing.create(sent, List.of(due));
        if (!outcome.failed().isEmpty()) {
            placing.failed(sent, outcome.failed().get(0), clock.instant(), placements.attempts(due.key(), due.server()));
            return Attempt.FAILED;
        }
        KeyLinks links = outcome.created().get(0).links();
        boolean activated = transactions.inTransaction(() -> activate(sent, due, links));
        return activated ? Attempt.CREATED : Attempt.LATER;
    }

    /** Step 3: the placement goes live only if the key is still what its panel was given. */
    private boolean activate(VpnKey sent, Placement due, KeyLinks links) {
        VpnKey latest = keys.findForUpdate(sent.id()).orElseThrow();
        Optional<Placement> current = placements.find(due.key(), due.server());
        if (current.isEmpty() || !current.get().isPending()) return false;
        if (!latest.client().equals(sent.client()) || !latest.expiresAt().equals(sent.expiresAt())
                || latest.status() != KeyStatus.ACTIVE) {
            placements.attemptFailed(due.key(), due.server(), clock.instant()); // due again at once, with what the key is now
            return false;
        }
        placements.save(current.get().activated(links));
        return true;
    }
}
