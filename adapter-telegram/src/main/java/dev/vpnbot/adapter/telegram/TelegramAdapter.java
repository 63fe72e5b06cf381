package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.admin.AdminUseCases;
import dev.vpnbot.adapter.telegram.notify.TelegramBroadcastChannel;
import dev.vpnbot.adapter.telegram.notify.TelegramNotifier;
import dev.vpnbot.adapter.telegram.outbox.RateLimitedSender;
import dev.vpnbot.adapter.telegram.outbox.SenderLimits;
import dev.vpnbot.adapter.telegram.shop.TelegramUseCases;
import dev.vpnbot.application.port.in.account.ChangeLanguageUseCase;
import dev.vpnbot.application.port.in.account.FindUserUseCase;
import dev.vpnbot.application.port.in.account.MarkUserBlockedUseCase;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
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
import dev.vpnbot.application.port.out.admin.BroadcastChannel;
import dev.vpnbot.application.port.out.notify.Notifier;
import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;

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
    private final Notifier notifier;
    private final BroadcastChannel broadcasts;

    /**
     * @param blocking told when a private chat blocked the bot (Telegram's 403): marking the user is the business side
     * @param http     the process's shared client, which the sender derives its own from; its owner closes it, after this adapter
     */
    public TelegramAdapter(TelegramSettings settings, MarkUserBlockedUseCase blocking, ConversationStates states, Clock clock,
                           OkHttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.states = Objects.requireNonNull(states, "states");
        this.sender = new RateLimitedSender(http, settings, blocking::markBlocked, SenderLimits.telegramDefaults());
        this.notifier = new TelegramNotifier(settings, sender, states, clock);
        this.broadcasts = new TelegramBroadcastChannel(settings, sender);
    }

    public Notifier notifier() {
        return notifier;
    }

    public BroadcastChannel broadcastChannel() {
        return broadcasts;
    }

    /** Messages waiting in the sender, for monitoring. */
    public int queueLength() {
        return sender.queueLength();
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

        private BotAssembly() {}

        /** @param payInTestMode the "Pay (test)" button's use case; null unless payment test mode is on */
        public BotAssembly shop(RegisterUserUseCase register, FindUserUseCase users, ChangeLanguageUseCase language,
                                ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placement,
                                CheckPaymentUseCase check, CancelOrderUseCase cancel, ShowMyKeysUseCase myKeys,
                                PayInTestModeUseCase payInTestMode) {
            this.shop = new TelegramUseCases(register, users, language, tariffs, servers, placement, check, cancel, myKeys, payInTestMode);
            return this;
        }

        /** The key screen's "Reset link" button; call after {@link #shop}. */
        public BotAssembly resetLink(ResetLinkUseCase reset) {
            this.shop = Objects.requireNonNull(shop, "shop use cases first").withResetLink(reset);
            return this;
        }

        public BotAssembly admin(ManageServersUseCase servers, ManageTariffsUseCase tariffs, ShowStatisticsUseCase statistics,
                                 BroadcastUseCase broadcastUseCase, ManageUsersUseCase users) {
            this.admin = new AdminUseCases(servers, tariffs, statistics, broadcastUseCase, users);
            return this;
        }

        public TelegramBot build() {
            return new TelegramBot(settings, sender, Objects.requireNonNull(shop, "shop use cases"), admin, states);
        }
    }
}
