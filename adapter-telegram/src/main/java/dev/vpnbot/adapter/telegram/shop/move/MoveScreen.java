package dev.vpnbot.adapter.telegram.shop.move;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase.Destination;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase.MoveKeyCommand;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase.Options;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase.Outcome;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase.Reason;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.server.ServerId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * "Change location" (docs/MOVES.md): the locations with room → confirm → the key card with the new
 * raw link and QR code. Every check is the use case's, made again when the button is pressed: a
 * button for somebody else's key, a full or switched-off server, an expired key are refused there
 * with a clear message and nothing changes.
 */
public final class MoveScreen {

    /** Sends the key card of the user's key under the given headline (the shop's own card). */
    @FunctionalInterface
    public interface Card {
        void send(Interaction ix, KeyId key, String headlineKey);
    }

    private final MoveKeyUseCase moves;
    private final Card card;

    public MoveScreen(MoveKeyUseCase moves, Card card) {
        this.moves = moves;
        this.card = card;
    }

    /** Where the key may go. */
    public void choose(Interaction ix, KeyId key) {
        Texts t = ix.texts();
        Options options = moves.options(ix.userId(), key);
        if (options instanceof Options.Refused refused) {
            refused(ix, key, refused.reason(), refused.nextAllowed());
            return;
        }
        Options.Offered offered = (Options.Offered) options;
        View view = View.of(t.html("move.title", offered.currentName()) + "\n\n"
                + t.html(offered.destinations().isEmpty() ? "move.none" : "move.choose"));
        for (Destination d : offered.destinations()) {
            view.row(Button.callback(t.label("move.button.server", d.name()), CallbackData.of(Action.KEY_MOVE_CONFIRM, key.value(), d.server().value())));
        }
        ix.show(view.row(back(t, key), MainMenu.back(t)));
    }

    /** Asks before moving: what changes for the user. */
    public void confirm(Interaction ix, KeyId key, ServerId target) {
        Texts t = ix.texts();
        Options options = moves.options(ix.userId(), key);
        if (options instanceof Options.Refused refused) {
            refused(ix, key, refused.reason(), refused.nextAllowed());
            return;
        }
        Options.Offered offered = (Options.Offered) options;
        Optional<Destination> to = offered.destinations().stream().filter(d -> d.server().equals(target)).findFirst();
        if (to.isEmpty()) {
            refused(ix, key, offered.key().serverId().equals(target) ? Reason.SAME_SERVER : Reason.TARGET_FULL, null);
            return;
        }
        ix.show(View.of(t.html("move.confirm", offered.currentName(), to.get().name()))
                .row(Button.callback(t.label("move.button.confirm"), CallbackData.of(Action.KEY_MOVE_TO, key.value(), target.value())))
                .row(Button.callback(t.label("button.back"), CallbackData.of(Action.KEY_MOVE, key.value())), MainMenu.back(t)));
    }

    /** Moves the key; the new card follows as a message of its own. */
    public void move(Interaction ix, KeyId key, ServerId target) {
        Texts t = ix.texts();
        Outcome outcome = moves.move(new MoveKeyCommand(ix.userId(), key, target));
        if (outcome instanceof Outcome.Moved) {
            card.send(ix, key, "move.done");
            ix.finish();
        } else if (outcome instanceof Outcome.Pending pending) {
            ix.show(View.of(t.html("move.pending", pending.targetName())).row(back(t, key), MainMenu.back(t)));
        } else {
            Outcome.Refused refused = (Outcome.Refused) outcome;
            refused(ix, key, refused.reason(), refused.nextAllowed());
        }
    }

    private static void refused(Interaction ix, KeyId key, Reason reason, Instant nextAllowed) {
        Texts t = ix.texts();
        String text = reason == Reason.LIMIT_REACHED && nextAllowed != null
                ? t.html("move.refused.limit_reached", t.date(nextAllowed, ix.zone()))
                : t.html("move.refused." + reason.name().toLowerCase(Locale.ROOT));
        View view = View.of(text);
        if (reason != Reason.KEY_NOT_FOUND) view.row(back(t, key));
        ix.show(view.row(MainMenu.back(t)));
    }

    private static Button back(Texts t, KeyId key) {
        return Button.callback(t.label("button.back"), CallbackData.of(Action.KEY, key.value()));
    }
}
