package dev.vpnbot.application.service.fulfilment;

import dev.vpnbot.application.port.in.fulfilment.RelayOrderNoticesUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.OrderNotices;
import dev.vpnbot.application.port.out.OrderNotices.Kind;
import dev.vpnbot.application.port.out.OrderNotices.Pending;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.SubscriptionTokens;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.domain.key.KeyLocation;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.server.Server;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;

/**
 * The outbox's relay: the buyer's order notices, written in the transaction of the change that
 * calls for them ({@link #record}), go to the {@link Notifier} at once after that commit
 * ({@link #sendNow}) and again on every timer tick until the messenger confirmed them.
 *
 * <p>Rules: a notice is marked sent only after the messenger confirmed it, so a crash at any
 * point sends it again after the lease (at least once, never lost). A notice this process still
 * has with the messenger is not handed over a second time when its lease runs out. A refused
 * notice is retried with a doubling delay and given up after {@code maxAttempts} (a buyer who
 * blocked the bot). The messenger's answers are written down by the next tick, on the timer's
 * thread, never on the messenger's.
 */
public final class OrderNoticeRelay implements RelayOrderNoticesUseCase {
    private static final Logger LOG = Logger.getLogger(OrderNoticeRelay.class.getName());

    /**
     * @param batchSize       notices claimed per tick
     * @param lease           how long a claimed notice is hidden from other relays (a crashed one's come back after it)
     * @param firstRetryDelay wait after the first refusal; doubled each time up to {@code maxRetryDelay}
     * @param maxAttempts     refusals before the notice is given up
     */
    public record Settings(int batchSize, Duration lease, Duration firstRetryDelay, Duration maxRetryDelay, int maxAttempts) {
        public Settings {
            if (batchSize < 1 || maxAttempts < 1) throw new IllegalArgumentException("batch size and attempts must be positive");
            if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive");
        }

        public static Settings defaults() {
            return new Settings(50, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(10), 10);
        }
    }

    private record Key(OrderId orderId, Kind kind) {}

    private record Answer(Pending notice, Throwable failure) {}

    private final OrderNotices notices;
    private final Orders orders;
    private final Keys keys;
    private final Servers servers;
    private final Users users;
    private final Notifier notifier;
    private final Transactions transactions;
    private final Clock clock;
    private final Settings settings;
    /** The key's locations and link token for "key ready"; null: the home server's name only. */
    private final Placements placements;
    private final SubscriptionTokens tokens;
    private final Set<Key> withMessenger = ConcurrentHashMap.newKeySet();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();

    public OrderNoticeRelay(OrderNotices notices, Orders orders, Keys keys, Servers servers, Users users, Notifier notifier,
                            Transactions transactions, Clock clock, Settings settings) {
        this(notices, orders, keys, servers, users, notifier, transactions, clock, settings, null, null);
    }

    /** @param placements and {@code tokens}: "key ready" names every location and leads with the subscription link */
    public OrderNoticeRelay(OrderNotices notices, Orders orders, Keys keys, Servers servers, Users users, Notifier notifier,
                            Transactions transactions, Clock clock, Settings settings, Placements placements, SubscriptionTokens tokens) {
        this.placements = placements;
        this.tokens = tokens;
        this.notices = notices;
        this.orders = orders;
        this.keys = keys;
        this.servers = servers;
        this.users = users;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** Writes the notice down; call inside the transaction of the change it announces. */
    public void record(OrderId orderId, Kind kind) {
        notices.add(orderId, kind, clock.instant());
    }

    /** After the change committed: the order's notices go out now rather than at the next tick. */
    public void sendNow(OrderId orderId) {
        try {
            hand(transactions.inTransaction(() -> notices.claimDue(orderId, clock.instant(), settings.lease())));
        } catch (RuntimeException e) {
            // the notice is safe in the outbox: the next tick sends it
            LOG.warning(() -> "notice for order " + orderId + " not sent at once, the next tick will: " + e);
        }
    }

    @Override
    public int relayDue() {
        int settled = settleAnswers();
        List<Pending> due = transactions.inTransaction(() -> notices.claimDue(clock.instant(), settings.batchSize(), settings.lease()));
        hand(due);
        return settled + due.size();
    }

    private void hand(List<Pending> due) {
        for (Pending notice : due) {
            if (!withMessenger.add(new Key(notice.orderId(), notice.kind()))) continue; // still on its way from an earlier claim
            CompletionStage<Void> answer;
            try {
                answer = deliver(notice);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((ok, failure) -> answers.add(new Answer(notice, failure)));
        }
    }

    private CompletionStage<Void> deliver(Pending notice) {
        Order order = orders.find(notice.orderId()).orElseThrow();
        Recipient buyer = Recipient.of(order.userId(), users.find(order.userId()));
        if (notice.kind() == Kind.PAYMENT_TOO_LOW) return notifier.paymentTooLow(buyer, order, order.amountPaid());
        VpnKey key = keys.find(order.keyId()).orElseThrow();
        String server = servers.find(key.serverId()).map(Server::name).orElse("#" + key.serverId());
        if (placements != null) {
            List<String> names = placements.locationNames(key.id());
            if (!names.isEmpty()) server = String.join(", ", names);
        }
        if (notice.kind() == Kind.KEY_READY && tokens != null) {
            return notifier.keyReady(buyer, key, server, tokens.tokenOf(key.id()).orElse(null), liveLocations(key));
        }
        return notice.kind() == Kind.KEY_READY ? notifier.keyReady(buyer, key, server) : notifier.keyExtended(buyer, key, server);
    }

    /** The key's active placements with their servers' names, in server order. */
    private List<KeyLocation> liveLocations(VpnKey key) {
        if (placements == null) return List.of();
        return placements.of(key.id()).stream().filter(Placement::isActive)
                .map(p -> new KeyLocation(servers.find(p.server()).map(Server::name).orElse("#" + p.server().value()), p.links().vlessUrl()))
                .toList();
    }

    /** Writes down what the messenger answered; an answer that cannot be written yet waits for the next tick. */
    private int settleAnswers() {
        List<Answer> batch = new ArrayList<>();
        for (Answer a; (a = answers.poll()) != null; ) batch.add(a);
        for (int i = 0; i < batch.size(); i++) {
            try {
                settle(batch.get(i));
            } catch (RuntimeException e) {
                answers.addAll(batch.subList(i, batch.size()));
                throw e;
            }
            withMessenger.remove(new Key(batch.get(i).notice().orderId(), batch.get(i).notice().kind()));
        }
        return batch.size();
    }

    private void settle(Answer answer) {
        Pending n = answer.notice();
        Instant now = clock.instant();
        if (answer.failure() == null) {
            transactions.run(() -> notices.sent(n.orderId(), n.kind(), now));
            return;
        }
        int attempts = n.attempts() + 1;
        String error = String.valueOf(answer.failure().getMessage());
        if (attempts >= settings.maxAttempts()) {
            LOG.warning(() -> "notice " + n.kind() + " for order " + n.orderId() + " given up after " + attempts + " attempts: " + error);
            transactions.run(() -> notices.giveUp(n.orderId(), n.kind(), attempts, error));
        } else {
            transactions.run(() -> notices.retryLater(n.orderId(), n.kind(), attempts, now.plus(backoff(attempts)), error));
        }
    }

    Duration backoff(int attempts) {
        Duration delay = settings.firstRetryDelay();
        for (int i = 1; i < attempts && delay.compareTo(settings.maxRetryDelay()) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }
}
