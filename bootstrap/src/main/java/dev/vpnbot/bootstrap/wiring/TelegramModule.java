package dev.vpnbot.bootstrap.wiring;

import dev.vpnbot.application.port.in.admin.StarsRefundUseCase;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase;
import dev.vpnbot.application.port.out.payment.StarsRefunds;
import dev.vpnbot.bootstrap.config.StarsConfig;
import dev.vpnbot.application.port.in.account.ListVpnAppsUseCase;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.ProvidesIntoOptional;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.vpnbot.adapter.telegram.TelegramAdapter;
import dev.vpnbot.adapter.telegram.TelegramBot;
import dev.vpnbot.adapter.telegram.SubscriptionRoute;
import dev.vpnbot.adapter.telegram.SubscriptionSettings;
import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.adapter.telegram.WebPage;
import dev.vpnbot.application.port.in.account.ChangeTimeZoneUseCase;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase;
import dev.vpnbot.application.port.in.ordering.CancelOrderUseCase;
import dev.vpnbot.application.port.in.account.ChangeLanguageUseCase;
import dev.vpnbot.application.port.in.codes.ManagePromoCodesUseCase;
import dev.vpnbot.application.port.in.codes.RedeemPromoCodeUseCase;
import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase;
import dev.vpnbot.application.port.in.account.FindUserUseCase;
import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import dev.vpnbot.application.port.in.account.MarkUserBlockedUseCase;
import dev.vpnbot.application.port.in.payment.PayInTestModeUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.in.account.ShowKeyUsageUseCase;
import dev.vpnbot.application.port.in.account.DiagnoseKeyUseCase;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.in.admin.SetTariffLimitsUseCase;
import dev.vpnbot.application.port.in.admin.ManageUsersUseCase;
import dev.vpnbot.application.port.in.admin.ShowStatisticsUseCase;
import dev.vpnbot.application.port.in.subscription.FetchSubscriptionUseCase;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.application.port.out.ConversationStates;
import dev.vpnbot.application.port.out.admin.BackupChannel;
import dev.vpnbot.application.port.out.admin.BroadcastChannel;
import dev.vpnbot.application.port.out.notify.ConnectHelp;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.HeleketConfig;
import dev.vpnbot.bootstrap.config.HttpConfig;
import dev.vpnbot.bootstrap.config.OperatorConfig;
import dev.vpnbot.bootstrap.config.ShopLimits;
import dev.vpnbot.bootstrap.config.SubscriptionConfig;
import dev.vpnbot.bootstrap.config.TelegramConfig;
import dev.vpnbot.bootstrap.config.TelegramMode;
import dev.vpnbot.bootstrap.health.HealthCheck;
import dev.vpnbot.bootstrap.health.TelegramHealthCheck;
import dev.vpnbot.bootstrap.http.Route;
import dev.vpnbot.bootstrap.http.WebHandler;
import dev.vpnbot.bootstrap.http.WebReply;
import dev.vpnbot.bootstrap.lifecycle.ManagedResource;
import dev.vpnbot.bootstrap.lifecycle.UpdateSource;
import dev.vpnbot.bootstrap.metrics.BotMetrics;
import dev.vpnbot.bootstrap.metrics.SenderQueue;
import java.time.Clock;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The Telegram adapter: the one rate-limited sender, the notifier, the bot (long polling or
 * webhook) and its routes, /webhooks/telegram, /connect and the subscription link /sub/&lt;token&gt;.
 */
public final class TelegramModule extends AbstractModule {

    @Override
    protected void configure() {
        Autowire.singleton(binder(), TelegramAdapter.class);
    }

    @Provides
    @Singleton
    TelegramSettings settings(TelegramConfig telegram, OperatorConfig operator, HttpConfig http, HeleketConfig heleket,
                              ShopLimits limits, StarsConfig stars) {
        TelegramSettings.Builder builder = TelegramSettings.builder(telegram.botToken().reveal())
                .apiBaseUrl(telegram.apiUrl().toString())
                .adminIds(operator.adminIds())
                .supportChatId(chatId(operator.supportChatId()))
                .defaultZone(operator.timeZone())
                .defaultLanguage(operator.defaultLanguage())
                .publicUrl(http.publicUrl() == null ? null : http.publicUrl().toString())
                .paymentTestMode(heleket.testMode())
                .userActionsPerMinute(limits.userActionsPerMinute())
                .updateQueue(telegram.intake().updateQueue())
                .updateWorkers(telegram.intake().updateWorkers())

                // with Stars on and no Heleket, the crypto button would lead to a placeholder page: only Stars are offered
                .cryptoPayments(heleket.isConfigured() || !stars.enabled());
        if (telegram.mode() == TelegramMode.WEBHOOK) {
            builder.webhook(telegram.webhookSecret() == null ? null : telegram.webhookSecret().reveal());
        } else {
            builder.longPolling();
        }
        return builder.build();
    }

