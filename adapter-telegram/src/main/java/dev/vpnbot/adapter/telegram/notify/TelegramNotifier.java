package dev.vpnbot.adapter.telegram.notify;

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
import dev.vpnbot.application.port.in.account.FindUserUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase.KeyOverview;
import dev.vpnbot.application.port.out.ConversationStates;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.notify.ReminderKind;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Notifier port over Telegram: key delivered (QR, links, next step), key extended, payment
 * too low, expiry reminders with an Extend button, and alerts to the operators. Every message is
 * in the user's language and goes through the one rate-limited sender. Never throws: a message
 * that cannot be prepared is logged and the business goes on.
 */
public final class TelegramNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramNotifier.class);

    private final NoticeSettings settings;
    private final Outbox sender;
    private final FindUserUseCase users;
    private final ShowMyKeysUseCase myKeys;
    private final Conversations conversations;
    private final Clock clock;
    private final KeyCard card;

    /**
     * @param states the conversation states: a delivered key ends the user's paying step
     * @param clock  for the time left in messages
     */
    public TelegramNotifier(NoticeSettings settings, Outbox sender, FindUserUseCase users,
                            ShowMyKeysUseCase myKeys, ConversationStates states, Clock clock) {
        this.settings = settings;
        this.sender = sender;
        this.users = users;
        this.myKeys = myKeys;
        this.conversations = new Conversations(states);
        this.clock = clock;
        this.card = new KeyCard(sender);
    }

    @Override
    public void keyReady(UserId user, VpnKey key) {
        guard("keyReady", user, () -> {
            Recipient r = recipient(user);
            if (key.links() == null) {
                LOG.warn("key {} of user {} announced without links", key.id(), user);
                return;
            }
            endPayingStep(user);
            card.send(r.chatId(), r.texts(), r.zone(), overview(user, key), "key.ready");
        });
    }

    @Override
    public void keyExtended(UserId user, VpnKey key) {
        guard("keyExtended", user, () -> {
            Recipient r = recipient(user);
            Texts t = r.texts();
            endPayingStep(user);
            KeyOverview overview = overview(user, key);
            String id = String.valueOf(key.id().value());
            sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(
                            t.html("notify.extended", overview.serverName(), t.date(key.expiresAt(), r.zone()), t.remaining(overview.remaining())))
                    .row(Button.callback(t.label("key.button.show"), CallbackData.of(Action.KEY_SHOW, id)))
                    .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)), MainMenu.back(t))));
        });
    }

    @Override
    public void paymentTooLow(UserId user, Order order, Money paid) {
        guard("paymentTooLow", user, () -> {
            Recipient r = recipient(user);
            Texts t = r.texts();
            sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(t.html("notify.payment_too_low", order.publicId().value(),
                            paid == null ? "?" : t.money(paid), t.money(order.price())))
                    .row(Button.callback(t.label("menu.support"), CallbackData.of(Action.SUPPORT)))
                    .row(MainMenu.back(t))));
        });
    }

    @Override
    public void expiryReminder(UserId user, VpnKey key, ReminderKind kind) {
        guard("expiryReminder", user, () -> {
            Recipient r = recipient(user);
            if (r.blocked()) {
                LOG.debug("no reminder for user {}: they blocked the bot", user);
                return;
            }
            Texts t = r.texts();
            KeyOverview overview = overview(user, key);
            String text = kind == ReminderKind.EXPIRED
                    ? t.html("notify.expired", overview.serverName(), t.date(key.expiresAt(), r.zone()))
                    : t.html("notify.expires_soon", overview.serverName(), t.date(key.expiresAt(), r.zone()), t.remaining(overview.remaining()));
            sender.send(r.chatId(), Interaction.message(r.chatId(), View.of(text)
                    .row(Button.callback(t.label("key.button.extend"), CallbackData.of(Action.KEY_EXTEND, key.id().value())))
                    .row(Button.callback(t.label("menu.keys"), CallbackData.of(Action.KEYS)))));
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

    /** Who gets the message and how they read it; unknown users get the operator's defaults. */
    private record Recipient(long chatId, Texts texts, ZoneId zone, boolean blocked) {}

    private Recipient recipient(UserId user) {
        Optional<User> known = users.find(user);
        Language language = known.map(User::language).orElse(settings.defaultLanguage());
        ZoneId zone = known.map(u -> u.zoneOr(settings.defaultZone())).orElse(settings.defaultZone());
        return new Recipient(user.telegramId(), Texts.of(language), zone, known.map(User::blocked).orElse(false));
    }

    /** The key with its server name; the server name falls back to its id if the key is not listed. */
    private KeyOverview overview(UserId user, VpnKey key) {
        return myKeys.myKeys(user).stream().filter(k -> k.key().id().equals(key.id())).findFirst()
                .map(listed -> new KeyOverview(key, listed.serverName(), key.remaining(clock)))
                .orElseGet(() -> new KeyOverview(key, "#" + key.serverId(), key.remaining(clock)));
    }

    private void endPayingStep(UserId user) {
        long chat = user.telegramId();
        if (conversations.is(chat, Conversation.Step.PAYING)) conversations.clear(chat);
    }

    private static void guard(String what, UserId user, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("{} for user {} could not be sent", what, user, e);
        }
    }
}
