package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.admin.AdminUseCases;
import dev.vpnbot.application.port.in.codes.ManagePromoCodesUseCase;
import dev.vpnbot.application.port.in.codes.RedeemPromoCodeUseCase;
import dev.vpnbot.adapter.telegram.notify.TelegramBackupChannel;
import dev.vpnbot.adapter.telegram.notify.TelegramBroadcastChannel;
import dev.vpnbot.adapter.telegram.notify.TelegramNotifier;
import dev.vpnbot.adapter.telegram.outbox.BotApiReachability;
import dev.vpnbot.adapter.telegram.outbox.RateLimitedSender;
import dev.vpnbot.adapter.telegram.outbox.SenderLimits;
import dev.vpnbot.adapter.telegram.shop.TelegramUseCases;
import dev.vpnbot.adapter.telegram.members.ChannelMembers;
import dev.vpnbot.adapter.telegram.stars.StarsDirectLine;
import dev.vpnbot.application.port.in.growth.InviteFriendsUseCase;
import dev.vpnbot.application.port.in.growth.ManageGrowthUseCase;
import dev.vpnbot.application.port.in.growth.StartTrialUseCase;
import dev.vpnbot.application.port.out.growth.ChannelMembership;
import dev.vpnbot.application.port.in.admin.StarsRefundUseCase;
import dev.vpnbot.application.port.in.admin.SetTariffLimitsUseCase;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase;
import dev.vpnbot.application.port.out.payment.StarsRefunds;
import dev.vpnbot.application.port.in.account.ChangeLanguageUseCase;
import dev.vpnbot.application.port.in.account.ChangeTimeZoneUseCase;
import dev.vpnbot.application.port.in.account.FindUserUseCase;
import dev.vpnbot.application.port.in.account.MarkUserBlockedUseCase;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.in.account.ShowKeyUsageUseCase;
import dev.vpnbot.application.port.in.account.DiagnoseKeyUseCase;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.in.admin.ManageUsersUseCase;
import dev.vpnbot.application.port.in.admin.ShowStatisticsUseCase;
import dev.vpnbot.application.port.in.ordering.CancelOrderUseCase;
import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase;
import dev.vpnbot.application.port.in.payment.PayInTestModeUseCase;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.application.port.out.ConversationStates;
import dev.vpnbot.application.port.out.admin.BackupChannel;
import dev.vpnbot.application.port.out.admin.BroadcastChannel;
import dev.vpnbot.application.port.out.notify.BalanceNotices;
import dev.vpnbot.adapter.telegram.shop.balance.BalanceUseCases;
import dev.vpnbot.application.port.in.admin.ManageBalancesUseCase;
import dev.vpnbot.application.port.in.balance.AutoRenewUseCase;
import dev.vpnbot.application.port.in.balance.PayFromBalanceUseCase;
import dev.vpnbot.application.port.in.balance.ShowBalanceUseCase;
import dev.vpnbot.application.port.in.balance.TopUpBalanceUseCase;
import dev.vpnbot.application.port.out.notify.ConnectHelp;
import dev.vpnbot.application.port.out.notify.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import dev.vpnbot.application.port.in.account.ListVpnAppsUseCase;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The adapter as bootstrap sees it, so that wiring needs nothing below this package. The driven
 * side (the one rate-limited sender, the {@link Notifier} and the {@link BroadcastChannel} that
 * talk through it) exists from construction, because the services the bot drives need it; the
 * driving side, the {@link TelegramBot}, is assembled afterwards from the in-ports with {@link #bot()}.
 */
public final class TelegramAdapter implements AutoCloseable {
    private final TelegramSettings settings;
    private final ConversationStates states;
    private final RateLimitedSender sender;
    private final TelegramNotifier notifier;
    private final BroadcastChannel broadcasts;
    private final StarsDirectLine starsLine;
    private final ChannelMembers channelMembers;
    private final OkHttpClient http;

    /**
     * @param blocking told when a private chat blocked the bot (Telegram's 403): marking the user is the business side
     * @param http     the process's shared client, which the sender derives its own from; its owner closes it, after this adapter
     */
    public TelegramAdapter(TelegramSettings settings, MarkUserBlockedUseCase blocking, ConversationStates states, Clock clock,
                           OkHttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.states = Objects.requireNonNull(states, "states");
        this.sender = new RateLimitedSender(http, settings, blocking::markBlocked, SenderLimits.telegramDefaults());
        // notices and broadcasts are the bot's own: they take the overall budget, answers go at once
        this.notifier = new TelegramNotifier(settings, sender.unprompted(), states, clock);
        this.broadcasts = new TelegramBroadcastChannel(settings, sender.unprompted());
        this.starsLine = new StarsDirectLine(http, settings);
        this.channelMembers = new ChannelMembers(http, settings);
        this.http = http;
    }

    /** Stars refunds go to Telegram at once (refundStarPayment), not behind the message queue. */
    public StarsRefunds starsRefunds() {
        return starsLine;
    }

    /**
     * Where database backups go: documents into {@code chats}, on a client of their own with
     * upload-sized timeouts (derived from the shared one, which its owner closes).
     */
    public BackupChannel backupChannel(List<Long> chats) {
        OkHttpClient uploads = http.newBuilder().writeTimeout(Duration.ofMinutes(5)).readTimeout(Duration.ofMinutes(2)).build();
        return new TelegramBackupChannel(new OkHttpTelegramClient(uploads, settings.botToken(), settings.telegramUrl()), chats);
    }

    public Notifier notifier() {
        return notifier;
    }

    /** The balance's unprompted messages (auto-renew short of money), through the same sender. */
    public BalanceNotices balanceNotices() {
        return notifier;
    }

    /** The "need help connecting?" message, on the same unprompted lane as the notifier's. */
    public ConnectHelp connectHelp() {
        return (ConnectHelp) notifier;
    }

    /** Tells a referrer the discount code they earned. */
    public dev.vpnbot.application.port.out.notify.ReferralNews referralNews() {
        return new dev.vpnbot.adapter.telegram.notify.TelegramReferralNews(settings, sender.unprompted());
    }

    /** Gift messages to buyers; the link's bot name is asked of Telegram (getMe) when first needed. */
    public dev.vpnbot.application.port.out.notify.GiftNews giftNews() {
        return new dev.vpnbot.adapter.telegram.notify.TelegramGiftNews(settings, sender.unprompted(), () -> botName(settings, http));
    }

    /** An evacuated key's news to its owner (docs/MOVES.md), on the unprompted lane. */
    public dev.vpnbot.application.port.out.notify.MoveNews moveNews() {
        return new dev.vpnbot.adapter.telegram.notify.TelegramMoveNews(settings, sender.unprompted());
    }

    /** The bot's username, asked of Telegram (getMe). */
    static String botName(TelegramSettings settings, OkHttpClient http) {
        try {
            return new OkHttpTelegramClient(http.newBuilder().build(), settings.botToken(), settings.telegramUrl())
                    .execute(new GetMe()).getUserName();
        } catch (TelegramApiException e) {
            throw new IllegalStateException("getMe failed: " + e.getMessage(), e);
        }
    }

    public BroadcastChannel broadcastChannel() {
        return broadcasts;
    }

    /** Messages waiting in the sender, for monitoring. */
    public int queueLength() {
        return sender.queueLength();
    }

    /**
     * Empty while the Bot API answers (or before the first call); otherwise one line for
     * {@code /healthz}: the address, why it fails, since when. Never the token.
     */
    public Optional<String> botApiOutage() {
        BotApiReachability reach = sender.reachability();
        return reach.outage().map(o -> "Telegram Bot API at " + reach.address() + " " + o.cause() + " since " + o.since()
                + " (" + o.failedCalls() + " failed calls)");
    }

    /**
     * For {@code vpnbot doctor}: asks the Bot API who the token belongs to. Returns "@name (id …)";
     * throws {@link IllegalStateException} with one sentence naming the cause and what to check,
     * never the token.
     */
    public static String whoAmI(TelegramSettings settings, OkHttpClient http) {
        BotApiReachability address = new BotApiReachability(settings.telegramUrl());
        TelegramClient client = new OkHttpTelegramClient(http.newBuilder().build(), settings.botToken(), settings.telegramUrl());
        try {
            User me = client.execute(new GetMe());
            return "@" + me.getUserName() + " (id " + me.getId() + ")";
        } catch (TelegramApiRequestException e) {
            int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
            throw new IllegalStateException("Telegram Bot API at " + address.address() + " refused getMe (" + code + " "
                    + e.getApiResponse() + ")" + (code == 401 || code == 404 ? "; check BOT_TOKEN" : ""));
        } catch (TelegramApiException e) {
            String cause = e.getCause() instanceof java.io.IOException io ? BotApiReachability.networkCause(io) : "no answer";
            throw new IllegalStateException("Telegram Bot API at " + address.address() + " unreachable (" + cause
                    + "); check TELEGRAM_API_URL and the network");
        }
    }

    /** Telegram's word on channel membership, for the free trial's channel gate. */
    public ChannelMembership channelMembership() {
        return channelMembers;
    }

    /** Starts assembling the bot on this adapter's sender. */
    public BotAssembly bot() {
        return new BotAssembly();
    }

    /** Stops the sender; the bot is closed by its own owner first. */
    @Override
    public void close() {
        sender.close();
    }

    /** The in-ports the bot drives: the buyer's in {@link #shop}, the admin panel's in {@link #admin}. */
    public final class BotAssembly {
        private TelegramUseCases shop;
        private AdminUseCases admin;
        private PayWithStarsUseCase stars;
        private StarsRefundUseCase starsRefunds;
        private ManageBalancesUseCase balances;
        private StartTrialUseCase trial;
        private InviteFriendsUseCase invite;
        private ManageGrowthUseCase growth;
        private ListVpnAppsUseCase apps;
        private ManageAppsUseCase manageApps;

        private BotAssembly() {}

        /** The free trial and referrals (docs/GROWTH.md); any may be null: that part is off. */
        public BotAssembly growth(StartTrialUseCase freeTrial, InviteFriendsUseCase invitations, ManageGrowthUseCase manageGrowth) {
            this.trial = freeTrial;
            this.invite = invitations;
            this.growth = manageGrowth;
            return this;
        }

        /** The VPN apps: buyers' guide and /connect read them, admins change them (their screen). */
        public BotAssembly apps(ListVpnAppsUseCase list, ManageAppsUseCase manage) {
            this.apps = list;
            this.manageApps = manage;
            return this;
        }

        /** Telegram Stars for buyers and Stars refunds for admins; leave out while Stars are off. */
        public BotAssembly stars(PayWithStarsUseCase payWithStars, StarsRefundUseCase refunds) {
            this.stars = payWithStars;
            this.starsRefunds = refunds;
            return this;
        }

        /** @param payInTestMode the "Pay (test)" button's use case; null unless payment test mode is on */
        public BotAssembly shop(RegisterUserUseCase register, FindUserUseCase users, ChangeLanguageUseCase language,
                                ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placement,
                                CheckPaymentUseCase check, CancelOrderUseCase cancel, ShowMyKeysUseCase myKeys,
                                PayInTestModeUseCase payInTestMode, ChangeTimeZoneUseCase timeZone) {
            this.shop = new TelegramUseCases(register, users, language, tariffs, servers, placement, check, cancel, myKeys, payInTestMode,
                    timeZone);
            return this;
        }

        /** The balance: the buyer's screens and "Pay from balance"; the ledger on the admin's user card. Call after {@link #shop} and {@link #admin}. */
        public BotAssembly balance(ShowBalanceUseCase show, TopUpBalanceUseCase topUp, PayFromBalanceUseCase pay, AutoRenewUseCase autoRenew,
                                   ManageBalancesUseCase ledgers) {
            this.shop = Objects.requireNonNull(shop, "shop use cases first").withBalance(new BalanceUseCases(show, topUp, pay, autoRenew));
            this.balances = ledgers;
            return this;
        }

        /** The key screen's "Reset link" button; call after {@link #shop}. */
        public BotAssembly resetLink(ResetLinkUseCase reset) {
            this.shop = Objects.requireNonNull(shop, "shop use cases first").withResetLink(reset);
            return this;
        }

        /** The key screen's live usage lines; call after {@link #shop}. */
        public BotAssembly keyUsage(ShowKeyUsageUseCase usage) {
            this.shop = Objects.requireNonNull(shop, "shop use cases first").withKeyUsage(usage);
            return this;
        }

        /** The key screen's "My VPN doesn't work" button; call after {@link #shop}. */
        public BotAssembly keyDiagnosis(DiagnoseKeyUseCase diagnosis) {
            this.shop = Objects.requireNonNull(shop, "shop use cases first").withKeyDiagnosis(diagnosis);
            return this;
        }

        /** The tariff card's device and traffic limits; call after {@link #admin}. */
        public BotAssembly tariffLimits(SetTariffLimitsUseCase limits) {
            this.admin = Objects.requireNonNull(admin, "admin use cases first").withTariffLimits(limits);
            return this;
        }

        public BotAssembly admin(ManageServersUseCase servers, ManageTariffsUseCase tariffs, ShowStatisticsUseCase statistics,
                                 BroadcastUseCase broadcastUseCase, ManageUsersUseCase users,
                                 IssueEnrollmentTokenUseCase enrollmentTokens, BanUsersUseCase bans) {
            this.admin = new AdminUseCases(servers, tariffs, statistics, broadcastUseCase, users, enrollmentTokens, bans);
            return this;
        }

        /** Promo codes: "I have a code" and start links for buyers, the codes screen for admins; call after {@link #shop} and {@link #admin}. */
        public BotAssembly promoCodes(RedeemPromoCodeUseCase redeem, ManagePromoCodesUseCase manage) {
            this.shop = Objects.requireNonNull(shop, "shop use cases first").withPromoCodes(redeem);
            this.admin = admin == null ? null : admin.withPromoCodes(manage);
            return this;
        }

        /** Gift codes for buyers ("Buy as a gift", gift_ start links, My gifts); call after {@link #shop}. */
        public BotAssembly gifts(dev.vpnbot.application.port.in.gifts.GiftsUseCase gifts) {
            this.shop = Objects.requireNonNull(shop, "shop use cases first").withGifts(gifts);
            return this;
        }

        /** The server groups screen (docs/SUBSCRIPTION.md); call after {@link #admin}. */
        public BotAssembly serverGroups(dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase groups) {
            this.admin = Objects.requireNonNull(admin, "admin use cases first").withServerGroups(groups);
            return this;
        }

        /** "Evacuate" on the admin's server card (docs/MOVES.md); call after {@link #admin}. */
        public BotAssembly evacuations(dev.vpnbot.application.port.in.move.EvacuateServerUseCase evacuate) {
            this.admin = admin == null ? null : admin.withEvacuations(evacuate);
            return this;
        }

        /** The key screen's "Change location" (docs/MOVES.md); call after {@link #shop}. */
        public BotAssembly moves(dev.vpnbot.application.port.in.move.MoveKeyUseCase moveKey) {
            this.shop = Objects.requireNonNull(shop, "shop use cases first").withMoves(moveKey);
            return this;
        }

        public TelegramBot build() {
            TelegramUseCases useCases = Objects.requireNonNull(shop, "shop use cases").withStars(stars).withGrowth(trial, invite).withApps(apps);
            AdminUseCases adminUseCases = admin == null ? null : admin.withStars(starsRefunds).withBalances(balances).withGrowth(growth).withApps(manageApps);
            return new TelegramBot(settings, sender, useCases, adminUseCases, states, starsLine);
        }
    }
}
