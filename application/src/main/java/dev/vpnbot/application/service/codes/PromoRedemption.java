package dev.vpnbot.application.service.codes;

import dev.vpnbot.application.model.codes.Redemption;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.codes.RedeemPromoCodeUseCase;
import dev.vpnbot.application.port.in.ordering.CancelOrderUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.codes.PromoCodes;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A code at checkout: the waiting order is placed again with the code (same tariff, same server
 * or key) and the first one is cancelled. Every rule is checked before anything changes, and again
 * under the code's lock when the new order is placed; a refusal leaves the first order as it was.
 */
public final class PromoRedemption implements RedeemPromoCodeUseCase {
    private static final Logger LOG = Logger.getLogger(PromoRedemption.class.getName());

    private final PromoCodes codes;
    private final Orders orders;
    private final PlaceOrderUseCase placement;
    private final CancelOrderUseCase cancellation;
    private final Transactions transactions;
    private final Clock clock;

    public PromoRedemption(PromoCodes codes, Orders orders, PlaceOrderUseCase placement, CancelOrderUseCase cancellation,
                           Transactions transactions, Clock clock) {
        this.codes = codes;
        this.orders = orders;
        this.placement = placement;
        this.cancellation = cancellation;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Order applyToOrder(ApplyCodeCommand command) {
        Order first = ownOrder(command.userId(), command.orderId());
        if (!first.status().isWaitingForPayment()) throw new Refusal(Refusal.Reason.ORDER_NOT_PAYABLE, "order " + first.id());
        if (codes.redemptionOf(first.id()).isPresent()) throw new Refusal(Refusal.Reason.CODE_ALREADY_APPLIED, "order " + first.id());
        PromoCode code = usable(command.userId(), command.code());
        code.problemWith(first.tariff().tariffId(), clock.instant(), codes.uses(code.id()), codes.usesBy(code.id(), command.userId()),
                !codes.hasPaidOrder(command.userId())).ifPresent(p -> {
                    throw CodeRefusals.of(p, code.code());
                });
        Order second;
        try {
            second = placeAgain(first, code.code());
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.TOO_MANY_OPEN_ORDERS) throw refusal;
            // the first order takes the last open place: give it up first
            cancelQuietly(first);
            second = placeAgain(first, code.code());
        }
        cancelQuietly(first);
        LOG.info("user " + command.userId() + ": order " + first.id() + " placed again as " + second.id() + " with code " + code.code());
        return second;
    }

    private Order placeAgain(Order first, String code) {
        if (first.purpose() instanceof OrderPurpose.NewKey newKey) {
            return placement.placeNewKey(new PlaceNewKeyOrderCommand(first.userId(), first.tariff().tariffId(), newKey.serverId(), code));
        }
        return placement.placeRenewal(new PlaceRenewalCommand(first.userId(), first.keyId(), first.tariff().tariffId(), code));
    }

    private void cancelQuietly(Order order) {
        try {
            cancellation.cancel(order.userId(), order.id());
        } catch (Refusal refusal) {
            // paid meanwhile: that money is honoured as always, the order stays paid
            LOG.info("order " + order.id() + " not cancelled after its code: " + refusal.getMessage());
        }
    }

    @Override
    public PromoCode remember(UserId userId, String typed) {
        PromoCode code = usable(userId, typed);
        code.problemWith(null, clock.instant(), codes.uses(code.id()), codes.usesBy(code.id(), userId), !codes.hasPaidOrder(userId))
                .ifPresent(p -> {
                    throw CodeRefusals.of(p, code.code());
                });
        transactions.run(() -> codes.remember(userId, code.code()));
        return code;
    }

    @Override
    public Optional<Redemption> discountOf(UserId userId, OrderId orderId) {
        return orders.find(orderId).filter(o -> o.userId().equals(userId)).flatMap(o -> codes.redemptionOf(o.id()));
    }

    private PromoCode usable(UserId userId, String typed) {
        String text = PromoCode.normalize(typed).orElseThrow(() -> CodeRefusals.unknown(typed));
        return codes.find(text).filter(c -> c.usableBy(userId)).orElseThrow(() -> CodeRefusals.unknown(typed));
    }

    private Order ownOrder(UserId userId, OrderId orderId) {
        return orders.find(orderId).filter(o -> o.userId().equals(userId))
                .orElseThrow(() -> new Refusal(Refusal.Reason.ORDER_NOT_FOUND, "order " + orderId + " of user " + userId));
    }
}
