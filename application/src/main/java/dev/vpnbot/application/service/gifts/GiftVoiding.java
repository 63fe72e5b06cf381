package dev.vpnbot.application.service.gifts;

import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.GiftNews;
import dev.vpnbot.application.port.out.gifts.Gifts;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.service.payment.KeylessOrders;
import dev.vpnbot.domain.order.OrderId;
import java.util.Optional;

/**
 * A refunded gift's payment voids the gift if nobody took it yet. A gift already taken keeps its
 * key (the taker did nothing wrong); the refund then takes nothing back and the admins see it.
 */
public final class GiftVoiding implements KeylessOrders {
    private final Gifts gifts;
    private final Users users;
    private final GiftNews news;

    public GiftVoiding(Gifts gifts, Users users, GiftNews news) {
        this.gifts = gifts;
        this.users = users;
        this.news = news;
    }

    @Override
    public boolean owns(OrderId order) {
        return gifts.byOrder(order).isPresent();
    }

    @Override
    public void refunded(OrderId order) {
        gifts.voidUntaken(order).ifPresent(g -> users.find(g.buyer())
                .ifPresent(b -> news.giftVoided(Recipient.of(b.id(), Optional.of(b)), g)));
    }
}
