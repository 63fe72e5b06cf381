package dev.vpnbot.adapter.telegram.shop.growth;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase.FollowLinkCommand;
import dev.vpnbot.application.port.in.growth.StartTrialUseCase;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buyer's growth screens as the shop sees them: the free trial and "Invite friends", their
 * buttons in the main menu (the trial's only while it is on and not yet taken), and start links.
 */
public final class GrowthScreens implements MainMenu.Extras {
    private static final Logger LOG = LoggerFactory.getLogger(GrowthScreens.class);

    private final StartTrialUseCase trial;
    private final InviteFriendsUseCase invite;
    private final TrialScreen trialScreen;
    private final InviteScreen inviteScreen;

    /**
     * @param trial  null: no free trial
     * @param invite null: no referrals
     */
    public GrowthScreens(StartTrialUseCase trial, InviteFriendsUseCase invite, boolean referralsOn) {
        this.trial = trial;
        this.invite = referralsOn ? invite : null;
        this.trialScreen = trial == null ? null : new TrialScreen(trial);
        this.inviteScreen = this.invite == null ? null : new InviteScreen(this.invite);
    }

    /** Adds the growth buttons to the dispatcher's table; without the feature they say so. */
    public void route(Map<Action, BiConsumer<Interaction, CallbackData>> buttons) {
        buttons.put(Action.TRIAL, (ix, d) -> whenOn(ix, trialScreen != null, () -> trialScreen.show(ix)));
        buttons.put(Action.TRIAL_TAKE, (ix, d) -> whenOn(ix, trialScreen != null, () -> trialScreen.take(ix)));
        buttons.put(Action.INVITE, (ix, d) -> whenOn(ix, inviteScreen != null, () -> inviteScreen.show(ix)));
        buttons.put(Action.REWARD_KEYS, (ix, d) -> whenOn(ix, inviteScreen != null, () -> inviteScreen.keys(ix)));
        buttons.put(Action.REWARD_KEY_SET, (ix, d) -> whenOn(ix, inviteScreen != null, () -> inviteScreen.choose(ix, d.id(0))));
    }

    private static void whenOn(Interaction ix, boolean on, Runnable screen) {
        if (on) {
            screen.run();
        } else {
            ix.show(dev.vpnbot.adapter.telegram.bot.View.of(ix.texts().html("growth.off")).row(MainMenu.back(ix.texts())));
        }
    }

    /**
     * A /start with a parameter: an invitation is recorded when every rule allows it; anything
     * else (garbage, too long, somebody else's kind of link) is ignored and /start goes on as usual.
     *
     * @param newcomer the bot had never seen this user before this /start
     */
    public void started(Interaction ix, String payload, boolean newcomer) {
        if (invite == null || payload == null || payload.isEmpty()) return;
        try {
            invite.followLink(new FollowLinkCommand(ix.userId(), payload, newcomer));
        } catch (RuntimeException e) {
            LOG.warn("start link of user {} not recorded", ix.userId(), e);
        }
    }

    @Override
    public List<Button> above(Interaction ix) {
        if (trial == null || !trial.offered(ix.userId())) return List.of();
        return List.of(Button.callback(ix.texts().label("menu.trial"), CallbackData.of(Action.TRIAL)));
    }

    @Override
    public List<Button> below(Interaction ix) {
        if (invite == null) return List.of();
        return List.of(Button.callback(ix.texts().label("menu.invite"), CallbackData.of(Action.INVITE)));
    }
}
