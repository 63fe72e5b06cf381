package dev.vpnbot.adapter.telegram.shop.growth;

import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase.Invitations;

/** "Invite friends": the user's start link, how many came through it, and the days it earned. */
final class InviteScreen {
    private final InviteFriendsUseCase invite;

    InviteScreen(InviteFriendsUseCase invite) {
        this.invite = invite;
    }

    void show(Interaction ix) {
        Texts t = ix.texts();
        Invitations mine = invite.invitations(ix.userId());
        ix.show(View.of(mine.rewardPercent() > 0 ? discountText(t, mine)
                        : t.html("invite.text", mine.rewardDays(), mine.link(), mine.invited(), mine.rewarded(), mine.daysEarned()))
                .row(Button.copy(t.label("invite.button.copy"), mine.link()))
                .row(MainMenu.back(t)));
    }

    /** The operator chose a discount: the text says how much, and lists the codes earned (each one's own line, to copy). */
    private static String discountText(Texts t, Invitations mine) {
        StringBuilder text = new StringBuilder(t.html("invite.discount.text", mine.rewardPercent(), mine.link(), mine.invited(),
                mine.rewarded()));
        for (String code : mine.rewardCodes()) text.append('\n').append(t.html("invite.discount.code", code, mine.rewardPercent()));
        return text.toString();
    }
}
