package dev.vpnbot.application.service.move;

import dev.vpnbot.application.port.in.move.MoveKeyUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.move.KeyMoves;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.move.KeyMove;
import dev.vpnbot.domain.move.MoveOrigin;
import dev.vpnbot.domain.move.MoveState;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * "Change location": the owner's key moves to another server. The move is written down (step 1)
 * and its next steps are done at once, so the buyer gets the new link in the same answer; a
 * target panel that does not answer leaves it to the move job (the key keeps working meanwhile).
 */
final class KeyMoving implements MoveKeyUseCase {
    private static final Logger LOG = Logger.getLogger(KeyMoving.class.getName());

    private final Keys keys;
    private final Servers servers;
    private final KeyMoves moves;
    private final MoveRequests requests;
    private final MoveWorker worker;
    private final Transactions transactions;
    private final Clock clock;
    private final MoveSettings settings;

    KeyMoving(Keys keys, Servers servers, KeyMoves moves, MoveRequests requests, MoveWorker worker, Transactions transactions,
              Clock clock, MoveSettings settings) {
        this.keys = keys;
        this.servers = servers;
        this.moves = moves;
        this.requests = requests;
        this.worker = worker;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Options options(UserId requester, dev.vpnbot.domain.key.KeyId keyId) {
        Optional<VpnKey> found = keys.find(keyId).filter(k -> k.belongsTo(requester));
        if (found.isEmpty()) return new Options.Refused(Reason.KEY_NOT_FOUND, null);
        VpnKey key = found.get();
        Instant now = clock.instant();
        Optional<Reason> refusal = requests.keyRefusal(key, now);
        if (refusal.isPresent()) return new Options.Refused(refusal.get(), null);
        Optional<Instant> next = settings.limit().nextAllowed(moves.buyerMovesSince(keyId, now.minus(dev.vpnbot.domain.move.MoveLimit.WINDOW)), now);
        if (next.isPresent()) return new Options.Refused(Reason.LIMIT_REACHED, next.get());
        List<Server> all = servers.all();
        String current = all.stream().filter(s -> s.id().equals(key.serverId())).map(Server::name).findFirst().orElse("#" + key.serverId());
        List<Destination> destinations = all.stream()
                .filter(s -> s.active() && !s.id().equals(key.serverId()))
                .map(s -> new Destination(s.id(), s.name(), s.maxClients() - s.activeKeys()))
                .filter(d -> d.freeSlots() > 0)
                .sorted(Comparator.comparingLong(d -> d.server().value()))
                .toList();
        return new Options.Offered(key, current, destinations);
    }

    @Override
    public Outcome move(MoveKeyCommand command) {
        Instant now = clock.instant();
        MoveRequests.Decision decision = transactions.inTransaction(() -> requests.request(command.key(), command.target(),
                command.requester(), MoveOrigin.BUYER, null, now, now.plus(settings.lease())));
        if (decision.move() == null) return new Outcome.Refused(decision.refusal(), decision.nextAllowed());
        KeyMove requested = decision.move();
        String targetName = servers.find(command.target()).map(Server::name).orElse("#" + command.target());
        LOG.info(() -> "move " + requested.id() + ": key " + requested.key() + " from server " + requested.from() + " to " + requested.to());
        worker.advance(requested);
        KeyMove after = moves.find(requested.id()).orElseThrow();
        if (after.state() == MoveState.REQUESTED || after.state() == MoveState.FAILED) return new Outcome.Pending(after, targetName);
        return new Outcome.Moved(keys.find(command.key()).orElseThrow(), targetName, after);
    }
}
