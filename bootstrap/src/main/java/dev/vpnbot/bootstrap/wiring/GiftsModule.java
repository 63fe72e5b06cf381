package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vpnbot.application.port.in.gifts.GiftsUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.payment.ApplyPaymentUseCase;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.GiftNews;
import dev.vpnbot.application.port.out.gifts.Gifts;
import dev.vpnbot.application.service.gifts.GiftSettings;
import dev.vpnbot.application.service.gifts.GiftShop;
import dev.vpnbot.application.service.gifts.GiftVoiding;
import dev.vpnbot.application.service.payment.KeylessOrders;
import dev.vpnbot.bootstrap.config.ShopLimits;
import java.time.Clock;

/** Gift codes (docs/CODES.md, "Gift codes"): the buyer's use case, the validity, what a Stars refund of a gift does. */
final class GiftsModule extends AbstractModule {

    @Override
    protected void configure() {
        Autowire.singleton(binder(), GiftShop.class, GiftsUseCase.class);
        Autowire.singleton(binder(), GiftVoiding.class, KeylessOrders.class);
    }

    @Provides
    @Singleton
    GiftSettings giftSettings(ShopLimits limits) {
        return new GiftSettings(limits.giftValidDays());
    }

}
