package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.admin.BanHolds;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bans and unbans users: records first (one transaction), then the panels, reporting keys a panel did not take. */
public final class UserBans implements BanUsersUseCase {
    private final Admins admins;
    private final Admins unbannable;
    private final Users users;
    private final Keys keys;
    private final Transactions transactions;
    private final KeySwitch keySwitch;
    private final BanHolds holds;
    private final Clock clock;

    /**
     * @param admins     who may ban
     * @param unbannable who cannot be banned: the bot's admins (the operator's console bans, but never an admin)
     * @param holds      which keys a ban switched off, so the unban switches on only those
     */
    public UserBans(Admins admins, Admins unbannable, Users users, Keys keys, Servers servers, Transactions transactions, VpnPanel panel,
                    BanHolds holds, Clock clock) {
        this(admins, unbannable, users, keys, servers, transactions, panel, holds, clock, null);
    }

    /** @param placements a key's locations: its client is switched on every one; null: on its home server only */
    public UserBans(Admins admins, Admins unbannable, Users users, Keys keys, Servers servers, Transactions transactions, VpnPanel panel,
                    BanHolds holds, Clock clock, Placements placements) {
        this.holds = holds;
        this.clock = clock;
        this.admins = admins;
        this.unbannable = unbannable;
        this.users = users;
        this.keys = keys;
        this.transactions = transactions;
        this.keySwitch = new KeySwitch(panel, servers, placements);
    }

    @Override
    public BanReport ban(UserId actor, UserId userId) {
        admins.require(actor);
        if (unbannable.isAdmin(userId) || admins.isAdmin(userId)) throw new Refusal(Refusal.Reason.INVALID_INPUT, "an admin cannot be banned: remove them from ADMIN_IDS first");
        // the drift repair walks ACTIVE keys only, so a key switched off here stays off
        User banned = transactions.inTransaction(() -> {
            User user = existing(userId).withBanned(true);
            users.save(user);
            for (VpnKey key : keys.ofOwner(userId)) {
                if (key.status() != KeyStatus.ACTIVE) continue;
                keys.save(key.withStatus(KeyStatus.DISABLED));
                holds.hold(userId, key.id(), clock.instant());
            }
            return user;
        });
        // the panel switches off what this ban (or an earlier one, on a retry) holds, nothing else
        List<VpnKey> off = heldKeys(userId).stream().filter(k -> k.status() == KeyStatus.DISABLED).toList();
        KeySwitch.Outcome outcome = keySwitch.turn(off, false);
        return new BanReport(banned, outcome.switched(), outcome.failed());
    }

    @Override
    public BanReport unban(UserId actor, UserId userId) {
        admins.require(actor);
        List<VpnKey> restored = new ArrayList<>();
        User unbanned = transactions.inTransaction(() -> {
            User user = existing(userId).withBanned(false);
            users.save(user);
            // only the keys the ban switched off: a key refunded (or otherwise disabled) stays off
            for (VpnKey key : heldKeys(userId)) {
                if (key.status() != KeyStatus.DISABLED) continue;
                VpnKey on = key.withStatus(KeyStatus.ACTIVE);
                keys.save(on);
                restored.add(on);
            }
            holds.release(userId);
            return user;
        });
        KeySwitch.Outcome outcome = keySwitch.turn(restored, true);
        return new BanReport(unbanned, outcome.switched(), outcome.failed());
    }

    private List<VpnKey> heldKeys(UserId userId) {
        return holds.heldFor(userId).stream().map(keys::find).flatMap(Optional::stream).toList();
    }

    private User existing(UserId userId) {
        return users.find(userId).orElseThrow(() -> new Refusal(Refusal.Reason.USER_NOT_FOUND, "user " + userId));
    }
}
