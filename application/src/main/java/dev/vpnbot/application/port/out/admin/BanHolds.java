package dev.vpnbot.application.port.out.admin;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Outgoing port: the keys a ban switched off. An unban switches on these and only these, so a
 * key that was off for another reason (a refund) stays off. Joins the caller's transaction.
 */
public interface BanHolds {

    /** Records that the ban of {@code owner} switched {@code key} off; recording it again changes nothing. */
    void hold(UserId owner, KeyId key, Instant at);

    /** The keys bans of {@code owner} switched off and no unban has released yet, by id. */
    List<KeyId> heldFor(UserId owner);

    /** Forgets the keys held for {@code owner} (the unban switched them on). */
    void release(UserId owner);
}
