package dev.vpnbot.adapter.telegram.notify;

import dev.vpnbot.application.model.payment.StarPayment;
import java.time.Instant;
import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.adapter.telegram.shop.KeyCard;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase.KeyOverview;
import dev.vpnbot.application.port.out.ConversationStates;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.BalanceNotices;
import dev.vpnbot.application.port.out.notify.ConnectHelp;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.port.out.notify.ReminderKind;
import dev.vpnbot.domain.key.KeyLocation;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.List;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Notifier port over Telegram: key delivered (QR, links, next step), key extended, payment
 * too low, expiry reminders with an Extend button, and alerts to the operators. Every message is
 * in the recipient's language (the operator's for users we do not know) and goes through the one
 * rate-limited sender. Never throws: a message that cannot be prepared is logged and the business
 * goes on.
 */
public final class TelegramNotifier implements Notifier, BalanceNotices, ConnectHelp {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramNotifier.class);

    private final NoticeSettings settings;
    private final Outbox sender;
    private final Conversations conversations;
    private final Clock clock;
    private final KeyCard card;

    /**
     * @param states the conversation states: a delivered key ends the user's paying step
     * @param clock  for the time left in messages
     */
    public TelegramNotifier(NoticeSettings settings, Outbox sender, ConversationStates states, Clock clock) {
        this.settings = settings;
        this.sender = sender;
        this.conversations = new Conversations(states);
        this.clock = clock;
        this.card = new KeyCard(sender, settings.subscriptionBaseUrl());
    }

    @Override
    public CompletionStage<Void> keyReady(Recipient to, VpnKey key, String serverName) {
        return keyReady(to, key, serverName, null, List.of());
    }

    @Override
    public CompletionStage<Void> keyReady(Recipient to, VpnKey key, String serverName, SubscriptionToken subscription,
                                          List<KeyLocation> links) {
        return delivery("keyReady", to.user(), () -> {
            Reader r = reader(to);
            if (key.links() == null) {
                LOG.warn("key {} of user {} announced without links", key.id(), to.user());
                return CompletableFuture.completedFuture(null);
            }
            endPayingStep(to.user());
            return card.send(r.chatId(), r.texts(), r.zone(), new KeyOverview(key, serverName, key.remaining(clock), subscription, links),
                    "key.ready");
        });
    }

    @Override
    public CompletionStage<Void> keyExtended(Recipient to, VpnKey key, String serverName) {
        return delivery("keyExtended", to.user(), () -> {
            Reader r = reader(to);
            Texts t = r.texts();
            endPayingStep(to.user());
            KeyOverview overview = overview(key, serverName);
            String id = String.valueOf(key.id().value());
            return sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(
                            t.html("notify.extended", overview.serverName(), t.date(key.expiresAt(), r.zone()), t.remaining(overview.remaining())))
                    .row(Button.callback(t.label("key.button.show"), CallbackData.of(Action.KEY_SHOW, id)))
                    .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)), MainMenu.back(t))));
        });
    }

    @Override
    public CompletionStage<Void> paymentTooLow(Recipient to, Order order, Money paid) {
        return delivery("paymentTooLow", to.user(), () -> {
            Reader r = reader(to);
            Texts t = r.texts();
            boolean onBalance = paid != null && paid.sameCurrencyAs(order.price()) && paid.amount().signum() > 0;
            if (onBalance) { // Deposits put it on the balance: the rest completes the order
                return sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(t.html("notify.payment_too_low_on_balance",
                                order.publicId().value(), t.money(paid), t.money(order.price())))
                        .row(Button.callback(t.label("balance.button.pay_rest"), CallbackData.of(Action.BALANCE_PAY_REST, order.id().value())))
                        .row(Button.callback(t.label("menu.support"), CallbackData.of(Action.SUPPORT)))
                        .row(MainMenu.back(t))));
            }
            return sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(t.html("notify.payment_too_low", order.publicId().value(),
                            paid == null ? "?" : t.money(paid), t.money(order.price())))
                    .row(Button.callback(t.label("menu.support"), CallbackData.of(Action.SUPPORT)))
                    .row(MainMenu.back(t))));
        });
    }

    @Override
    public void expiryReminder(Recipient to, VpnKey key, String serverName, ReminderKind kind) {
        guard("expiryReminder", to.user(), () -> {
            if (to.blocked()) {
                LOG.debug("no reminder for user {}: they blocked the bot", to.user());
                return;
            }
            Reader r = reader(to);
            Texts t = r.texts();
            KeyOverview overview = overview(key, serverName);
            String text = kind == ReminderKind.EXPIRED
                    ? t.html("notify.expired", overview.serverName(), t.date(key.expiresAt(), r.zone()))
                    : t.html("notify.expires_soon", overview.serverName(), t.date(key.expiresAt(), r.zone()), t.remaining(overview.remaining()));
            sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(text)
                    .row(Button.callback(t.label("key.button.extend"), CallbackData.of(Action.KEY_EXTEND, key.id().value())))
                    .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)))));
        });
    }

    /** "Need help connecting?": the steps for the user's platform, or support. */
    @Override
    public void offer(Recipient to, VpnKey key, String serverName) {
        guard("connectHelp", to.user(), () -> {
            if (to.blocked()) return;
            Reader r = reader(to);
            Texts t = r.texts();
            sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(t.html("notify.connect_help", serverName))
                    .row(Button.callback(t.label("key.button.connect"), CallbackData.of(Action.CONNECT_FOR_KEY, key.id().value())))
                    .row(Button.callback(t.label("menu.support"), CallbackData.of(Action.SUPPORT)))));
        });
    }

    @Override
    public void autoRenewShort(Recipient to, VpnKey key, Money shortfall) {
        guard("autoRenewShort", to.user(), () -> {
            if (to.blocked()) return;
            Reader r = reader(to);
            Texts t = r.texts();
            sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(t.html("notify.auto_renew_short",
                            t.date(key.expiresAt(), r.zone()), t.money(shortfall)))
                    .row(Button.callback(t.label("balance.button.top_up"), CallbackData.of(Action.BALANCE_TOP_UP)))
                    .row(Button.callback(t.label("key.button.extend"), CallbackData.of(Action.KEY_EXTEND, key.id().value())))));
        });
    }

    /** A trial key is not extended: its reminders offer the tariffs. */
    @Override
    public void trialReminder(Recipient to, VpnKey key, String serverName, ReminderKind kind) {
        guard("trialReminder", to.user(), () -> {
            if (to.blocked()) return;
            Reader r = reader(to);
            Texts t = r.texts();
            KeyOverview overview = overview(key, serverName);
            String text = kind == ReminderKind.EXPIRED
                    ? t.html("notify.trial_ended", overview.serverName(), t.date(key.expiresAt(), r.zone()))
                    : t.html("notify.trial_ending", overview.serverName(), t.date(key.expiresAt(), r.zone()), t.remaining(overview.remaining()));
            sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(text)
                    .row(Button.callback(t.label("menu.buy"), CallbackData.of(Action.BUY)))
                    .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)))));
        });
    }

    @Override
    public void starsPaymentNews(Recipient to, StarPayment payment, Instant keyExpiry) {
        guard("starsPaymentNews", to.user(), () -> {
            Reader r = reader(to);
            Texts t = r.texts();
            String text = payment.isRefunded()
                    ? keyExpiry == null ? t.html("notify.stars_refunded", payment.stars().count())
                      : t.html("notify.stars_refunded_until", payment.stars().count(), t.date(keyExpiry, r.zone()))
                    : t.html("notify.stars_held", payment.stars().count());
            sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(text)
                    .row(Button.callback(t.label("menu.support"), CallbackData.of(Action.SUPPORT)))
                    .row(MainMenu.back(t))));
        });
    }

    @Override
    public void alertAdmins(AdminAlert alert) {
        try {
            Texts t = Texts.of(settings.defaultLanguage());
            // the kind's code stays beside its title: operators grep logs and search chats for it
            String text = t.html("notify.admin_alert", t.label(alertTitle(alert.kind())), alert.kind().name(), alert.detail());
            if (settings.alertDestinations().isEmpty()) {
                LOG.warn("admin alert with nobody to tell (set admin ids or a support chat): {} {}", alert.kind(), alert.detail());
                return;
            }
            for (long chat : settings.alertDestinations()) {
                sender.send(chat, Interaction.message(chat, View.of(text)));
            }
        } catch (RuntimeException e) {
            LOG.error("admin alert {} could not be sent: {}", alert.kind(), alert.detail(), e);
        }
    }

    public static String alertTitle(AdminAlert.Kind kind) {
        return "notify.admin_alert.kind." + kind.name();
    }

    /** Where the message goes and how it reads; what the recipient has not chosen is the operator's. */
    private record Reader(long chatId, Texts texts, ZoneId zone) {}

    private Reader reader(Recipient to) {
        Language language = to.language() != null ? to.language() : settings.defaultLanguage();
        ZoneId zone = to.zone() != null ? to.zone() : settings.defaultZone();
        return new Reader(to.user().telegramId(), Texts.of(language), zone);
    }

    private KeyOverview overview(VpnKey key, String serverName) {
        return new KeyOverview(key, serverName, key.remaining(clock));
    }

    private void endPayingStep(UserId user) {
        long chat = user.telegramId();
        if (conversations.is(chat, Conversation.Step.PAYING)) conversations.clear(chat);
    }

    /** Like {@link #guard}, for the order notices the outbox waits on: done when Telegram took the message(s), failed otherwise. */
    private static CompletionStage<Void> delivery(String what, UserId user, Supplier<CompletableFuture<?>> work) {
        try {
            return work.get().thenApply(sent -> null);
        } catch (RuntimeException e) {
            LOG.error("{} for user {} could not be sent", what, user, e);
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void guard(String what, UserId user, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("{} for user {} could not be sent", what, user, e);
        }
    }
}
