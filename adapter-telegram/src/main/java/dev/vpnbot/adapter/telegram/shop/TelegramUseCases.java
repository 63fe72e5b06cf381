package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.shop.balance.BalanceUseCases;
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
import dev.vpnbot.application.port.in.account.ListVpnAppsUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.in.account.ShowKeyUsageUseCase;
import dev.vpnbot.application.port.in.account.DiagnoseKeyUseCase;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase;
import dev.vpnbot.application.port.in.growth.StartTrialUseCase;
import java.util.Objects;

/**
 * The use cases the end-user bot drives; nothing else of the application is reachable from a chat.
 *
 * @param payInTestMode the "Pay (test)" button's use case: required when
 *                      {@link ShopSettings#paymentTestMode()} is on, null otherwise
 * @param payWithStars  Telegram Stars; null when the operator did not switch Stars on
 * @param resetLink     the key screen's "Reset link" button; null: no button
 * @param promoCodes    promo codes at checkout and from start links; null: no "I have a code" button
 * @param balance       the balance screens; null: no balance
 * @param keyUsage      the key screen's live traffic lines; null: none
 * @param diagnoseKey   the key screen's "My VPN doesn't work" button; null: no button
 * @param trial         the free trial; null: no trial button
 * @param invite        "Invite friends" and start links; null: no referrals
 * @param apps          the VPN apps per platform (the connect guide, the subscription page, /connect); required by the bot
 * @param gifts         gift codes (buy as a gift, start links with gift_, my gifts); null: no gift buttons
 * @param moves         the key screen's "Change location" (docs/MOVES.md); null: no button
 */
public record TelegramUseCases(RegisterUserUseCase registerUser, FindUserUseCase findUser, ChangeLanguageUseCase changeLanguage,
                               ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
                               CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ShowMyKeysUseCase myKeys,
                               PayInTestModeUseCase payInTestMode, ChangeTimeZoneUseCase changeTimeZone,
                               PayWithStarsUseCase payWithStars, ResetLinkUseCase resetLink, RedeemPromoCodeUseCase promoCodes,
                               BalanceUseCases balance,
                               ShowKeyUsageUseCase keyUsage, DiagnoseKeyUseCase diagnoseKey,
                               StartTrialUseCase trial, InviteFriendsUseCase invite,
                               ListVpnAppsUseCase apps,
                               dev.vpnbot.application.port.in.gifts.GiftsUseCase gifts,
                               dev.vpnbot.application.port.in.move.MoveKeyUseCase moves) {
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
                changeTimeZone, payWithStars, resetLink, null, null, null, null, null, null, null, null, null);
    }

    /** The same use cases with promo codes ("I have a code", start links with promo_). */
    public TelegramUseCases withPromoCodes(RedeemPromoCodeUseCase codes) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, resetLink, codes, balance, keyUsage, diagnoseKey, trial, invite, apps, gifts, moves);
    }

    /** The same use cases with the balance's screens. */
    public TelegramUseCases withBalance(BalanceUseCases useCases) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder, myKeys,
                payInTestMode, changeTimeZone, payWithStars, resetLink, promoCodes, useCases, keyUsage, diagnoseKey, trial, invite, apps, gifts, moves);
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
                payInTestMode, changeTimeZone, stars, resetLink, promoCodes, balance, keyUsage, diagnoseKey, trial, invite, apps, gifts, moves);
    }

    /** The same use cases with the "Reset link" button's. */
    public TelegramUseCases withResetLink(ResetLinkUseCase reset) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, reset, promoCodes, balance, keyUsage, diagnoseKey, trial, invite, apps, gifts, moves);
    }

    /** The same use cases with the key screen's usage lines. */
    public TelegramUseCases withKeyUsage(ShowKeyUsageUseCase usage) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, resetLink, promoCodes, balance, usage, diagnoseKey, trial, invite, apps, gifts, moves);
    }

    /** The same use cases with the key screen's "My VPN doesn't work" button. */
    public TelegramUseCases withKeyDiagnosis(DiagnoseKeyUseCase diagnosis) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, resetLink, promoCodes, balance, keyUsage, diagnosis, trial, invite, apps, gifts, moves);
    }

    /** The same use cases with the free trial and the referrals (either may be null: off). */
    public TelegramUseCases withGrowth(StartTrialUseCase freeTrial, InviteFriendsUseCase invitations) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, resetLink, promoCodes, balance, keyUsage, diagnoseKey, freeTrial, invitations, apps, gifts, moves);
    }

    /** The same use cases with the app list's. */
    public TelegramUseCases withApps(ListVpnAppsUseCase appList) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, resetLink, promoCodes, balance, keyUsage, diagnoseKey, trial, invite, appList, gifts, moves);
    }

    /** The same use cases with gift codes. */
    public TelegramUseCases withGifts(dev.vpnbot.application.port.in.gifts.GiftsUseCase giftCodes) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, resetLink, promoCodes, balance, keyUsage, diagnoseKey, trial, invite, apps,
                giftCodes, moves);
    }

    /** The same use cases with the key screen's "Change location". */
    public TelegramUseCases withMoves(dev.vpnbot.application.port.in.move.MoveKeyUseCase keyMoves) {
        return new TelegramUseCases(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder,
                myKeys, payInTestMode, changeTimeZone, payWithStars, resetLink, promoCodes, balance, keyUsage, diagnoseKey, trial, invite, apps,
                gifts, keyMoves);
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
