package dev.vpnbot.application.port.in.growth;

import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/** Use case: a user's invitation link and what it earned; a newcomer arrives through somebody's link. */
public interface InviteFriendsUseCase {

    /**
     * @param link       the start link to share
     * @param rewardDays    days each friend's first paid order adds to the user's key; 0 when the reward is a discount
     * @param rewardPercent the discount each friend's first paid order earns; 0 when the reward is days
     * @param rewardCodes   the discount codes earned and not taken back
     */
    record Invitations(String link, long invited, long rewarded, long daysEarned, int rewardDays, int rewardPercent,
                       List<String> rewardCodes) {
        public Invitations {
            rewardCodes = List.copyOf(rewardCodes);
        }
    }

    Invitations invitations(UserId user);

    /** A key the days reward can go to; {@code chosen}: it gets them (the user's choice, or by default the most recent). */
    record RewardKey(dev.vpnbot.domain.key.KeyId key, java.time.Instant expiresAt, boolean chosen) {}

    /** The user's keys their days rewards can go to; empty when the reward is not days. */
    List<RewardKey> rewardKeys(UserId user);

    /** The user picks the key for their days rewards; refused for a key that is not theirs or not usable. */
    void chooseRewardKey(UserId user, dev.vpnbot.domain.key.KeyId key);

    /**
     * @param payload  the /start parameter as Telegram gave it (anything: checked here)
     * @param newcomer the bot had never seen the user before this /start
     */
    record FollowLinkCommand(UserId invited, String payload, boolean newcomer) {
        public FollowLinkCommand {
            Objects.requireNonNull(invited, "invited");
        }
    }

    /** Records the invitation when every rule allows it; true if recorded. Never refuses: a bad link is a normal /start. */
    boolean followLink(FollowLinkCommand command);
}
