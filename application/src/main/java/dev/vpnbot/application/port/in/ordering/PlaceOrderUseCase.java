package dev.vpnbot.application.port.in.ordering;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.Objects;

/**
 * Use case: a user buys. The order is stored before the gateway is asked for an invoice, so
 * no invoice ever exists without its order. Throws {@link Refusal} for business reasons.
 */
public interface PlaceOrderUseCase {

    /**
     * @param serverId  the buyer's pick, or null to let the bot choose the least loaded server
     * @param promoCode a promo code the buyer typed for this order, or null
     */
    record PlaceNewKeyOrderCommand(UserId userId, TariffId tariffId, ServerId serverId, String promoCode) {
        public PlaceNewKeyOrderCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(tariffId, "tariffId");
        }

        public PlaceNewKeyOrderCommand(UserId userId, TariffId tariffId, ServerId serverId) {
            this(userId, tariffId, serverId, null);
        }
    }

    /** A renewal never names a server: the key stays where it is. */
    record PlaceRenewalCommand(UserId userId, KeyId keyId, TariffId tariffId, String promoCode) {
        public PlaceRenewalCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(tariffId, "tariffId");
        }

        public PlaceRenewalCommand(UserId userId, KeyId keyId, TariffId tariffId) {
            this(userId, keyId, tariffId, null);
        }
    }

    /** Returns the order awaiting payment, with its invoice (pay URL) attached. */
    Order placeNewKey(PlaceNewKeyOrderCommand command);

    Order placeRenewal(PlaceRenewalCommand command);
}
