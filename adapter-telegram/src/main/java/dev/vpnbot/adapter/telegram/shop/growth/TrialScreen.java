package dev.vpnbot.adapter.telegram.shop.growth;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.growth.StartTrialUseCase;

/** The free trial: what it is, the button that takes it, and why not when it cannot be had. */
final class TrialScreen {
    private final StartTrialUseCase trial;

    TrialScreen(StartTrialUseCase trial) {
        this.trial = trial;
    }

    void show(Interaction ix) {
        Texts t = ix.texts();
        if (!trial.offered(ix.userId())) {
            ix.show(View.of(t.html("refusal.TRIAL_ALREADY_USED")).row(buy(t)).row(MainMenu.back(t)));
            return;
        }
        ix.show(View.of(t.html("trial.text"))
                .row(Button.callback(t.label("trial.button.take"), CallbackData.of(Action.TRIAL_TAKE)))
                .row(MainMenu.back(t)));
    }

    void take(Interaction ix) {
        Texts t = ix.texts();
        try {
            trial.start(ix.userId());
        } catch (Refusal refusal) {
            View view = View.of(Html.escape(t.label("refusal." + refusal.reason().name())));
            String channel = trial.channel();
            if (refusal.reason() == Refusal.Reason.TRIAL_NEEDS_CHANNEL && channel != null && channel.startsWith("@")) {
                view.row(Button.url(t.label("trial.button.channel"), "https://t.me/" + channel.substring(1)));
                view.row(Button.callback(t.label("trial.button.again"), CallbackData.of(Action.TRIAL_TAKE)));
            }
            ix.show(view.row(buy(t)).row(MainMenu.back(t)));
            return;
        }
        ix.show(View.of(t.html("trial.started"))
                .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)))
                .row(MainMenu.back(t)));
    }

    private static Button buy(Texts t) {
        return Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY));
    }
}
