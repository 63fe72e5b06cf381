package dev.vpnbot.application.service.ordering;

import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import dev.vpnbot.domain.user.UserId;
import java.util.Optional;

/**
 * What an order costs when it is placed, beyond the list price: discounts (promo codes). Asked
 * inside the placement's transaction, so what a discount takes (a code's use) is taken together
 * with the order or not at all.
 */
public interface OrderPricing {

    /** The list price, nothing taken off. */
    OrderPricing LIST = new OrderPricing() {
        @Override
        public Quote quote(UserId user, Tariff tariff, TariffSnapshot offered, OrderPurpose purpose, String code) {
            return Quote.of(offered);
        }

        @Override
        public Optional<Order> settleFree(Order order) {
            return Optional.empty();
        }
    };

    /** The price to place the order at, and what to record once the order is stored. */
    interface Quote {
        TariffSnapshot snapshot();

        /** Called in the same transaction, after the order is stored. */
        void placed(Order order);

        static Quote of(TariffSnapshot snapshot) {
            return new Quote() {
                @Override
                public TariffSnapshot snapshot() {
                    return snapshot;
                }

                @Override
                public void placed(Order order) {
                }
            };
        }
    }

    /**
     * @param offered the snapshot so far (the list price unless something before took off already)
     * @param code    the code the buyer typed for this order, or null
     */
    Quote quote(UserId user, Tariff tariff, TariffSnapshot offered, OrderPurpose purpose, String code);

    /** An order that costs nothing needs no invoice: it is paid through the one payment entry. Empty: not ours to settle. */
    Optional<Order> settleFree(Order order);
}
