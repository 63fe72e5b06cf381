package dev.vpnbot.application.service.growth;

import dev.vpnbot.application.port.in.growth.RewardReferralsUseCase;
import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.FulfilmentSignal;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.codes.PromoCodes;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.port.out.notify.ReferralNews;
import dev.vpnbot.application.port.out.growth.Referrals;
import dev.vpnbot.application.port.out.growth.Trials;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.referral.Referral;
import dev.vpnbot.domain.referral.ReferralReward;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rewards follow money, each step safe to repeat (run every reconciliation round):
 * <ul>
 *   <li>a waiting referral whose invited user has paid an order with money gets its reward: one
 *       transaction marks it granted and places a zero-price renewal of the referrer's most recent
 *       key, born paid; the ordinary delivery extends the key and tells the referrer;</li>
 *   <li>if that first payment was refunded before, nothing is ever given (VOID);</li>
 *   <li>if it is refunded after, the reward's days come off that key (never below now; nothing left:
 *       switched off) in one transaction with the mark REVERSING; then the panel is set to what the
 *       database holds, and the mark becomes REVERSED.</li>
 * </ul>
 * A referrer without a key of their own keeps the reward waiting until they have one.
 */
public final class ReferralRewards implements RewardReferralsUseCase {
    private static final Logger LOG = Logger.getLogger(ReferralRewards.class.getName());
    private static final int BATCH = 100;

    private final Referrals referrals;
    private final Orders orders;
    private final Keys keys;
    private final Servers servers;
    private final VpnPanel panel;
    private final Trials trials;
    private final FreeOrders freeOrders;
    private final FulfilmentSignal signal;
    private final Transactions transactions;
    private final Clock clock;
    private final GrowthSettings settings;
    /** Null without promo codes: a discount reward then waits. */
    private final ReferralDiscounts discounts;
    private final Users users;
    private final ReferralNews news;

    /** Days rewards only (no promo codes wired). */
    public ReferralRewards(Referrals referrals, Orders orders, Keys keys, Servers servers, VpnPanel panel, Trials trials,
                           FulfilmentJobs jobs, FulfilmentSignal signal, Transactions transactions, Clock clock, GrowthSettings settings) {
        this(referrals, orders, keys, servers, panel, trials, jobs, signal, transactions, clock, settings, null, null, null);
    }

    public ReferralRewards(Referrals referrals, Orders orders, Keys keys, Servers servers, VpnPanel panel, Trials trials,
                           FulfilmentJobs jobs, FulfilmentSignal signal, Transactions transactions, Clock clock, GrowthSettings settings,
                           PromoCodes codes, Users users, ReferralNews news) {
        this.referrals = referrals;
        this.orders = orders;
        this.keys = keys;
        this.servers = servers;
        this.panel = panel;
        this.trials = trials;
        this.freeOrders = new FreeOrders(orders, jobs);
        this.signal = signal;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.discounts = codes == null ? null : new ReferralDiscounts(codes);
        this.users = users;
        this.news = news;
    }

