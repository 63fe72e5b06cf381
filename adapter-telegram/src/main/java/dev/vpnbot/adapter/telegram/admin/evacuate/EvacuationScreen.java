package dev.vpnbot.adapter.telegram.admin.evacuate;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.model.move.EvacuationProgress;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase.Report;
import dev.vpnbot.application.port.in.move.EvacuateServerUseCase.Started;
import dev.vpnbot.domain.move.Evacuation;
import dev.vpnbot.domain.server.ServerId;
import java.util.Locale;
import java.util.Optional;

/**
 * "Evacuate" on the server card (docs/MOVES.md): what it does → confirm → the progress screen
 * (moved, waiting, failed, skipped with reasons; "Refresh"). The final report also reaches every
 * admin as an alert when the last move lands.
 */
public final class EvacuationScreen {
    private final EvacuateServerUseCase evacuations;

    public EvacuationScreen(EvacuateServerUseCase evacuations) {
        this.evacuations = evacuations;
    }

    /** The button for the server card. */
    public static Button button(Texts t, ServerId server) {
        return Button.callback(t.label("admin.evacuate.button"), CallbackData.of(Action.SERVER_EVACUATE, server.value()));
    }

    /** What an evacuation does; the latest one's progress when one is under way. */
    public void ask(Interaction ix, ServerId server) {
        Texts t = ix.texts();
        Optional<Report> latest = evacuations.latest(ix.userId(), server);
        if (latest.isPresent() && latest.get().evacuation().phase() != Evacuation.Phase.FINISHED) {
            progress(ix, server);
            return;
        }
        ix.show(View.of(t.html("admin.evacuate.ask"))
                .row(Button.callback(t.label("admin.evacuate.confirm"), CallbackData.of(Action.SERVER_EVACUATE_CONFIRMED, server.value())))
                .row(back(t, server)));
    }

    public void start(Interaction ix, ServerId server) {
        Started started = evacuations.start(ix.userId(), server, null);
        if (started instanceof Started.Refused refused && refused.reason() != EvacuateServerUseCase.Reason.ALREADY_UNDER_WAY) {
            Texts t = ix.texts();
            ix.show(View.of(t.html("admin.evacuate.refused." + refused.reason().name().toLowerCase(Locale.ROOT))).row(back(t, server)));
            return;
        }
        progress(ix, server);
    }

    /** The latest evacuation of the server, as far as it got. */
    public void progress(Interaction ix, ServerId server) {
        Texts t = ix.texts();
        Optional<Report> latest = evacuations.latest(ix.userId(), server);
        if (latest.isEmpty()) {
            ask(ix, server);
            return;
        }
        Report r = latest.get();
        EvacuationProgress p = r.progress();
        StringBuilder text = new StringBuilder(t.html("admin.evacuate.progress", r.evacuation().id(), r.serverName(),
                t.label("admin.evacuate.phase." + r.evacuation().phase().name().toLowerCase(Locale.ROOT)),
                p.moved(), p.waiting(), p.failed(), p.skipped()));
        p.skipReasons().forEach((reason, n) -> text.append('\n').append(t.html("admin.evacuate.skipped_line", reason, n)));
        p.failures().forEach(f -> text.append('\n').append(Html.escape("✖ " + f)));
        p.waitingErrors().forEach(f -> text.append('\n').append(Html.escape("⏳ " + f)));
        ix.show(View.of(text.toString())
                .row(Button.callback(t.label("admin.evacuate.refresh"), CallbackData.of(Action.EVACUATION, server.value())))
                .row(back(t, server)));
    }

    /** The statistics screen's lines: moves per day (buyers / evacuations), then the recent evacuations and their outcome. */
    public static String figures(Texts t, EvacuateServerUseCase.MoveFigures f) {
        StringBuilder text = new StringBuilder(t.html("admin.stats.moves"));
        if (f.buyerMoves().isEmpty()) text.append('\n').append(t.html("admin.stats.moves_none"));
        f.buyerMoves().forEach((day, n) -> text.append('\n').append(t.html("admin.stats.moves_day", day, n, f.evacuationMoves().get(day))));
        for (Report r : f.evacuations()) {
            EvacuationProgress p = r.progress();
            text.append('\n').append(t.html("admin.stats.evacuation", r.evacuation().id(), r.serverName(),
                    t.label("admin.evacuate.phase." + r.evacuation().phase().name().toLowerCase(Locale.ROOT)),
                    p.moved(), p.waiting(), p.failed(), p.skipped()));
        }
        return text.toString();
    }

    private static Button back(Texts t, ServerId server) {
        return Button.callback(t.label("button.back"), CallbackData.of(Action.SERVER, server.value()));
    }
}
