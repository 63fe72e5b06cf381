package dev.vpnbot.application.service.fulfilment;

import dev.vpnbot.domain.tariff.TariffLimits;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.panel.ClientQuota;
import dev.vpnbot.application.service.ordering.ClientLimits;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerGroupId;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a key's client on its locations' panels. Rule: every placement gets the key's own client
 * (UUID, subId, email, expiry, Telegram id), so a retried or repeated creation sends the very same
 * client and the panel adopts it instead of making a second one.
 */
public final class KeyPlacing {
    /** Wait before a failed placement is tried again; doubled per attempt up to {@link #MAX_RETRY}. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofMinutes(15);
    /** Admins hear of a placement still failing after this many attempts (once). */
    static final int ALERT_AFTER = 5;

    private final Placements placements;
    private final ServerGroups groups;
    private final Servers servers;
    private final VpnPanel panel;
    private final Notifier notifier;
    private final PurchaseSettings settings;
    /** puts a tariff's limits on a renewed client; null: limits are left alone on renewal */
    private final ClientQuota quota;
    private final ClientLimits limits;

    public KeyPlacing(Placements placements, ServerGroups groups, Servers servers, VpnPanel panel, Notifier notifier,
                      PurchaseSettings settings) {
        this(placements, groups, servers, panel, notifier, settings, null);
    }

    public KeyPlacing(Placements placements, ServerGroups groups, Servers servers, VpnPanel panel, Notifier notifier,
                      PurchaseSettings settings, ClientQuota quota) {
        this(placements, groups, servers, panel, notifier, settings, quota, ClientLimits.paidOnly(settings));
    }

    /** @param limits the limits a client is created with (a trial key's own, else its tariff's or the operator's) */
    public KeyPlacing(Placements placements, ServerGroups groups, Servers servers, VpnPanel panel, Notifier notifier,
                      PurchaseSettings settings, ClientQuota quota, ClientLimits limits) {
        this.limits = limits;
        this.quota = quota;
        this.placements = placements;
        this.groups = groups;
        this.servers = servers;
        this.panel = panel;
        this.notifier = notifier;
        this.settings = settings;
    }

    /**
     * Inside the grant's transaction: the servers a new key goes on. A one-location tariff: the
     * server the order names. A group tariff: that server when the group includes it (it stays the
     * key's home), then every other server of the group that is switched on.
     */
    public List<ServerId> locationsFor(TariffId tariff, ServerId chosen) {
        Optional<ServerGroup> group = groups.groupOfTariff(tariff).flatMap(groups::find);
        if (group.isEmpty()) return List.of(chosen);
        Set<ServerId> wanted = new LinkedHashSet<>();
        List<Server> active = group.get().activeServers(servers.all());
        if (active.stream().anyMatch(s -> s.id().equals(chosen))) wanted.add(chosen);
        active.forEach(s -> wanted.add(s.id()));
        if (wanted.isEmpty()) wanted.add(chosen); // every server of the group is off: the key still lives on the chosen one
        return List.copyOf(wanted);
    }

    /** Inside the grant's transaction: the key's placements written down as pending, and its group. */
    public void plan(VpnKey key, List<ServerId> locations, Optional<ServerGroupId> group, Instant now) {
        group.ifPresent(g -> placements.assignGroup(key.id(), g));
        for (ServerId server : locations) placements.addIfMissing(Placement.pending(key, server, now));
    }

    /** The group the tariff covers, if any. */
    public Optional<ServerGroupId> groupOf(TariffId tariff) {
        return groups.groupOfTariff(tariff);
    }

    /** Makes sure a key has at least its home placement (keys made before placements, or by older code). */
    public void ensureHome(VpnKey key, Instant now) {
        if (placements.find(key.id(), key.serverId()).isEmpty() && placements.of(key.id()).isEmpty()) {
            Placement home = Placement.pending(key, key.serverId(), now);
            placements.addIfMissing(key.links() != null ? home.activated(key.links()) : home);
        }
    }

    /** What came of putting a key on several panels: the links per server that worked, and what failed. */
    public record Outcome(List<Created> created, List<Failed> failed) {
        public Outcome {
            created = List.copyOf(created);
            failed = List.copyOf(failed);
        }
    }

    public record Created(ServerId server, KeyLinks links) {}

    public record Failed(ServerId server, RuntimeException cause) {}

    /** Creates (or adopts) the key's client on each of the given placements' servers; one failing does not stop the others. */
    public Outcome create(VpnKey key, List<Placement> pending) {
        return create(key, pending, TariffLimits.NONE);
    }

    /** As {@link #create(VpnKey, List)}, the clients made with the tariff's limits. */
    public Outcome create(VpnKey key, List<Placement> pending, TariffLimits limits) {
        List<Created> created = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        for (Placement p : pending) {
            try {
                created.add(new Created(p.server(), createOn(server(p.server()), key, limits)));
            } catch (RuntimeException e) { // unreachable, refused or garbage: this location waits, the others go on
                failed.add(new Failed(p.server(), e));
            }
        }
        return new Outcome(created, failed);
    }

