package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.application.port.in.account.ChangeTimeZoneUseCase;
import dev.vpnbot.application.port.in.ordering.CancelOrderUseCase;
import dev.vpnbot.application.port.in.account.ChangeLanguageUseCase;
import dev.vpnbot.application.port.in.codes.RedeemPromoCodeUseCase;
import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase;
import dev.vpnbot.application.port.in.account.FindUserUseCase;
import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import dev.vpnbot.application.port.in.payment.PayInTestModeUseCase;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase;
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
 * @param promoCodes    promo codes at checkout and from start links; null: no "I have a code" button
 * @param gifts         gift codes (buy as a gift, start links with gift_, my gifts); null: no gift buttons
 */
public record TelegramUseCases(RegisterUserUseCase registerUser, FindUserUseCase findUser, ChangeLanguageUseCase changeLanguage,
                               ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
                               CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ShowMyKeysUseCase myKeys,
                               PayInTestModeUseCase payInTestMode, ChangeTimeZoneUseCase changeTimeZone,
                               PayWithStarsUseCase payWithStars, ResetLinkUseCase resetLink, RedeemPromoCodeUseCase promoCodes,
                               dev.vpnbot.application.port.in.gifts.GiftsUseCase gifts) {
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

    /** Without promo codes. */
    public TelegramUseCases(RegisterUserUseCase registerUser, FindUserUseCase findUser, ChangeLanguageUseCase changeLanguage,
                            ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
                            CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ShowMyKeysUseCase myKeys,
                            PayInTestModeUseCase payInTestMode, ChangeTimeZoneUseCase changeTimeZone,
                            PayWithStarsUseCase payWithStars, ResetLinkUseCase resetLink) {
        this(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder, myKeys, payInTestMode,
                changeTimeZone, payWithStars, resetLink, null, null);
    }

    /** The same use cases with promo codes ("I have a code", start links with promo_). */
    public TelegramUseCases withPromoCodes(RedeemPromoCodeUseCase codes) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, resetLink, codes, gifts);
    }

    /** Without Stars. */
    public TelegramUseCases(RegisterUserUseCase registerUser, FindUserUseCase findUser, ChangeLanguageUseCase changeLanguage,
                            ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
                            CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ShowMyKeysUseCase myKeys,
                            PayInTestModeUseCase payInTestMode, ChangeTimeZoneUseCase changeTimeZone) {
        this(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder, myKeys, payInTestMode,
                changeTimeZone, null, null);
    }

    /** The same use cases with Stars (null: without). */
    public TelegramUseCases withStars(PayWithStarsUseCase stars) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder, myKeys,
                payInTestMode, changeTimeZone, stars, resetLink, promoCodes, gifts);
    }

    /** The same use cases with the "Reset link" button's. */
    public TelegramUseCases withResetLink(ResetLinkUseCase reset) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, reset, promoCodes, gifts);
    }

    /** The same use cases with gift codes. */
    public TelegramUseCases withGifts(dev.vpnbot.application.port.in.gifts.GiftsUseCase giftCodes) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, resetLink, promoCodes, giftCodes);
    }

    /** Without test payments (production). */
    public TelegramUseCases(RegisterUserUseCase registerUser, FindUserUseCase findUser, ChangeLanguageUseCase changeLanguage,
                            ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
                            CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ShowMyKeysUseCase myKeys,
                            ChangeTimeZoneUseCase changeTimeZone) {
        this(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder, myKeys, null, changeTimeZone,
                null, null);
    }
}