    @Provides
    @Singleton
    Notifier notifier(TelegramAdapter adapter) {
        return adapter.notifier();
    }

    @Provides
    @Singleton
    ConnectHelp connectHelp(TelegramAdapter adapter) {
        return adapter.connectHelp();
    }

    @Provides
    @Singleton
    dev.vpnbot.application.port.out.notify.ReferralNews referralNews(TelegramAdapter adapter) {
        return adapter.referralNews();
    }

    @Provides
    @Singleton
    dev.vpnbot.application.port.out.notify.GiftNews giftNews(TelegramAdapter adapter) {
        return adapter.giftNews();
    }

    @Provides
    @Singleton
    dev.vpnbot.application.port.out.notify.MoveNews moveNews(TelegramAdapter adapter) {
        return adapter.moveNews();
    }

    /** Backups go to BACKUP_CHAT_ID, or to each admin's own chat. */
    @Provides
    @Singleton
    BackupChannel backupChannel(TelegramAdapter adapter, AppConfig config) {
        return adapter.backupChannel(config.backup().chatsOr(config.operator().adminIds()));
    }

    @Provides
    @Singleton
    StarsRefunds starsRefunds(TelegramAdapter adapter) {
        return adapter.starsRefunds();
    }

    @Provides
    @Singleton
    dev.vpnbot.application.port.out.notify.BalanceNotices balanceNotices(TelegramAdapter adapter) {
        return adapter.balanceNotices();
    }

    @Provides
    @Singleton
    dev.vpnbot.application.port.out.growth.ChannelMembership channelMembership(TelegramAdapter adapter) {
        return adapter.channelMembership();
    }

    @Provides
    @Singleton
    BroadcastChannel broadcastChannel(TelegramAdapter adapter) {
        return adapter.broadcastChannel();
    }

    @Provides
    @Singleton
    TelegramBot bot(TelegramAdapter adapter, RegisterUserUseCase register, FindUserUseCase users, ChangeLanguageUseCase language,
                    ListTariffsUseCase tariffs, ListServersForPurchaseUseCase servers, PlaceOrderUseCase placement,
                    CheckPaymentUseCase check, CancelOrderUseCase cancel, ShowMyKeysUseCase myKeys,
                    Optional<PayInTestModeUseCase> testPayments, ManageServersUseCase manageServers, ManageTariffsUseCase manageTariffs,
                    ShowStatisticsUseCase statistics, BroadcastUseCase broadcasts, ManageUsersUseCase manageUsers, BotMetrics metrics,
                    IssueEnrollmentTokenUseCase enrollmentTokens, Optional<PayWithStarsUseCase> payWithStars,
                    StarsRefundUseCase starsRefunds, ChangeTimeZoneUseCase timeZone, BanUsersUseCase bans,
                    ResetLinkUseCase resetLink, RedeemPromoCodeUseCase redeemCode, ManagePromoCodesUseCase manageCodes,
                    dev.vpnbot.application.port.in.balance.ShowBalanceUseCase balance,
                    dev.vpnbot.application.port.in.balance.TopUpBalanceUseCase topUp,
                    dev.vpnbot.application.port.in.balance.PayFromBalanceUseCase payFromBalance,
                    dev.vpnbot.application.port.in.balance.AutoRenewUseCase autoRenew,
                    dev.vpnbot.application.port.in.admin.ManageBalancesUseCase ledgers,
                    ShowKeyUsageUseCase keyUsage, SetTariffLimitsUseCase tariffLimits, DiagnoseKeyUseCase diagnoseKey,
                    dev.vpnbot.bootstrap.config.GrowthConfig growth,
                    dev.vpnbot.application.port.in.growth.StartTrialUseCase trial,
                    dev.vpnbot.application.port.in.growth.InviteFriendsUseCase invite,
                    dev.vpnbot.application.port.in.growth.ManageGrowthUseCase manageGrowth,
                    ListVpnAppsUseCase apps, ManageAppsUseCase manageApps,
                    dev.vpnbot.application.port.in.gifts.GiftsUseCase gifts,
                    dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase serverGroups,
                    dev.vpnbot.application.port.in.move.MoveKeyUseCase moveKey,
                    dev.vpnbot.application.port.in.move.EvacuateServerUseCase evacuate) {
        TelegramBot bot = adapter.bot()
                .shop(register, users, language, tariffs, servers, placement, check, cancel, myKeys, testPayments.orElse(null), timeZone)
                .resetLink(resetLink)
                .keyUsage(keyUsage)
                .keyDiagnosis(diagnoseKey)
                .admin(manageServers, manageTariffs, statistics, broadcasts, manageUsers, enrollmentTokens, bans)
                .promoCodes(redeemCode, manageCodes)
                .tariffLimits(tariffLimits)
                .gifts(gifts)
                .moves(moveKey)
                .evacuations(evacuate)
                .stars(payWithStars.orElse(null), starsRefunds)
                .balance(balance, topUp, payFromBalance, autoRenew, ledgers)
                .growth(trial, growth.referralEnabled() ? invite : null, manageGrowth)
                .apps(apps, manageApps)
                .serverGroups(serverGroups)
                .build();
        bot.observeUpdates(metrics::updateTaken);
        bot.observeOverload(metrics::updateOverloaded);
        return bot;
    }

