package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.domain.user.UserId;
import java.util.Set;

/** The operators: Telegram ids from configuration. Every admin use case asks here first. */
public record Admins(Set<UserId> ids) {

    public Admins {
        ids = Set.copyOf(ids);
    }

    public boolean isAdmin(UserId user) {
        return ids.contains(user);
    }

    /** Throws {@link Refusal.Reason#NOT_ADMIN} for anybody else, whatever button they pressed. */
    public void require(UserId actor) {
        if (actor == null || !isAdmin(actor)) {
            throw new Refusal(Refusal.Reason.NOT_ADMIN, "user " + actor + " is not an admin");
        }
    }
}
