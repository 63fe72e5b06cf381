package dev.vpnbot.domain.referral;

import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One invited user and the reward their first paid order earns their referrer.
 *
 * <p>Rules: nobody invites themselves; only a user the bot had never seen before the link can be
 * invited, and only by somebody registered before them (so a loop, A invites B then B invites A,
 * rewards at most the first); one referrer per invited user, ever. The reward follows the invited
 * user's first paid order (money moved: no trial, grant or test payment), once; if that payment
 * is refunded the reward is taken back (or never granted).
 *
 * @param qualifyingOrder the invited user's first paid order; null while waiting
 * @param rewardOrder     the zero-price order that gave the days; null until granted, and for a discount
 */
public record Referral(UserId invited, UserId referrer, Instant invitedAt, State state, OrderId qualifyingOrder,
                       ReferralReward reward, OrderId rewardOrder, Instant rewardedAt, Instant reversedAt) {

    public enum State {
        WAITING, GRANTED,
        /** The first payment was refunded before any reward. */
        VOID,
        /** Taken back in the database; the panel is still to follow. */
        REVERSING, REVERSED
    }

    /** Why an invitation earns nothing. */
    public enum Refused { SELF_REFERRAL, NOT_A_NEWCOMER, REFERRER_NOT_OLDER }

    public Referral {
        Objects.requireNonNull(invited, "invited");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(invitedAt, "invitedAt");
        Objects.requireNonNull(state, "state");
        if (invited.equals(referrer)) throw new IllegalArgumentException("nobody refers themselves");
        if (state != State.WAITING && qualifyingOrder == null) throw new IllegalArgumentException(state + " needs the qualifying order");
        if ((state == State.GRANTED || state == State.REVERSING || state == State.REVERSED) && !given(reward, rewardOrder)) {
            throw new IllegalArgumentException(state + " needs the reward and its order (days) or its issued code (discount)");
        }
    }

    /**
     * The invitation the link records, or why it records none.
     *
     * @param newcomer the bot had never seen {@code invited} before this link
     */
    public static Result invite(User referrer, User invited, boolean newcomer, Instant now) {
        if (referrer.id().equals(invited.id())) return new Result(null, Refused.SELF_REFERRAL);
        if (!newcomer) return new Result(null, Refused.NOT_A_NEWCOMER);
        if (!referrer.registeredAt().isBefore(invited.registeredAt())) return new Result(null, Refused.REFERRER_NOT_OLDER);
        return new Result(new Referral(invited.id(), referrer.id(), now, State.WAITING, null, null, null, null, null), null);
    }

    public record Result(Referral referral, Refused refused) {
        public Optional<Referral> accepted() {
            return Optional.ofNullable(referral);
        }
    }

    public Referral granted(OrderId qualifying, ReferralReward givenReward, OrderId givenBy, Instant at) {
        requireState(State.WAITING);
        return new Referral(invited, referrer, invitedAt, State.GRANTED, qualifying, givenReward, givenBy, at, null);
    }

    /** The first payment went back before the reward: nothing is ever given for this user. */
    public Referral voided(OrderId qualifying) {
        requireState(State.WAITING);
        return new Referral(invited, referrer, invitedAt, State.VOID, qualifying, null, null, null, null);
    }

    public Referral reversing(Instant at) {
        requireState(State.GRANTED);
        return new Referral(invited, referrer, invitedAt, State.REVERSING, qualifyingOrder, reward, rewardOrder, rewardedAt, at);
    }

    public Referral reversed() {
        requireState(State.REVERSING);
        return new Referral(invited, referrer, invitedAt, State.REVERSED, qualifyingOrder, reward, rewardOrder, rewardedAt, reversedAt);
    }

    /** Days are given by a zero-price order; a discount by the code issued. */
    private static boolean given(ReferralReward reward, OrderId rewardOrder) {
        if (reward instanceof ReferralReward.Discount discount) return discount.code() != null;
        return reward != null && rewardOrder != null;
    }

    private void requireState(State expected) {
        if (state != expected) throw new IllegalStateException("referral of " + invited + " is " + state + ", not " + expected);
    }
}
