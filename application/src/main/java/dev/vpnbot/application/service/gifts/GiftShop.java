package dev.vpnbot.application.service.gifts;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.gifts.GiftsUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.payment.ApplyPaymentUseCase;
import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.GiftNews;
import dev.vpnbot.application.port.out.gifts.Gifts;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.domain.gift.Gift;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.server.ServerSelection;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import dev.vpnbot.domain.user.UserId;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Gifts: bought as an ordinary order, delivered as a zero-price order for whoever takes them.
 * Taking is one conditional write ({@link Gifts#take}) in the same transaction as the key's order,
 * so a gift gives exactly one key however many people open it at once. The key's order is paid
 * through the one payment entry as a grant (no money moved: the buyer's order carries the revenue).
 */
public final class GiftShop implements GiftsUseCase {
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int MY_GIFTS = 20;

    private final PlaceOrderUseCase placement;
    private final ApplyPaymentUseCase payments;
    private final Gifts gifts;
    private final Orders orders;
    private final Users users;
    private final Servers servers;
    private final Transactions transactions;
    private final GiftNews news;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public GiftShop(PlaceOrderUseCase placement, ApplyPaymentUseCase payments, Gifts gifts, Orders orders, Users users,
                    Servers servers, Transactions transactions, GiftNews news, Clock clock) {
        this.placement = placement;
        this.payments = payments;
        this.gifts = gifts;
        this.orders = orders;
        this.users = users;
        this.servers = servers;
        this.transactions = transactions;
        this.news = news;
        this.clock = clock;
    }

    /**
     * The order is placed as a new key on the least-loaded server (a placeholder: the key is made only
     * when the gift is taken, on the taker's server), then marked as a gift before its invoice is shown.
     */
    @Override
    public Order buy(UserId buyer, TariffId tariff) {
        Order order = placement.placeNewKey(new PlaceOrderUseCase.PlaceNewKeyOrderCommand(buyer, tariff, null));
        // a code remembered from a promo_ link made it free and it was paid at once: it is the buyer's own key, not a gift
        if (order.status().isPaid()) return order;
        transactions.run(() -> gifts.add(Gift.ordered(newCode(), order.id(), buyer, order.tariff().tariffId(),
                order.tariff().days(), clock.instant())));
        return order;
    }

    @Override
    public Gift open(UserId user, String code) {
        Gift gift = known(code);
        Instant now = clock.instant();
        if (gift.buyer().equals(user) && gift.status() == Gift.Status.ISSUED) {
            throw new Refusal(Refusal.Reason.GIFT_OWN, "gift " + gift.id() + " is the user's own");
        }
        if (!gift.openAt(now)) throw refusal(gift, now);
        return gift;
    }

    @Override
    public Order redeem(UserId user, String code, ServerId serverId) {
        Optional<Order> unfinished = unfinishedTake(user, code);
        if (unfinished.isPresent()) return unfinished.get();
        open(user, code);
        users.find(user).orElseThrow(() -> new Refusal(Refusal.Reason.USER_NOT_REGISTERED, "user " + user));
        Server server = new ServerSelection(servers.all()).pick(serverId)
                .orElseThrow(() -> new Refusal(Refusal.Reason.SERVER_NOT_AVAILABLE, "server " + serverId));
        Instant now = clock.instant();
        Taken taken = transactions.inTransaction(() -> {
            Optional<Gift> won = gifts.take(code, user, now);
            if (won.isEmpty()) return null;
            return new Taken(won.get(), deliveringOrder(won.get(), user, server.id(), now));
        });
        if (taken == null) throw refusal(gifts.byCode(code).orElseThrow(), now);
        pay(taken);
        users.find(taken.gift().buyer()).ifPresent(b ->
                news.giftRedeemed(Recipient.of(b.id(), Optional.of(b)), taken.gift()));
        return orders.find(taken.order().id()).orElseThrow();
    }

    /**
     * This user took the gift, but a crash came between the taking and its payment: the key's order
     * (stored with the taking) is paid now, once, through the one payment entry.
     */
    private Optional<Order> unfinishedTake(UserId user, String code) {
        if (!Gift.looksLikeCode(code)) return Optional.empty();
        Optional<Gift> taken = gifts.byCode(code).filter(g -> user.equals(g.takenBy()) && g.keyOrder() != null);
        Optional<Order> waiting = taken.flatMap(g -> orders.find(g.keyOrder())).filter(o -> o.status().canBePaid());
        if (waiting.isEmpty()) return Optional.empty();
        pay(new Taken(taken.get(), waiting.get()));
        return orders.find(waiting.get().id());
    }

    @Override
    public Order reclaim(UserId buyer, long giftId) {
        Instant now = clock.instant();
        Server server = new ServerSelection(servers.all()).leastLoaded()
                .orElseThrow(() -> new Refusal(Refusal.Reason.NO_SERVER_AVAILABLE, "all servers are full or off"));
        Taken taken = transactions.inTransaction(() -> gifts.reclaim(giftId, buyer, now)
                .map(g -> new Taken(g, deliveringOrder(g, buyer, server.id(), now))).orElse(null));
        if (taken == null) throw new Refusal(Refusal.Reason.GIFT_NOT_RECLAIMABLE, "gift " + giftId + " of " + buyer);
        pay(taken);
        return orders.find(taken.order().id()).orElseThrow();
    }

    @Override
    public void resendLink(UserId buyer, long giftId) {
        Gift gift = gifts.byId(giftId).filter(g -> g.buyer().equals(buyer) && g.openAt(clock.instant()))
                .orElseThrow(() -> new Refusal(Refusal.Reason.GIFT_NOT_FOUND, "no open gift " + giftId + " of " + buyer));
        users.find(buyer).ifPresent(b -> news.giftReady(Recipient.of(b.id(), Optional.of(b)), gift));
    }

    @Override
    public boolean isGift(UserId user, OrderId order) {
        return gifts.byOrder(order).filter(g -> g.buyer().equals(user)).isPresent();
    }

    @Override
    public List<Gift> mine(UserId buyer) {
        return gifts.ofBuyer(buyer, MY_GIFTS);
    }

    private record Taken(Gift gift, Order order) {
    }

    /** The key's order: the gift's tariff at no price, for whoever took the gift. Stored with the gift in one transaction. */
    private Order deliveringOrder(Gift gift, UserId owner, ServerId server, Instant now) {
        Order paidFor = orders.find(gift.order()).orElseThrow();
        OrderId id = orders.nextId();
        Money zero = new Money(BigDecimal.ZERO, paidFor.price().currency());
        Order order = Order.place(id, new PublicOrderId("gift-" + gift.id() + "-" + id.value()), owner,
                new TariffSnapshot(gift.tariff(), gift.days(), zero), new OrderPurpose.NewKey(server), now, Duration.ofMinutes(1));
        orders.save(order);
        gifts.deliveredBy(gift.id(), id);
        return order;
    }

    /** The one payment entry, as an admin's grant: exactly once, the fulfilment worker delivers the key. */
    private void pay(Taken taken) {
        payments.apply(new VerifiedPayment(taken.order().publicId(), PaymentStatus.PAID, taken.order().price(),
                VerifiedPayment.Source.GRANT, taken.order().publicId().value(), "gift",
                "{\"gift\":" + taken.gift().id() + ",\"paidBy\":\"" + orders.find(taken.gift().order()).orElseThrow().publicId().value() + "\"}"));
    }

    private Gift known(String code) {
        if (!Gift.looksLikeCode(code)) throw new Refusal(Refusal.Reason.GIFT_NOT_FOUND, "not a gift code");
        return gifts.byCode(code).orElseThrow(() -> new Refusal(Refusal.Reason.GIFT_NOT_FOUND, "no gift " + code));
    }

    private static Refusal refusal(Gift gift, Instant now) {
        return switch (gift.status()) {
            case REDEEMED, RECLAIMED -> new Refusal(Refusal.Reason.GIFT_TAKEN, "gift " + gift.id() + " was taken");
            case ISSUED -> gift.openAt(now) ? new Refusal(Refusal.Reason.GIFT_TAKEN, "gift " + gift.id() + " changed")
                    : new Refusal(Refusal.Reason.GIFT_EXPIRED, "gift " + gift.id() + " expired at " + gift.validUntil());
            case UNPAID, VOIDED -> new Refusal(Refusal.Reason.GIFT_NOT_FOUND, "gift " + gift.id() + " is " + gift.status());
        };
    }

    private String newCode() {
        char[] code = new char[20];
        for (int i = 0; i < code.length; i++) code[i] = BASE32[random.nextInt(BASE32.length)];
        return new String(code);
    }
}