    @Override
    public int run() {
        int changed = 0;
        for (UserId invited : referrals.due(BATCH)) {
            try {
                if (step(invited)) changed++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "referral of user " + invited + ": next round", e);
            }
        }
        return changed;
    }

    private boolean step(UserId invited) {
        Referral.State[] was = new Referral.State[1];
        Referral after = transactions.inTransaction(() -> {
            Referral r = referrals.findForUpdate(invited).orElseThrow();
            was[0] = r.state();
            Referral next = switch (r.state()) {
                case WAITING -> grant(r);
                case GRANTED -> takeBack(r);
                default -> r;
            };
            if (next != r) referrals.save(next);
            return next;
        });
        boolean changed = was[0] != after.state();
        if (changed && after.state() == Referral.State.GRANTED && after.rewardOrder() != null) signal.orderPaid(after.rewardOrder());
        // after the commit; a message lost to a crash here leaves the code on the "Invite friends" screen
        if (changed && after.state() == Referral.State.GRANTED && after.reward() instanceof ReferralReward.Discount code && news != null) {
            news.discountEarned(Recipient.of(after.referrer(), users.find(after.referrer())), code.code(), code.percent());
        }
        if (after.state() == Referral.State.REVERSING) return syncPanel(after) || changed;
        return changed;
    }

    private Referral grant(Referral r) {
        Optional<OrderId> first = referrals.firstPaidOrder(r.invited());
        if (first.isEmpty()) return r;
        if (referrals.refunded(first.get())) return r.voided(first.get());
        ReferralReward reward = settings.referralReward();
        if (reward == null) return r; // referrals switched off since: the reward waits
        if (reward instanceof ReferralReward.Discount discount) return grantDiscount(r, first.get(), discount);
        Optional<VpnKey> key = rewardKey(r.referrer());
        if (key.isEmpty()) return r;
        Order qualifying = orders.find(first.get()).orElseThrow();
        int days = reward instanceof ReferralReward.ExtraDays extra ? extra.days() : 0;
        Instant now = clock.instant();
        // no tariff of its own: a reward must not count as buying a once-per-user tariff
        Order given = freeOrders.place("ref", r.referrer(), FreeOrders.NO_TARIFF, days, qualifying.price().currencyCode(),
                new OrderPurpose.Renewal(key.get().id()), now);
        LOG.info(() -> "user " + r.referrer() + " rewarded " + days + " days on key " + key.get().id() + " for inviting " + r.invited());
        return r.granted(first.get(), reward, given.id(), now);
    }

    private Referral grantDiscount(Referral r, OrderId first, ReferralReward.Discount discount) {
        if (discounts == null) return r;
        Instant now = clock.instant();
        ReferralReward.Discount issued = discounts.issue(r.referrer(), discount, now);
        LOG.info(() -> "user " + r.referrer() + " rewarded code " + issued.code() + " (" + issued.percent() + " % off) for inviting "
                + r.invited());
        return r.granted(first, issued, null, now);
    }

    /**
     * The key the referrer chose, while it is still usable; otherwise their most recently bought key
     * that is on (expired is fine: the reward extends it). Trial keys are not extended.
     */
    private Optional<VpnKey> rewardKey(UserId referrer) {
        List<VpnKey> usable = keys.ofOwner(referrer).stream()
                .filter(k -> k.status() == KeyStatus.ACTIVE)
                .filter(k -> !trials.isTrialKey(k.id()))
                .toList();
        return pick(usable, referrals.rewardKey(referrer));
    }

    /** The chosen key while it is usable, otherwise the most recently bought one. */
    static Optional<VpnKey> pick(List<VpnKey> usable, Optional<KeyId> chosen) {
        return usable.stream().filter(k -> chosen.isPresent() && k.id().equals(chosen.get())).findFirst()
                .or(() -> usable.stream().max(Comparator.comparingLong(k -> k.id().value())));
    }

    private Referral takeBack(Referral r) {
        if (!referrals.refunded(r.qualifyingOrder())) return r;
        if (r.reward() instanceof ReferralReward.Discount discount) {
            if (discounts == null) return r;
            boolean disabled = discounts.takeBack(discount);
            LOG.info(() -> "reward code " + discount.code() + " for inviting " + r.invited() + (disabled ? " disabled" : " was used: it stays")
                    + ": the payment was refunded");
            Instant now = clock.instant();
            return r.reversing(now).reversed(); // nothing on a panel to follow
        }
        Order given = orders.findForUpdate(r.rewardOrder()).orElseThrow();
        if (!given.isGranted()) return r; // still being delivered: taken back once it is
        VpnKey key = keys.findForUpdate(given.keyId()).orElseThrow();
        Instant now = clock.instant();
        keys.save(shortened(key, given.tariff().duration(), now));
        LOG.info(() -> "reward for inviting " + r.invited() + " taken back from key " + key.id() + ": the payment was refunded");
        return r.reversing(now);
    }

    /** Exactly the reward's days come off, never below now; nothing left: switched off. */
    static VpnKey shortened(VpnKey key, Duration reward, Instant now) {
        Instant cut = key.expiresAt().minus(reward);
        if (cut.isAfter(now)) return key.withExpiry(cut);
        return key.withExpiry(now).withStatus(KeyStatus.DISABLED);
    }

    private boolean syncPanel(Referral r) {
        try {
            Order given = orders.find(r.rewardOrder()).orElseThrow();
            VpnKey key = keys.find(given.keyId()).orElseThrow(); // read again: a renewal since counts too
            Server server = servers.find(key.serverId()).orElseThrow();
            panel.setExpiry(server, key.client(), key.expiresAt());
            if (key.status() == KeyStatus.DISABLED) panel.setEnabled(server, key.client(), false);
            transactions.run(() -> referrals.findForUpdate(r.invited())
                    .filter(now -> now.state() == Referral.State.REVERSING)
                    .ifPresent(now -> referrals.save(now.reversed())));
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reward for inviting " + r.invited() + ": the panel will follow next round", e);
            return false;
        }
    }
}
