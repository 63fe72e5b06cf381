package dev.vpnbot.application.service.move;

import dev.vpnbot.application.port.in.move.MoveKeyUseCase;
import dev.vpnbot.application.port.in.move.RunKeyMovesUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.move.KeyMoves;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.fulfilment.KeyPlacing;
import dev.vpnbot.domain.move.KeyMove;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/** Moving keys between servers, put together: the buyer's "Change location" and the move job (docs/MOVES.md). */
public final class Moves {
    private final MoveRequests requests;
    private final MoveWorker worker;
    private final KeyMoving buyer;

    /** The ports moves need. */
    public record Ports(Keys keys, Placements placements, Servers servers, LinkResets resets, KeyMoves moves, KeyPlacing placing,
                        VpnPanel panel, Transactions transactions, Clock clock) {
        public Ports {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(placements, "placements");
            Objects.requireNonNull(servers, "servers");
            Objects.requireNonNull(resets, "resets");
            Objects.requireNonNull(moves, "moves");
            Objects.requireNonNull(placing, "placing");
            Objects.requireNonNull(panel, "panel");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** @param landed hears of every move whose key now lives on its target (an evacuation's notice; may be a no-op) */
    public Moves(Ports p, MoveSettings settings, Consumer<KeyMove> landed) {
        this.requests = new MoveRequests(p.keys(), p.placements(), p.servers(), p.resets(), p.moves(), settings);
        MoveSteps steps = new MoveSteps(p.keys(), p.placements(), p.servers(), p.resets(), p.moves(), p.placing(), p.panel(),
                p.transactions(), p.clock(), settings);
        this.worker = new MoveWorker(p.moves(), steps, p.clock(), settings, landed);
        this.buyer = new KeyMoving(p.keys(), p.servers(), p.moves(), requests, worker, p.transactions(), p.clock(), settings);
    }

    public MoveKeyUseCase buyer() {
        return buyer;
    }

    public RunKeyMovesUseCase worker() {
        return worker;
    }

    MoveRequests requests() {
        return requests;
    }

    MoveWorker steps() {
        return worker;
    }
}
