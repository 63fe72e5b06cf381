package dev.vpnbot.application.service.move;

import dev.vpnbot.application.model.move.EvacuationProgress;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.move.Evacuations;
import dev.vpnbot.application.port.out.move.KeyMoves;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.move.Evacuation;
import dev.vpnbot.domain.move.MoveOrigin;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * "Evacuate server X" (docs/MOVES.md). Starting switches X off for sales and writes the evacuation
 * down; planning (the job) walks X's live keys in id order, a page at a time, keeping its place, and
 * writes a move per key (each in its own transaction with the ordinary move rules; a key that cannot
 * go is skipped with its reason); the move job moves them; when none is left to land, the admins get
 * the report, once.
 */
public final class ServerEvacuation implements EvacuateServerUseCase {
    private static final Logger LOG = Logger.getLogger(ServerEvacuation.class.getName());
    static final int PAGE = 200;

    private final Admins admins;
    private final Servers servers;
    private final Keys keys;
    private final KeyMoves moves;
    private final Evacuations evacuations;
    private final MoveRequests requests;
    private final Transactions transactions;
    private final Notifier notifier;
    private final Clock clock;

    public ServerEvacuation(Moves movesService, Admins admins, Servers servers, Keys keys, KeyMoves moves, Evacuations evacuations,
                            Transactions transactions, Notifier notifier, Clock clock) {
        this.requests = movesService.requests();
        this.admins = admins;
        this.servers = servers;
        this.keys = keys;
        this.moves = moves;
        this.evacuations = evacuations;
        this.transactions = transactions;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public Started start(UserId admin, ServerId server, ServerId target) {
        admins.require(admin);
        if (server.equals(target)) return new Started.Refused(Reason.SAME_SERVER);
        Optional<Server> from = servers.find(server);
        if (from.isEmpty()) return new Started.Refused(Reason.SERVER_NOT_FOUND);
        if (target != null && servers.find(target).filter(Server::active).isEmpty()) return new Started.Refused(Reason.TARGET_UNAVAILABLE);
        Optional<Evacuation> started = transactions.inTransaction(() -> {
            Optional<Evacuation> e = evacuations.start(server, target, admin, clock.instant());
            if (e.isPresent() && from.get().active()) servers.save(from.get().withActive(false)); // no new keys while it empties
            return e;
        });
        if (started.isEmpty()) return new Started.Refused(Reason.ALREADY_UNDER_WAY);
        LOG.info(() -> "evacuation " + started.get().id() + " of server " + server + " to " + (target == null ? "auto" : target));
        return new Started.Evacuating(started.get());
    }

    @Override
    public Optional<Report> report(UserId admin, long evacuation) {
        admins.require(admin);
        return evacuations.find(evacuation).map(this::report);
    }

    @Override
    public Optional<Report> latest(UserId admin, ServerId server) {
        admins.require(admin);
        return evacuations.latestOf(server).map(this::report);
    }

    private Report report(Evacuation e) {
        String name = servers.find(e.server()).map(Server::name).orElse("#" + e.server());
        return new Report(e, name, evacuations.progress(e.id()));
    }

    @Override
    public MoveFigures figures(UserId admin, int days) {
        admins.require(admin);
        Instant now = clock.instant();
        java.time.LocalDate today = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        Instant from = today.minusDays(days - 1L).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.util.Map<java.time.LocalDate, Integer> buyers = new java.util.TreeMap<>();
        java.util.Map<java.time.LocalDate, Integer> evacuated = new java.util.TreeMap<>();
        moves.perDay(from, now.plusMillis(1)).forEach((day, byOrigin) -> {
            buyers.put(day, byOrigin.getOrDefault(MoveOrigin.BUYER.name(), 0));
            evacuated.put(day, byOrigin.getOrDefault(MoveOrigin.EVACUATION.name(), 0));
        });
        List<Report> recent = evacuations.startedBetween(from, now.plusMillis(1), 5).stream().map(this::report).toList();
        return new MoveFigures(buyers, evacuated, recent);
    }

    @Override
    public int runDue() {
        int planned = 0;
        for (Evacuation e : evacuations.unfinished()) {
            if (e.phase() == Evacuation.Phase.PLANNING) planned += plan(e);
            else finishIfLanded(e);
        }
        return planned;
    }

    /** Plans every key left on the server, page by page; the cursor is kept after each key. */
    private int plan(Evacuation e) {
        int planned = 0;
        KeyId after = e.cursor();
        List<VpnKey> page;
        do {
            page = keys.activeOn(e.server(), clock.instant(), after, PAGE);
            for (VpnKey key : page) {
                after = key.id();
                planOne(e, key);
                evacuations.planned(e.id(), key.id());
                planned++;
            }
        } while (page.size() == PAGE);
        evacuations.planningDone(e.id());
        return planned;
    }

    private void planOne(Evacuation e, VpnKey key) {
        if (!key.serverId().equals(e.server())) {
            evacuations.skipped(e.id(), key.id(), "MULTI_LOCATION"); // a group key: the server left its subscription when switched off
            return;
        }
        // planned already by a process that died before it kept its place
        if (moves.underWay(key.id()).filter(m -> m.evacuation() != null && m.evacuation() == e.id()).isPresent()) return;
        Optional<ServerId> target = e.auto() ? leastLoaded(e.server()) : Optional.of(e.target());
        if (target.isEmpty()) {
            evacuations.skipped(e.id(), key.id(), "NO_SERVER_WITH_ROOM");
            return;
        }
        Instant now = clock.instant();
        MoveRequests.Decision d = transactions.inTransaction(() ->
                requests.request(key.id(), target.get(), null, MoveOrigin.EVACUATION, e.id(), now, now));
        if (d.move() == null) evacuations.skipped(e.id(), key.id(), d.refusal().name());
    }

    /** The switched-on server (not the one emptied) with the smallest share of its capacity taken (its load counts the moves onto it not landed yet). */
    private Optional<ServerId> leastLoaded(ServerId emptied) {
        record Room(Server server, int taken) {}
        return servers.all().stream()
                .filter(s -> s.active() && !s.id().equals(emptied))
                .map(s -> new Room(s, s.activeKeys()))
                .filter(r -> r.taken() < r.server().maxClients())
                .min(Comparator.comparingDouble((Room r) -> (double) r.taken() / r.server().maxClients())
                        .thenComparingLong(r -> r.server().id().value()))
                .map(r -> r.server().id());
    }

    private void finishIfLanded(Evacuation e) {
        EvacuationProgress progress = evacuations.progress(e.id());
        if (progress.waiting() > 0) return;
        if (!evacuations.finish(e.id(), clock.instant())) return;
        Report report = report(evacuations.find(e.id()).orElseThrow());
        notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.EVACUATION_FINISHED, text(report)));
    }

    /** The final report: moved, failed with reasons, skipped with reasons. */
    static String text(Report r) {
        EvacuationProgress p = r.progress();
        StringBuilder s = new StringBuilder("evacuation " + r.evacuation().id() + " of server " + r.serverName() + " finished: moved "
                + p.moved() + ", failed " + p.failed() + ", skipped " + p.skipped());
        p.skipReasons().forEach((reason, n) -> s.append("\nskipped ").append(reason).append(": ").append(n));
        p.failures().forEach(f -> s.append("\nfailed ").append(f));
        return s.toString();
    }
}
