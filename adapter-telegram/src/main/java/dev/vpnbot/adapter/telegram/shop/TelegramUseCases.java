package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.application.port.in.account.ChangeTimeZoneUseCase;
import dev.vpnbot.application.port.in.ordering.CancelOrderUseCase;
import dev.vpnbot.application.port.in.account.ChangeLanguageUseCase;
import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase;
import dev.vpnbot.application.port.in.account.FindUserUseCase;
import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import dev.vpnbot.application.port.in.payment.PayInTestModeUseCase;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase;
import dev.vpnbot.application.port.in.account.ListVpnAppsUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import java.util.Objects;

/**
 * The use cases the end-user bot drives; nothing else of the application is reachable from a chat.
 *
 * @param payInTestMode the "Pay (test)" button's use case: required when
 *                      {@link ShopSettings#paymentTestMode()} is on, null otherwise
 * @param payWithStars  Telegram Stars; null when the operator did not switch Stars on
 * @param resetLink     the key screen's "Reset link" button; null: no button
 * @param apps          the VPN apps per platform (the connect guide, the subscription page, /connect); required by the bot
 */
public record TelegramUseCases(RegisterUserUseCase registerUser, FindUserUseCase findUser, ChangeLanguageUseCase changeLanguage,
                               ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
                               CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ShowMyKeysUseCase myKeys,
                               PayInTestModeUseCase payInTestMode, ChangeTimeZoneUseCase changeTimeZone,
                               PayWithStarsUseCase payWithStars, ResetLinkUseCase resetLink, ListVpnAppsUseCase apps) {
    public TelegramUseCases {
        Objects.requireNonNull(registerUser, "registerUser");
        Objects.requireNonNull(findUser, "findUser");
        Objects.requireNonNull(changeLanguage, "changeLanguage");
        Objects.requireNonNull(tariffs, "tariffs");
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(placeOrder, "placeOrder");
        Objects.requireNonNull(checkPayment, "checkPayment");
        Objects.requireNonNull(cancelOrder, "cancelOrder");
        Objects.requireNonNull(myKeys, "myKeys");
        Objects.requireNonNull(changeTimeZone, "changeTimeZone");
    }

    /** Without Stars. */
    public TelegramUseCases(RegisterUserUseCase registerUser, FindUserUseCase findUser, ChangeLanguageUseCase changeLanguage,
                            ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
                            CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ShowMyKeysUseCase myKeys,
                            PayInTestModeUseCase payInTestMode, ChangeTimeZoneUseCase changeTimeZone) {
        this(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder, myKeys, payInTestMode,
                changeTimeZone, null, null, null);
    }

    /** The same use cases with Stars (null: without). */
    public TelegramUseCases withStars(PayWithStarsUseCase stars) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder, myKeys,
                payInTestMode, changeTimeZone, stars, resetLink, apps);
    }

    /** The same use cases with the "Reset link" button's. */
    public TelegramUseCases withResetLink(ResetLinkUseCase reset) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, reset, apps);
    }

    /** The same use cases with the app list's. */
    public TelegramUseCases withApps(ListVpnAppsUseCase appList) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, resetLink, appList);
    }

    /** Without test payments (production). */
    public TelegramUseCases(RegisterUserUseCase registerUser, FindUserUseCase findUser, ChangeLanguageUseCase changeLanguage,
                            ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
                            CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ShowMyKeysUseCase myKeys,
                            ChangeTimeZoneUseCase changeTimeZone) {
        this(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder, myKeys, null, changeTimeZone,
                null, null, null);
    }
}
