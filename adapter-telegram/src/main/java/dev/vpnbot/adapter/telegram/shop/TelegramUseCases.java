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
import dev.vpnbot.application.port.in.gifts.GiftsUseCase;
import dev.vpnbot.application.port.in.move.MoveKeyUseCase;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The use cases the end-user bot drives; nothing else of the application is reachable from a chat.
 * The eleven the shop cannot run without come through the constructor; every other one is optional
 * (its screen or button is left out while it is missing) and is added with its {@code with…}, kept
 * by the interface it implements, so a new capability adds a getter and a {@code with…} and touches
 * no other line (this was a positional record of 22 components, rewritten in every merge).
 *
 * <p>Optional: {@link #payWithStars()} (Telegram Stars), {@link #resetLink()} (the key screen's "Reset
 * link"), {@link #promoCodes()} (promo codes at checkout and from start links), {@link #balance()}
 * (the balance screens), {@link #keyUsage()} (live traffic lines), {@link #diagnoseKey()} ("My VPN
 * doesn't work"), {@link #trial()} and {@link #invite()} (free trial, referrals), {@link #apps()}
 * (the VPN apps per platform: required by the bot), {@link #gifts()} (gift codes), {@link #moves()}
 * ("Change location", docs/MOVES.md).
 */
public final class TelegramUseCases {
    private final RegisterUserUseCase registerUser;
    private final FindUserUseCase findUser;
    private final ChangeLanguageUseCase changeLanguage;
    private final ListTariffsUseCase tariffs;
    private final ListServersForPurchaseUseCase servers;
    private final PlaceOrderUseCase placeOrder;
    private final CheckPaymentUseCase checkPayment;
    private final CancelOrderUseCase cancelOrder;
    private final ShowMyKeysUseCase myKeys;
    /** the "Pay (test)" button's: required when {@link ShopSettings#paymentTestMode()} is on, null otherwise */
    private final PayInTestModeUseCase payInTestMode;
    private final ChangeTimeZoneUseCase changeTimeZone;
    private final Map<Class<?>, Object> optional;

    /** Without test payments (production). */
    public TelegramUseCases(RegisterUserUseCase registerUser, FindUserUseCase findUser, ChangeLanguageUseCase changeLanguage,
                            ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
                            CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ShowMyKeysUseCase myKeys,
                            ChangeTimeZoneUseCase changeTimeZone) {
        this(registerUser, findUser, changeLanguage, tariffs, servers, placeOrder, checkPayment, cancelOrder, myKeys, null, changeTimeZone);
    }

    public TelegramUseCases(RegisterUserUseCase registerUser, FindUserUseCase findUser, ChangeLanguageUseCase changeLanguage,
                            ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placeOrder,
                            CheckPaymentUseCase checkPayment, CancelOrderUseCase cancelOrder, ShowMyKeysUseCase myKeys,
                            PayInTestModeUseCase payInTestMode, ChangeTimeZoneUseCase changeTimeZone) {
        this.registerUser = Objects.requireNonNull(registerUser, "registerUser");
        this.findUser = Objects.requireNonNull(findUser, "findUser");
        this.changeLanguage = Objects.requireNonNull(changeLanguage, "changeLanguage");
        this.tariffs = Objects.requireNonNull(tariffs, "tariffs");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.placeOrder = Objects.requireNonNull(placeOrder, "placeOrder");
        this.checkPayment = Objects.requireNonNull(checkPayment, "checkPayment");
        this.cancelOrder = Objects.requireNonNull(cancelOrder, "cancelOrder");
        this.myKeys = Objects.requireNonNull(myKeys, "myKeys");
        this.payInTestMode = payInTestMode;
        this.changeTimeZone = Objects.requireNonNull(changeTimeZone, "changeTimeZone");
        this.optional = Map.of();
    }

    private TelegramUseCases(TelegramUseCases base, Map<Class<?>, Object> optional) {
        this.registerUser = base.registerUser;
        this.findUser = base.findUser;
        this.changeLanguage = base.changeLanguage;
        this.tariffs = base.tariffs;
        this.servers = base.servers;
        this.placeOrder = base.placeOrder;
        this.checkPayment = base.checkPayment;
        this.cancelOrder = base.cancelOrder;
        this.myKeys = base.myKeys;
        this.payInTestMode = base.payInTestMode;
        this.changeTimeZone = base.changeTimeZone;
        this.optional = Map.copyOf(optional);
    }

    /** The same use cases with {@code useCase} as the optional one of its type (null: without). */
    private <T> TelegramUseCases with(Class<T> type, T useCase) {
        Map<Class<?>, Object> changed = new HashMap<>(optional);
        if (useCase == null) changed.remove(type);
        else changed.put(type, useCase);
        return new TelegramUseCases(this, changed);
    }

    private <T> T optional(Class<T> type) {
        return type.cast(optional.get(type));
    }

    public RegisterUserUseCase registerUser() {
        return registerUser;
    }

    public FindUserUseCase findUser() {
        return findUser;
    }

    public ChangeLanguageUseCase changeLanguage() {
        return changeLanguage;
    }

    public ListTariffsUseCase tariffs() {
        return tariffs;
    }

    public ListServersForPurchaseUseCase servers() {
        return servers;
    }

    public PlaceOrderUseCase placeOrder() {
        return placeOrder;
    }

    public CheckPaymentUseCase checkPayment() {
        return checkPayment;
    }

    public CancelOrderUseCase cancelOrder() {
        return cancelOrder;
    }

    public ShowMyKeysUseCase myKeys() {
        return myKeys;
    }

    public PayInTestModeUseCase payInTestMode() {
        return payInTestMode;
    }

    public ChangeTimeZoneUseCase changeTimeZone() {
        return changeTimeZone;
    }

    public PayWithStarsUseCase payWithStars() {
        return optional(PayWithStarsUseCase.class);
    }

    /** With Stars (null: without). */
    public TelegramUseCases withStars(PayWithStarsUseCase stars) {
        return with(PayWithStarsUseCase.class, stars);
    }

    public ResetLinkUseCase resetLink() {
        return optional(ResetLinkUseCase.class);
    }

    public TelegramUseCases withResetLink(ResetLinkUseCase reset) {
        return with(ResetLinkUseCase.class, reset);
    }

    public RedeemPromoCodeUseCase promoCodes() {
        return optional(RedeemPromoCodeUseCase.class);
    }

    /** With promo codes ("I have a code", start links with promo_). */
    public TelegramUseCases withPromoCodes(RedeemPromoCodeUseCase codes) {
        return with(RedeemPromoCodeUseCase.class, codes);
    }

    public BalanceUseCases balance() {
        return optional(BalanceUseCases.class);
    }

    public TelegramUseCases withBalance(BalanceUseCases useCases) {
        return with(BalanceUseCases.class, useCases);
    }

    public ShowKeyUsageUseCase keyUsage() {
        return optional(ShowKeyUsageUseCase.class);
    }

    public TelegramUseCases withKeyUsage(ShowKeyUsageUseCase usage) {
        return with(ShowKeyUsageUseCase.class, usage);
    }

    public DiagnoseKeyUseCase diagnoseKey() {
        return optional(DiagnoseKeyUseCase.class);
    }

    public TelegramUseCases withKeyDiagnosis(DiagnoseKeyUseCase diagnosis) {
        return with(DiagnoseKeyUseCase.class, diagnosis);
    }

    public StartTrialUseCase trial() {
        return optional(StartTrialUseCase.class);
    }

    public InviteFriendsUseCase invite() {
        return optional(InviteFriendsUseCase.class);
    }

    /** With the free trial and the referrals (either may be null: off). */
    public TelegramUseCases withGrowth(StartTrialUseCase freeTrial, InviteFriendsUseCase invitations) {
        return with(StartTrialUseCase.class, freeTrial).with(InviteFriendsUseCase.class, invitations);
    }

    public ListVpnAppsUseCase apps() {
        return optional(ListVpnAppsUseCase.class);
    }

    public TelegramUseCases withApps(ListVpnAppsUseCase appList) {
        return with(ListVpnAppsUseCase.class, appList);
    }

    public GiftsUseCase gifts() {
        return optional(GiftsUseCase.class);
    }

    public TelegramUseCases withGifts(GiftsUseCase giftCodes) {
        return with(GiftsUseCase.class, giftCodes);
    }

    public MoveKeyUseCase moves() {
        return optional(MoveKeyUseCase.class);
    }

    public TelegramUseCases withMoves(MoveKeyUseCase keyMoves) {
        return with(MoveKeyUseCase.class, keyMoves);
    }
}
