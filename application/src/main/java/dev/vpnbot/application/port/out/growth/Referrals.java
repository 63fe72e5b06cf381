package dev.vpnbot.application.port.out.growth;

import dev.vpnbot.application.model.statistics.ReferralFigures;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.referral.Referral;
import dev.vpnbot.domain.referral.ReferralCode;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: invitation codes, who invited whom, and the rewards' state. */
public interface Referrals {

    Optional<UserId> ownerOf(ReferralCode code);

    Optional<ReferralCode> codeOf(UserId user);

    /** False when the user has a code already or the code is taken (the caller tries another). */
    boolean saveCode(UserId user, ReferralCode code, Instant at);

    /** Inserts a new invitation; false when the invited user has a referrer already (one, ever). */
    boolean record(Referral referral);

    Optional<Referral> findForUpdate(UserId invited);

    /** Updates an existing invitation. */
    void save(Referral referral);

    /**
     * Invited users whose reward has something to do: waiting with a paid order of theirs, granted
     * with the qualifying payment refunded, or a reversal whose panel step is still to do.
     */
    List<UserId> due(int limit);

    /** The user's first order paid with money (crypto or Stars), by payment time. */
    Optional<OrderId> firstPaidOrder(UserId user);

    /** A refund took back the order's payment. */
    boolean refunded(OrderId order);

    /** What a referrer sees: how many they invited, rewards in force and their days. */
    record Summary(long invited, long rewarded, long rewardDays) {}

    Summary summary(UserId referrer);

    /** The key the referrer chose for their days rewards, if any (it may no longer be usable). */
    Optional<dev.vpnbot.domain.key.KeyId> rewardKey(UserId referrer);

    /** Remembers the referrer's choice; false when the referrer has no invitation code yet. */
    boolean chooseRewardKey(UserId referrer, dev.vpnbot.domain.key.KeyId key);

    /** The discount codes issued to a referrer as rewards and not taken back, oldest first. */
    List<String> rewardCodes(UserId referrer);

    /** The admin's figures, all time. */
    ReferralFigures figures();
}
