package dev.vpnbot.application.service.growth;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.growth.Referrals;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.referral.Referral;
import dev.vpnbot.domain.referral.ReferralCode;
import dev.vpnbot.domain.referral.ReferralReward;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Each user's start link, and the invitations it records. A link that breaks a rule (one's own,
 * a user the bot knew already, a referrer who is not older) records nothing and says nothing:
 * the /start goes on as usual.
 */
public final class ReferralLinks implements InviteFriendsUseCase {
    private static final Logger LOG = Logger.getLogger(ReferralLinks.class.getName());
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;

    private final Users users;
    private final Referrals referrals;
    private final Transactions transactions;
    private final Clock clock;
    private final GrowthSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Keys keys;
    private final java.util.function.Predicate<KeyId> isTrialKey;

    /** Without keys: no choice of the key for days rewards (the most recent gets them). */
    public ReferralLinks(Users users, Referrals referrals, Transactions transactions, Clock clock, GrowthSettings settings) {
        this(users, referrals, null, key -> false, transactions, clock, settings);
    }

    public ReferralLinks(Users users, Referrals referrals, Keys keys, java.util.function.Predicate<KeyId> isTrialKey,
                         Transactions transactions, Clock clock, GrowthSettings settings) {
        this.keys = keys;
        this.isTrialKey = isTrialKey;
        this.users = users;
        this.referrals = referrals;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Invitations invitations(UserId user) {
        if (!settings.referralsOn()) throw new Refusal(Refusal.Reason.REFERRALS_OFF, "referrals are off");
        users.find(user).orElseThrow(() -> new Refusal(Refusal.Reason.USER_NOT_REGISTERED, "user " + user));
        ReferralCode code = codeOf(user);
        Referrals.Summary summary = referrals.summary(user);
        int days = settings.referralReward() instanceof ReferralReward.ExtraDays extra ? extra.days() : 0;
        int percent = settings.referralReward() instanceof ReferralReward.Discount off ? off.percent() : 0;
        return new Invitations("https://t.me/" + settings.botUsername() + "?start=" + code.startPayload(),
                summary.invited(), summary.rewarded(), summary.rewardDays(), days, percent, referrals.rewardCodes(user));
    }

    @Override
    public List<RewardKey> rewardKeys(UserId user) {
        if (!settings.referralsOn() || keys == null || !(settings.referralReward() instanceof ReferralReward.ExtraDays)) return List.of();
        List<VpnKey> usable = usableKeys(user);
        Optional<KeyId> gets = ReferralRewards.pick(usable, referrals.rewardKey(user)).map(VpnKey::id);
        return usable.stream().sorted(Comparator.comparingLong((VpnKey k) -> k.id().value()).reversed())
                .map(k -> new RewardKey(k.id(), k.expiresAt(), gets.isPresent() && gets.get().equals(k.id()))).toList();
    }

    @Override
    public void chooseRewardKey(UserId user, KeyId key) {
        if (!settings.referralsOn()) throw new Refusal(Refusal.Reason.REFERRALS_OFF, "referrals are off");
        if (keys == null || usableKeys(user).stream().noneMatch(k -> k.id().equals(key))) {
            throw new Refusal(Refusal.Reason.KEY_NOT_FOUND, "key " + key + " of user " + user + " cannot take rewards");
        }
        codeOf(user); // the choice is kept with the user's invitation code
        transactions.run(() -> referrals.chooseRewardKey(user, key));
    }

    /** Keys that are on and not trial keys: the days reward can extend them. */
    private List<VpnKey> usableKeys(UserId user) {
        return keys.ofOwner(user).stream().filter(k -> k.status() == KeyStatus.ACTIVE).filter(k -> !isTrialKey.test(k.id())).toList();
    }

    /** The user's code, made on first use; a collision (or another request making it at once) tries again. */
    private ReferralCode codeOf(UserId user) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<ReferralCode> known = referrals.codeOf(user);
            if (known.isPresent()) return known.get();
            ReferralCode fresh = freshCode();
            transactions.inTransaction(() -> referrals.saveCode(user, fresh, clock.instant()));
        }
        return referrals.codeOf(user).orElseThrow(() -> new IllegalStateException("no referral code for " + user + " after 5 attempts"));
    }

    private ReferralCode freshCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return new ReferralCode(code.toString());
    }

    @Override
    public boolean followLink(FollowLinkCommand command) {
        if (!settings.referralsOn()) return false;
        Optional<ReferralCode> code = ReferralCode.fromStartPayload(command.payload());
        if (code.isEmpty()) return false;
        Optional<UserId> referrerId = referrals.ownerOf(code.get());
        Optional<User> invited = users.find(command.invited());
        Optional<User> referrer = referrerId.flatMap(users::find);
        if (referrer.isEmpty() || invited.isEmpty()) return false;
        Referral.Result result = Referral.invite(referrer.get(), invited.get(), command.newcomer(), clock.instant());
        if (result.accepted().isEmpty()) {
            LOG.info(() -> "user " + command.invited() + " followed the link of " + referrerId.get() + ": no referral (" + result.refused() + ")");
            return false;
        }
        return transactions.inTransaction(() -> referrals.record(result.referral()));
    }
}
