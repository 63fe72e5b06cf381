package dev.vpnbot.adapter.telegram.shop.growth;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase.Invitations;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase.RewardKey;
import dev.vpnbot.domain.key.KeyId;

/** "Invite friends": the user's start link, how many came through it, and the days it earned. */
final class InviteScreen {
    private final InviteFriendsUseCase invite;

    InviteScreen(InviteFriendsUseCase invite) {
        this.invite = invite;
    }

    void show(Interaction ix) {
        Texts t = ix.texts();
        Invitations mine = invite.invitations(ix.userId());
        View view = View.of(mine.rewardPercent() > 0 ? discountText(t, mine)
                        : t.html("invite.text", mine.rewardDays(), mine.link(), mine.invited(), mine.rewarded(), mine.daysEarned()))
                .row(Button.copy(t.label("invite.button.copy"), mine.link()));
        if (!invite.rewardKeys(ix.userId()).isEmpty()) {
            view = view.row(Button.callback(t.label("invite.button.reward_key"), CallbackData.of(Action.REWARD_KEYS)));
        }
        ix.show(view.row(MainMenu.back(t)));
    }

    /** The keys the days can go to, the one that gets them marked. */
    void keys(Interaction ix) {
        Texts t = ix.texts();
        View view = View.of(t.html("invite.reward_keys"));
        for (RewardKey key : invite.rewardKeys(ix.userId())) {
            view = view.row(Button.callback(t.label(key.chosen() ? "invite.reward_key.chosen" : "invite.reward_key", String.valueOf(key.key().value()),
                    t.date(key.expiresAt(), ix.zone())), CallbackData.of(Action.REWARD_KEY_SET, key.key().value())));
        }
        ix.show(view.row(Button.callback(t.label("invite.button.back"), CallbackData.of(Action.INVITE))));
    }

    void choose(Interaction ix, long key) {
        try {
            invite.chooseRewardKey(ix.userId(), new KeyId(key));
        } catch (Refusal refused) {
            ix.show(View.of(ix.texts().html("invite.reward_key.refused")).row(MainMenu.back(ix.texts())));
            return;
        }
        show(ix);
    }

    /** The operator chose a discount: the text says how much, and lists the codes earned (each one's own line, to copy). */
    private static String discountText(Texts t, Invitations mine) {
        StringBuilder text = new StringBuilder(t.html("invite.discount.text", mine.rewardPercent(), mine.link(), mine.invited(),
                mine.rewarded()));
        for (String code : mine.rewardCodes()) text.append('\n').append(t.html("invite.discount.code", code, mine.rewardPercent()));
        return text.toString();
    }
}
