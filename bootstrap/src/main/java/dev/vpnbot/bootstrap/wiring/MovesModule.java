package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
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
import dev.vpnbot.application.service.move.MoveSettings;
import dev.vpnbot.application.service.move.Moves;
import dev.vpnbot.application.service.move.EvacuationNotices;
import dev.vpnbot.application.service.move.ServerEvacuation;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.move.Evacuations;
import dev.vpnbot.application.port.out.notify.MoveNews;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.bootstrap.config.AppConfig;
import java.time.Clock;

/** Moving keys between servers (docs/MOVES.md): the buyer's "Change location", evacuations and the move job. */
final class MovesModule extends AbstractModule {

    @Provides
    @Singleton
    MoveSettings moveSettings(AppConfig config) {
        return MoveSettings.defaults().withMovesPerDay(config.moves().perDay()).withDeleteDelay(config.moves().deleteDelay());
    }

    @Provides
    @Singleton
    Moves moves(Keys keys, Placements placements, Servers servers, LinkResets resets, KeyMoves moves, KeyPlacing placing, VpnPanel panel,
                Transactions tx, Clock clock, MoveSettings settings, Users users, SentNotifications ledger, MoveNews news) {
        return new Moves(new Moves.Ports(keys, placements, servers, resets, moves, placing, panel, tx, clock), settings,
                new EvacuationNotices(keys, users, servers, ledger, news));
    }

    @Provides
    @Singleton
    EvacuateServerUseCase evacuate(Moves moves, Admins admins, Servers servers, Keys keys, KeyMoves keyMoves, Evacuations evacuations,
                                   Transactions tx, Notifier notifier, Clock clock) {
        return new ServerEvacuation(moves, admins, servers, keys, keyMoves, evacuations, tx, notifier, clock);
    }

    @Provides
    @Singleton
    MoveKeyUseCase moveKey(Moves moves) {
        return moves.buyer();
    }

    @Provides
    @Singleton
    RunKeyMovesUseCase moveJob(Moves moves) {
        return moves.worker();
    }
}
