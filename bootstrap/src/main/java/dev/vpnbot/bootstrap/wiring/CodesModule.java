package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vpnbot.application.port.in.codes.ManagePromoCodesUseCase;
import dev.vpnbot.application.port.in.codes.RedeemPromoCodeUseCase;
import dev.vpnbot.application.port.in.ordering.CancelOrderUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.payment.ApplyPaymentUseCase;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.codes.PromoCodes;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.codes.PromoAdministration;
import dev.vpnbot.application.service.codes.PromoPricing;
import dev.vpnbot.application.service.codes.PromoRedemption;
import dev.vpnbot.application.service.codes.PromoSettings;
import dev.vpnbot.application.service.ordering.OrderPricing;
import dev.vpnbot.bootstrap.config.ShopLimits;
import java.time.Clock;

/** Promo codes (docs/CODES.md): the pricing order placement asks, the buyer's and the admins' use cases. */
final class CodesModule extends AbstractModule {

    @Override
    protected void configure() {
        Autowire.singleton(binder(), PromoPricing.class, OrderPricing.class);
        Autowire.singleton(binder(), PromoRedemption.class, RedeemPromoCodeUseCase.class);
    }

    @Provides
    @Singleton
    PromoSettings promoSettings(ShopLimits limits) {
        return new PromoSettings(limits.promoStacking());
    }

    @Provides
    @Singleton
    ManagePromoCodesUseCase promoAdministration(Admins admins, PromoCodes codes, Tariffs tariffs, Transactions tx, Clock clock) {
        return administration(admins, codes, tariffs, tx, clock);
    }

    /** The same for the operator's console ({@code vpnbot promo …}). */
    static ManagePromoCodesUseCase administration(Admins admins, PromoCodes codes, Tariffs tariffs, Transactions tx, Clock clock) {
        return new PromoAdministration(admins, codes, tariffs, tx, clock);
    }
}