    /** The client as our database describes it, on one server; copies left by a retried add are removed and admins told. */
    public KeyLinks createOn(Server server, VpnKey key) {
        return createOn(server, key, TariffLimits.NONE);
    }

    KeyLinks createOn(Server server, VpnKey key, TariffLimits limits) {
        PanelRepair repair = panel.repairClient(server, newClient(key, limits));
        if (repair.fixes().contains(PanelRepair.Fix.DUPLICATES_REMOVED)) {
            notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.PANEL_DRIFT_REPAIRED, "server " + server.name()
                    + ": the panel held more than one copy of client " + key.client().email() + " (key " + key.id().value()
                    + "); the extra copies were removed and the client set to the paid expiry " + key.expiresAt()));
        }
        return repair.links();
    }

    /**
     * Renewal: every active placement's panel gets the key's expiry (absolute, so repeating is
     * harmless); a client deleted after it expired is created again under the same identity.
     * Returns the links that changed (recreated clients), by server. Throws when a panel fails: the
     * renewal's job is retried until every location agrees with the database.
     *
     * <p>Rule: a server switched off is left alone unless it is the key's home (a one-location key
     * is renewed on its own server, as always); the drift repair, which also walks switched-off
     * servers, brings its expiry up to date, so a dead switched-off server never holds up a renewal.
     */
    public List<Created> extend(VpnKey key) {
        return extend(key, TariffLimits.NONE);
    }

    /**
     * As {@link #extend(VpnKey)}; with a quota port, the tariff's limits go on each client again and
     * its traffic starts from zero (a renewal is a new period: a key whose traffic ran out works again).
     */
    public List<Created> extend(VpnKey key, TariffLimits limits) {
        List<Created> recreated = new ArrayList<>();
        for (Placement p : placements.of(key.id())) {
            if (!p.isActive()) continue;
            Optional<Server> server = servers.find(p.server());
            if (server.isEmpty()) continue; // retired: nothing left to extend there
            if (!server.get().active() && !p.server().equals(key.serverId())) continue;
            try {
                panel.setExpiry(server.get(), key.client(), key.expiresAt());
                renewLimits(server.get(), key, limits);
            } catch (PanelException e) {
                if (e.kind() != PanelFault.CLIENT_NOT_FOUND) throw e;
                recreated.add(new Created(p.server(), createOn(server.get(), key, limits)));
            }
        }
        return recreated;
    }

    /** Sets the key's expiry again on every active placement (a concurrent renewal moved it after we wrote). */
    public void setExpiryEverywhere(VpnKey key) {
        for (Placement p : placements.of(key.id())) {
            if (!p.isActive()) continue;
            servers.find(p.server()).filter(s -> s.active() || s.id().equals(key.serverId()))
                    .ifPresent(s -> panel.setExpiry(s, key.client(), key.expiresAt()));
        }
    }

    /**
     * A traffic pack: every active placement's client gets its tariff's quota plus {@code extraGb}
     * (absolute, so repeating is harmless). A key without a quota has nothing to raise.
     */
    public void raiseQuota(VpnKey key, TariffLimits base, int extraGb) {
        long baseBytes = base.totalBytesOr(settings.totalBytes());
        if (quota == null || baseBytes == 0) return;
        long total = baseBytes + extraGb * TariffLimits.BYTES_PER_GB;
        for (Placement p : placements.of(key.id())) {
            if (!p.isActive()) continue;
            servers.find(p.server()).filter(s -> s.active() || s.id().equals(key.serverId()))
                    .ifPresent(s -> quota.setLimits(s, key.client(), base.devicesOr(settings.limitIp()), total));
        }
    }

    /** A failed attempt at a placement: its next one backs off; admins hear once when it keeps failing. */
    public void failed(VpnKey key, Failed failure, Instant now, int attemptsBefore) {
        int attempts = placements.attemptFailed(key.id(), failure.server(), now.plus(backoff(attemptsBefore + 1)));
        if (attempts == ALERT_AFTER) {
            String server = servers.find(failure.server()).map(Server::name).orElse("#" + failure.server().value());
            notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.FULFILMENT_FAILING, "key " + key.id().value() + " is still not on server "
                    + server + " after " + attempts + " attempts: " + failure.cause().getMessage()));
        }
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_RETRY;
        for (int i = 1; i < attempts && d.compareTo(MAX_RETRY) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    Server server(ServerId id) {
        return servers.find(id).orElseThrow(() -> new PanelException(PanelFault.INBOUND_NOT_FOUND, "server " + id + " no longer exists"));
    }

    private void renewLimits(Server server, VpnKey key, TariffLimits limits) {
        if (quota == null) return;
        long totalBytes = limits.totalBytesOr(settings.totalBytes());
        quota.setLimits(server, key.client(), limits.devicesOr(settings.limitIp()), totalBytes);
        if (totalBytes > 0) quota.resetTraffic(server, key.client());
    }

    NewPanelClient newClient(VpnKey key, TariffLimits tariff) {
        return limits.client(key.client(), key, tariff);
    }
}
