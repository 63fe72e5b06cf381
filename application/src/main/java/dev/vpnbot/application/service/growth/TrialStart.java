package dev.vpnbot.application.service.growth;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.growth.StartTrialUseCase;
import dev.vpnbot.application.port.out.FulfilmentSignal;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.growth.ChannelMembership;
import dev.vpnbot.application.port.out.growth.GrowthFlags;
import dev.vpnbot.application.port.out.growth.Trials;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.server.ServerSelection;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.trial.TrialPolicy;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The free trial: the operator's gates first, then one transaction records the trial (the
 * store's unique key: one per Telegram account, ever, even for two requests at once) together
 * with its zero-price order, born paid; the ordinary delivery puts the key on a trial server
 * with the trial's limits ({@link ClientLimits}).
 */
public final class TrialStart implements StartTrialUseCase {
    private static final Logger LOG = Logger.getLogger(TrialStart.class.getName());

    private final Users users;
    private final Servers servers;
    private final Tariffs tariffs;
    private final GrowthFlags flags;
    private final Trials trials;
    private final ChannelMembership channels;
    private final FreeOrders freeOrders;
    private final Transactions transactions;
    private final FulfilmentSignal signal;
    private final Clock clock;
    private final TrialPolicy policy;

    /** @param channels Telegram's membership answers; may be null when the policy has no channel gate */
    public TrialStart(Users users, Servers servers, Tariffs tariffs, GrowthFlags flags, Trials trials, ChannelMembership channels,
                      dev.vpnbot.application.port.out.Orders orders, dev.vpnbot.application.port.out.FulfilmentJobs jobs,
                      Transactions transactions, FulfilmentSignal signal, Clock clock, TrialPolicy policy) {
        if (policy.needsChannel() && channels == null) throw new IllegalArgumentException("the channel gate needs Telegram's membership answers");
        this.users = users;
        this.servers = servers;
        this.tariffs = tariffs;
        this.flags = flags;
        this.trials = trials;
        this.channels = channels;
        this.freeOrders = new FreeOrders(orders, jobs);
        this.transactions = transactions;
        this.signal = signal;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public boolean offered(UserId user) {
        return policy.enabled() && !trials.used(user);
    }

    @Override
    public String channel() {
        return policy.channel();
    }

    @Override
    public Order start(UserId userId) {
        User user = users.find(userId).orElseThrow(() -> new Refusal(Refusal.Reason.USER_NOT_REGISTERED, "user " + userId));
        if (user.banned()) throw new Refusal(Refusal.Reason.USER_BANNED, "user " + userId);
        Instant now = clock.instant();
        policy.closedGate(user, now).ifPresent(gate -> {
            throw switch (gate) {
                case DISABLED -> new Refusal(Refusal.Reason.TRIAL_UNAVAILABLE, "the trial is off");
                case USERNAME_REQUIRED -> new Refusal(Refusal.Reason.TRIAL_NEEDS_USERNAME, "user " + userId + " has no username");
                case ACCOUNT_TOO_NEW -> new Refusal(Refusal.Reason.TRIAL_ACCOUNT_TOO_NEW, "user " + userId + " first seen " + user.registeredAt());
            };
        });
        if (trials.used(userId)) throw new Refusal(Refusal.Reason.TRIAL_ALREADY_USED, "user " + userId);
        if (policy.needsChannel() && !member(userId)) {
            throw new Refusal(Refusal.Reason.TRIAL_NEEDS_CHANNEL, "user " + userId + " is not in " + policy.channel());
        }
        Server server = trialServer();
        String currency = tariffs.all().stream().map(Tariff::price).map(m -> m.currencyCode()).findFirst().orElse("USD");
        Order order = transactions.inTransaction(() -> {
            // the unique key decides first: a second request (another device, the same moment) stops here
            OrderId id = freeOrders.nextId();
            if (!trials.claim(userId, id, now)) throw new Refusal(Refusal.Reason.TRIAL_ALREADY_USED, "user " + userId);
            return freeOrders.place(id, "trial", userId, FreeOrders.NO_TARIFF, policy.days(), currency,
                    new OrderPurpose.NewKey(server.id()), now);
        });
        signal.orderPaid(order.id());
        return order;
    }

    private boolean member(UserId user) {
        try {
            return channels.isMember(policy.channel(), user);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "channel membership of user " + user + " in " + policy.channel() + " unknown: trial refused", e);
            return false;
        }
    }

    private Server trialServer() {
        Set<ServerId> marked = flags.trialServers();
        return new ServerSelection(servers.all().stream().filter(s -> marked.contains(s.id())).toList()).leastLoaded()
                .orElseThrow(() -> new Refusal(Refusal.Reason.NO_SERVER_AVAILABLE, "no server for trials is on and has room"));
    }
}
