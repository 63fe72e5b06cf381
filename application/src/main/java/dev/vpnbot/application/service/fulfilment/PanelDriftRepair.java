package dev.vpnbot.application.service.fulfilment;

import dev.vpnbot.application.service.ordering.ClientLimits;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.model.panel.PanelRepair.Fix;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Puts the panels back as our database describes them (the database is the truth for what was
 * paid). Every server that is not retired is walked, switched-off ones too since their keys still
 * work, a page of its active, unexpired keys at a time; the panel compares each client and
 * repairs it ({@link VpnPanel#repairClient}). Keys still being provisioned are fulfilment's.
 *
 * <p>Rules:
 * <ul>
 *   <li>A panel that cannot be reached (or refuses us as a whole: credentials, TLS, inbound) stops
 *       that server for this round, without an alert: the panel health checks already show it.</li>
 *   <li>A client whose panel answer cannot be trusted gets no write, is tried again next round,
 *       and is reported to the admins once per problem for the life of the process.</li>
 *   <li>A renewal fulfilled during a repair may have put a later expiry on the panel that the
 *       repair just overwrote: after every change the key is read again and, if its expiry moved,
 *       repaired again, so the panel never ends on an older expiry than the database.</li>
 *   <li>One admin report per round that fixed something, per server.</li>
 * </ul>
 */
public final class PanelDriftRepair implements RepairPanelDriftUseCase {
    private static final Logger LOG = Logger.getLogger(PanelDriftRepair.class.getName());
    public static final int PAGE_SIZE = 200;
    /** Repairs of one key in one round while renewals keep moving its expiry; the next round finishes the rest. */
    static final int MAX_REPAIRS_PER_KEY = 3;
    /** Refusals that concern the whole panel, not one client: the server waits for the next round. */
    private static final Set<PanelFault> WHOLE_PANEL = EnumSet.of(PanelFault.BAD_CREDENTIALS, PanelFault.WRONG_BASE_PATH,
            PanelFault.TLS_PIN_MISMATCH, PanelFault.TLS_UNTRUSTED, PanelFault.UNSUPPORTED_VERSION, PanelFault.INBOUND_NOT_FOUND);

    private final Servers servers;
    private final Keys keys;
    private final VpnPanel panel;
    private final Notifier notifier;
    private final Clock clock;
    private final ClientLimits limits;
    private final int pageSize;
    private final dev.vpnbot.application.port.out.Placements placements;
    /** "key id/problem" pairs the admins have been told about. */
    private final Set<String> told = ConcurrentHashMap.newKeySet();

    public PanelDriftRepair(Servers servers, Keys keys, VpnPanel panel, Notifier notifier, Clock clock,
                            PurchaseSettings settings) {
        this(servers, keys, panel, notifier, clock, settings, PAGE_SIZE);
    }

    public PanelDriftRepair(Servers servers, Keys keys, VpnPanel panel, Notifier notifier, Clock clock,
                            PurchaseSettings settings, int pageSize) {
        this(servers, keys, panel, notifier, clock, ClientLimits.paidOnly(settings), pageSize);
    }

    /** @param limits the panel limits per key (trial keys keep their own) */
    public PanelDriftRepair(Servers servers, Keys keys, VpnPanel panel, Notifier notifier, Clock clock,
                            ClientLimits limits, int pageSize) {
        this(servers, keys, panel, notifier, clock, limits, pageSize, null);
    }

    /**
     * @param placements read again before each repair, so a key that moved away from the server
     *                   since its page was read (its placement there disabled, docs/MOVES.md) is left
     *                   alone and its switched-off client is never switched back on; null: not checked
     */
    public PanelDriftRepair(Servers servers, Keys keys, VpnPanel panel, Notifier notifier, Clock clock,
                            ClientLimits limits, int pageSize, dev.vpnbot.application.port.out.Placements placements) {
        this.placements = placements;
        this.limits = limits;
        if (pageSize < 1) throw new IllegalArgumentException("page size must be positive");
        this.servers = servers;
        this.keys = keys;
        this.panel = panel;
        this.notifier = notifier;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    @Override
    public Result repairDrift() {
        DriftReport report = new DriftReport();
        List<ServerRound> rounds = new ArrayList<>();
        for (Server server : servers.all()) rounds.add(repairServer(server, report));
        report.fixedAlert().ifPresent(notifier::alertAdmins);
        report.untrustedAlert().ifPresent(notifier::alertAdmins);
        return new Result(rounds);
    }

    private ServerRound repairServer(Server server, DriftReport report) {
        Instant now = clock.instant();
        Map<Fix, Integer> fixes = new EnumMap<>(Fix.class);
        int checked = 0;
        int failed = 0;
        KeyId after = null;
        List<VpnKey> page;
        do {
            page = keys.activeOn(server.id(), now, after, pageSize);
            for (VpnKey listed : page) {
                after = listed.id();
                checked++;
                try {
                    Set<Fix> done = repairKey(server, listed);
                    if (done.isEmpty()) continue;
                    done.forEach(f -> fixes.merge(f, 1, Integer::sum));
                    report.fixed(server, listed, done);
                } catch (PanelException e) {
                    if (e.kind().isTransient() || WHOLE_PANEL.contains(e.kind())) {
                        LOG.warning(() -> "drift repair: server " + server.id() + " skipped this round: " + e.kind() + " " + e.getMessage());
                        return new ServerRound(server.id(), checked, fixes, failed, true);
                    }
                    failed++;
                    untrusted(server, listed, e, report);
                }
            }
        } while (page.size() == pageSize);
        return new ServerRound(server.id(), checked, fixes, failed, false);
    }

    /** Repairs one key; returns what the panel had to change (nothing if the key is no longer live). */
    private Set<Fix> repairKey(Server server, VpnKey listed) {
        Set<Fix> fixes = EnumSet.noneOf(Fix.class);
        // the page may be minutes old: a renewal or an admin may have changed the key since
        Optional<VpnKey> current = live(listed.id()).filter(k -> livesOn(server, k));
        for (int round = 0; current.isPresent(); round++) {
            VpnKey key = current.get();
            if (round == MAX_REPAIRS_PER_KEY) {
                LOG.warning(() -> "drift repair: key " + key.id() + " keeps changing; the next round finishes it");
                break;
            }
            PanelRepair repair = repairOnPanel(server, key);
            if (!repair.changed()) break;
            fixes.addAll(repair.fixes());
            if (live(key.id()).filter(k -> !livesOn(server, k)).isPresent()) {
                panel.setEnabled(server, key.client(), false); // it moved away while we repaired: its left client stays off
                break;
            }
            Optional<VpnKey> reread = live(key.id()).filter(k -> livesOn(server, k));
            if (reread.isPresent() && reread.get().expiresAt().equals(key.expiresAt())) break;
            current = reread;
        }
        return fixes;
    }

    private PanelRepair repairOnPanel(Server server, VpnKey key) {
        NewPanelClient wanted = limits.client(key.client(), key);
        try {
            return panel.repairClient(server, wanted);
        } catch (PanelException e) {
            throw e;
        } catch (RuntimeException e) {
            // an adapter fault on one client must not stop the round for every other client
            throw new PanelException(PanelFault.REJECTED, "unexpected failure: " + e, e);
        }
    }

    /** The key's home is the server, or it has an active placement there (a key that moved away has neither). */
    private boolean livesOn(Server server, VpnKey key) {
        if (placements == null || key.serverId().equals(server.id())) return true;
        return placements.find(key.id(), server.id()).map(p -> p.isActive()).orElse(false);
    }

    private Optional<VpnKey> live(KeyId id) {
        Instant now = clock.instant();
        return keys.find(id).filter(k -> k.isUsable(now));
    }

    private void untrusted(Server server, VpnKey key, PanelException e, DriftReport report) {
        LOG.warning(() -> "drift repair: nothing written for key " + key.id() + " on server " + server.id() + ": "
                + e.kind() + " " + e.getMessage());
        if (told.add(key.id() + "/" + e.kind())) report.untrusted(server, key, e.kind().name(), e.getMessage());
    }
}
