package dev.vpnbot.application.service.gifts;

import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.GiftNews;
import dev.vpnbot.application.port.out.gifts.Gifts;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.domain.gift.Gift;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import java.time.Clock;
import java.util.Optional;

/**
 * Fulfilment of a gift's order: no key, the gift is issued and its link goes to the buyer. Every
 * other order goes on to the key delivery. Issuing is one conditional write, so a repeated job
 * issues (and tells the buyer) once. The order stays PAID: its key is the taker's order's.
 */
public final class GiftFulfilment implements FulfilOrderUseCase {
    private final FulfilOrderUseCase keys;
    private final Gifts gifts;
    private final Orders orders;
    private final Users users;
    private final GiftNews news;
    private final Clock clock;
    private final GiftSettings settings;

    public GiftFulfilment(FulfilOrderUseCase keys, Gifts gifts, Orders orders, Users users, GiftNews news, Clock clock,
                          GiftSettings settings) {
        this.keys = keys;
        this.gifts = gifts;
        this.orders = orders;
        this.users = users;
        this.news = news;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Result fulfil(OrderId orderId) {
        Optional<Gift> gift = gifts.byOrder(orderId);
        if (gift.isEmpty()) return keys.fulfil(orderId);
        Order order = orders.find(orderId).orElseThrow();
        if (!order.status().isPaid()) return Result.NOT_PAID;
        Optional<Gift> issued = gifts.issue(orderId, clock.instant().plus(settings.validity()));
        if (issued.isEmpty()) return Result.ALREADY_FULFILLED;
        users.find(order.userId()).ifPresent(b -> news.giftReady(Recipient.of(b.id(), Optional.of(b)), issued.get()));
        return Result.FULFILLED;
    }
}