    @ProvidesIntoSet
    UpdateSource updates(TelegramBot bot, TelegramSettings settings) {
        String name = settings.mode() == TelegramSettings.UpdateMode.WEBHOOK ? "telegram webhook" : "telegram long polling";
        return new UpdateSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                bot.start();
            }

            @Override
            public void stop() {
                bot.close();
            }
        };
    }

    @ProvidesIntoMap
    @RouteKey(Route.TELEGRAM_WEBHOOK)
    WebHandler webhook(TelegramBot bot, TelegramSettings settings) {
        if (settings.mode() != TelegramSettings.UpdateMode.WEBHOOK) {
            return request -> WebReply.text(404, "webhook mode is off\n");
        }
        return request -> WebReply.empty(bot.receiveWebhook(request.header(TelegramBot.WEBHOOK_SECRET_HEADER), request.body(),
                request.client()));
    }

    @ProvidesIntoMap
    @RouteKey(Route.CONNECT)
    WebHandler connect(TelegramBot bot) {
        return request -> {
            WebPage page = bot.connect(request.rawQuery());
            return new WebReply(page.status(), page.contentType(), page.body(), page.headers());
        };
    }

    @Provides
    @Singleton
    SubscriptionRoute subscriptionRoute(TelegramBot bot, FetchSubscriptionUseCase feed, AppConfig config, Clock clock) {
        SubscriptionConfig c = config.subscription();
        return bot.subscriptions(feed, new SubscriptionSettings(c.title(), c.updateIntervalHours(),
                c.supportUrl() == null ? null : c.supportUrl().toString(), c.botUrl() == null ? null : c.botUrl().toString(),
                c.announce(), c.requestsPerMinute()), clock);
    }

    /** Public for the end-to-end tests that mount it on a server of their own. */
    @ProvidesIntoMap
    @RouteKey(Route.SUBSCRIPTION)
    public WebHandler subscription(SubscriptionRoute route) {
        return request -> {
            WebPage page = route.answer(request.path(), request.header("Accept"), request.client());
            return new WebReply(page.status(), page.contentType(), page.body(), page.headers());
        };
    }

    @ProvidesIntoOptional(ProvidesIntoOptional.Type.ACTUAL)
    SenderQueue senderQueue(TelegramAdapter adapter) {
        return adapter::queueLength;
    }

    @ProvidesIntoSet
    HealthCheck telegramHealth(TelegramAdapter adapter) {
        return new TelegramHealthCheck(adapter::botApiOutage);
    }

    @ProvidesIntoSet
    ManagedResource senderResource(TelegramAdapter adapter) {
        return new ManagedResource("telegram sender", ManagedResource.CloseOrder.MESSAGING, adapter);
    }

    /** SUPPORT_CHAT_ID as a number; "@channel" names cannot receive forwarded tickets, so they are refused at start. */
    private static Long chatId(String supportChatId) {
        if (supportChatId == null || supportChatId.isBlank()) return null;
        try {
            return Long.parseLong(supportChatId.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("SUPPORT_CHAT_ID must be a numeric chat id such as -1001234567890, got '" + supportChatId + "'");
        }
    }
}
