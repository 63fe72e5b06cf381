package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/**
 * Use case (admins only): ban and unban a user. A banned user's updates are ignored but for a
 * short notice, nothing is sold to them, and their keys are switched off: in our records first
 * (so the drift repair leaves them off), then on the panels. Admins cannot be banned.
 */
public interface BanUsersUseCase {

    /**
     * What a ban or an unban did on the panels.
     *
     * @param switched    keys switched off (ban) or on (unban) on their panels
     * @param panelFailed keys whose panel could not be reached or refused: banning (or unbanning) again retries them
     */
    record BanReport(User user, List<KeyId> switched, List<KeyId> panelFailed) {
        public BanReport {
            switched = List.copyOf(switched);
            panelFailed = List.copyOf(panelFailed);
        }
    }

    /** By Telegram id; banning a banned user again retries the panels. */
    BanReport ban(UserId actor, UserId user);

    /** Lifts the ban and switches the keys the ban switched off back on. */
    BanReport unban(UserId actor, UserId user);
}
