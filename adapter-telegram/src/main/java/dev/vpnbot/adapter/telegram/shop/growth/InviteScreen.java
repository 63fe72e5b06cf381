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
        ix.show(View.of(t.html("invite.text", mine.rewardDays(), mine.link(), mine.invited(), mine.rewarded(), mine.daysEarned()))
                .row(Button.copy(t.label("invite.button.copy"), mine.link()))
                .row(MainMenu.back(t)));
    }
}
