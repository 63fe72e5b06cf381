package dev.vpnbot.application.service.subscription;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.application.service.ordering.ClientLimits;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Resets a key's link in three steps, each safe to repeat:
 * <ol>
 *   <li><b>intent</b> (one transaction): the key gets a new token (the old URL is 404 from here)
 *       and its next identity (new UUID and subId, same email) is stored;</li>
 *   <li><b>panel</b>, on every active placement of the key: the old client is removed and the new one created. A panel holds one
 *       client per email, so it never has both, and a repair that read the key before step 3
 *       cannot bring the old UUID back (its email is taken);</li>
 *   <li><b>finish</b> (one transaction): the key holds the new identity and links.</li>
 * </ol>
 * Rule: there is no moment at which the old UUID works and the new one is not stored. A crash or
 * an unreachable panel leaves the intent, which {@link #finishInterrupted} completes.
 */
public final class LinkReset implements ResetLinkUseCase {
    private final Keys keys;
    private final Servers servers;
    private final SubscriptionTokens tokens;
    private final LinkResets resets;
    private final VpnPanel panel;
    private final Transactions transactions;
    private final Admins admins;
    private final ClientLimits limits;
    private final Nonces nonces;
    private final Placements placements;

    /** @param placements the key's locations: the UUID is rotated on every one of them */
    public LinkReset(Keys keys, Servers servers, SubscriptionTokens tokens, LinkResets resets, VpnPanel panel,
                     Transactions transactions, Admins admins, PurchaseSettings settings, Nonces nonces, Placements placements) {
        this(keys, servers, tokens, resets, panel, transactions, admins, ClientLimits.paidOnly(settings), nonces, placements);
    }

    /** @param limits the panel limits per key (a trial key keeps its own) */
    public LinkReset(Keys keys, Servers servers, SubscriptionTokens tokens, LinkResets resets, VpnPanel panel,
                     Transactions transactions, Admins admins, ClientLimits limits, Nonces nonces, Placements placements) {
        this.keys = keys;
        this.servers = servers;
        this.tokens = tokens;
        this.resets = resets;
        this.panel = panel;
        this.transactions = transactions;
        this.admins = admins;
        this.limits = limits;
        this.nonces = nonces;
        this.placements = placements;
    }

    @Override
    public Outcome reset(ResetLinkCommand command) {
        Optional<VpnKey> found = keys.find(command.key());
        boolean allowed = command.byAdmin() ? admins.isAdmin(command.requester())
                : found.map(k -> k.belongsTo(command.requester())).orElse(false);
        if (!allowed || found.isEmpty() || found.get().status() == KeyStatus.DELETED) return new Outcome.NotAllowed();
        if (found.get().status() != KeyStatus.ACTIVE) return new Outcome.NotActive();

        SubscriptionToken token = transactions.inTransaction(() -> intent(command.key()));
        try {
            moveOnPanel(command.key());
            return new Outcome.Reset(token);
        } catch (PanelException e) {
            return new Outcome.Pending(token);
        }
    }

    @Override
    public int finishInterrupted() {
        int finished = 0;
        for (KeyId key : resets.unfinished(50)) {
            try {
                moveOnPanel(key);
                finished++;
            } catch (PanelException e) {
                // still unreachable: next round
            }
        }
        return finished;
    }

    /** Step 1: a new token now, and the next identity stored before any panel sees it. */
    private SubscriptionToken intent(KeyId id) {
        VpnKey key = keys.findForUpdate(id).orElseThrow();
        PanelClientId next = resets.pending(id).orElseGet(() -> new PanelClientId(UUID.randomUUID(), key.client().email(),
                "k" + id.value() + nonces.next()));
        resets.begin(id, next);
        return tokens.replace(id);
    }

    /** Steps 2 and 3. */
    private void moveOnPanel(KeyId id) {
        VpnKey key = keys.find(id).orElseThrow();
        Optional<PanelClientId> pending = resets.pending(id);
        if (pending.isEmpty()) return; // another worker finished it
        PanelClientId next = pending.get();
        if (key.client().equals(next) || key.status() != KeyStatus.ACTIVE) {
            transactions.run(() -> resets.finish(id)); // finished before, or switched off meanwhile: nothing to move
            return;
        }
        NewPanelClient wanted = limits.client(next, key);
        Map<ServerId, KeyLinks> moved = new LinkedHashMap<>();
        List<Placement> locations = placements.of(id);
        if (locations.isEmpty()) locations = List.of(Placement.pending(key, key.serverId(), key.createdAt()).activated(key.links()));
        for (Placement placement : locations) {
            if (!placement.isActive()) continue; // a pending one is created later with the key's new identity
            Optional<Server> server = servers.find(placement.server());
            if (server.isEmpty()) continue; // retired
            moved.put(placement.server(), moveOn(server.get(), key.client(), wanted));
        }
        transactions.run(() -> {
            VpnKey latest = keys.findForUpdate(id).orElseThrow();
            KeyLinks home = moved.getOrDefault(latest.serverId(), latest.links());
            keys.save(latest.withClient(next, home));
            moved.forEach((server, links) -> placements.save(placements.find(id, server)
                    .orElseGet(() -> Placement.pending(latest, server, latest.createdAt())).activated(links)));
            resets.finish(id);
        });
    }

    /** One location: the old client removed and the new one created (an earlier attempt may have done it already). */
    private KeyLinks moveOn(Server server, PanelClientId old, NewPanelClient wanted) {
        try {
            return panel.repairClient(server, wanted).links();
        } catch (PanelException e) {
            if (e.kind() != PanelFault.DUPLICATE_EMAIL) throw e;
            panel.deleteClient(server, old); // the old UUID stops working here
            return panel.repairClient(server, wanted).links();
        }
    }
}
