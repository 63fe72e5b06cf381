package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase;
import dev.vpnbot.application.port.in.admin.BanUsersUseCase.BanReport;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageUsersUseCase;
import dev.vpnbot.application.port.in.admin.ManageUsersUseCase.UserDossier;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.application.port.in.admin.StarsRefundUseCase;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Users (admins): look a user up by Telegram id or @username, and see their keys (server, expiry,
 * status) and latest orders, with buttons to grant a new key or extend one ({@link GrantFlow}), and
 * to ban or unban them (a ban asks first: it switches their keys off).
 */
final class UsersScreen {
    private static final Logger LOG = LoggerFactory.getLogger(UsersScreen.class);
    private static final int MAX_KEYS = 10;
    private static final int MAX_ORDERS = 10;

    private final ManageUsersUseCase users;
    private final ManageServersUseCase servers;
    private final BanUsersUseCase bans;
    private final Conversations conversations;
    private StarsRefundUseCase stars;
    private ResetLinkUseCase linkResets;

    UsersScreen(ManageUsersUseCase users, ManageServersUseCase servers, BanUsersUseCase bans, Conversations conversations) {
        this.users = users;
        this.servers = servers;
        this.bans = bans;
        this.conversations = conversations;
    }

    /** "Reset link" per active key on the card; null: no such buttons. */
    UsersScreen withLinkReset(ResetLinkUseCase reset) {
        this.linkResets = reset;
        return this;
    }

    /** "Reset link" on a key: what it does to the user's configs, with a confirm button. */
    void askResetLink(Interaction ix, UserId user, KeyId key) {
        Texts t = ix.texts();
        String uid = String.valueOf(user.telegramId());
        ix.show(View.of(t.html("admin.reset_link.ask", key.value(), user.telegramId()))
                .row(Button.callback(t.label("admin.reset_link.yes"), CallbackData.of(Action.USER_KEY_RESET_LINK_CONFIRMED, uid, key.value())))
                .row(AdminHome.cancel(t, CallbackData.of(Action.USER, uid))));
    }

    /** New token and a new UUID on every panel the key is on; the card again with what happened. */
    void resetLink(Interaction ix, UserId user, KeyId key) {
        if (linkResets == null) throw new Refusal(Refusal.Reason.INVALID_INPUT, "link resets are off");
        ResetLinkUseCase.Outcome outcome = linkResets.reset(new ResetLinkUseCase.ResetLinkCommand(ix.userId(), key, true));
        LOG.info("admin {} reset the link of key {} of user {}: {}", ix.userId(), key, user, outcome.getClass().getSimpleName());
        String note = outcome instanceof ResetLinkUseCase.Outcome.Reset ? "admin.reset_link.done"
                : outcome instanceof ResetLinkUseCase.Outcome.Pending ? "admin.reset_link.pending"
                : outcome instanceof ResetLinkUseCase.Outcome.NotActive ? "admin.reset_link.inactive" : "admin.reset_link.refused";
        show(ix, find(ix, user), ix.texts().html(note, key.value()), null);
    }

    /** Stars payments on the card, with their refunds; null: Stars are off. */
    UsersScreen withStars(StarsRefundUseCase starsRefunds) {
        this.stars = starsRefunds;
        return this;
    }

    /** "Refund" on a Stars payment: what it is and what will be taken back, with a confirm button. */
    void askRefund(Interaction ix, UserId user, long receivedAtMs) {
        Texts t = ix.texts();
        StarPayment p = starPayment(ix, user, receivedAtMs);
        String uid = String.valueOf(user.telegramId());
        ix.show(View.of(t.html("admin.stars.refund_ask", p.stars().count(), user.telegramId(), p.chargeId(), p.payload()))
                .row(Button.callback(t.label("admin.stars.refund_confirm"), CallbackData.of(Action.STARS_REFUND_CONFIRMED, uid, receivedAtMs)))
                .row(Button.callback(t.label("admin.grant.back_to_user"), CallbackData.of(Action.USER, uid))));
    }

    /** The stars go back through Telegram first; then what they bought is taken back. */
    void refund(Interaction ix, UserId user, long receivedAtMs) {
        StarPayment p = stars.refund(ix.userId(), starPayment(ix, user, receivedAtMs).chargeId());
        ix.toast(ix.texts().label("admin.stars.refunded", p.stars().count()));
        dossier(ix, user);
    }

    /** Buttons carry the payment's receipt time (charge ids are too long for callback data). */
    private StarPayment starPayment(Interaction ix, UserId user, long receivedAtMs) {
        if (stars == null) throw new Refusal(Refusal.Reason.PAYMENT_NOT_FOUND, "Stars are off");
        List<StarPayment> matching = stars.starPayments(ix.userId(), user).stream()
                .filter(p -> p.receivedAt().toEpochMilli() == receivedAtMs).toList();
        if (matching.size() != 1) throw new Refusal(Refusal.Reason.PAYMENT_NOT_FOUND, "user " + user + " at " + receivedAtMs);
        return matching.get(0);
    }

    void ask(Interaction ix) {
        Texts t = ix.texts();
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_USER_LOOKUP, 0, ""));
        ix.show(View.of(t.html("admin.users.ask")).row(AdminHome.cancel(t, CallbackData.of(Action.ADMIN_HOME))));
    }

    void received(Interaction ix, Message message) {
        lookup(ix, message.hasText() ? message.getText() : "");
    }

    /** From the lookup step or "/user &lt;id or @name&gt;"; a miss asks again. */
    void lookup(Interaction ix, String query) {
        Texts t = ix.texts();
        String q = query == null ? "" : query.strip();
        Optional<UserDossier> found = q.isEmpty() ? Optional.empty() : users.findUser(ix.userId(), q);
        if (found.isEmpty()) {
            conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_USER_LOOKUP, 0, ""));
            String miss = q.isEmpty() ? "" : "⚠️ " + t.html("admin.users.not_found", q) + "\n\n";
            ix.show(View.of(miss + t.html("admin.users.ask")).row(AdminHome.cancel(t, CallbackData.of(Action.ADMIN_HOME))));
            return;
        }
        show(ix, found.get());
    }

    void dossier(Interaction ix, UserId id) {
        show(ix, find(ix, id));
    }

    void askBan(Interaction ix, UserId id) {
        Texts t = ix.texts();
        UserDossier dossier = find(ix, id);
        long usable = dossier.keys().stream().filter(k -> k.status() == KeyStatus.ACTIVE).count();
        String uid = String.valueOf(id.telegramId());
        ix.show(View.of(t.html("admin.ban.confirm", who(dossier.user()), t.plural("unit.key", usable)))
                .row(Button.callback(t.label("admin.ban.yes"), CallbackData.of(Action.USER_BAN_CONFIRMED, uid)))
                .row(AdminHome.cancel(t, CallbackData.of(Action.USER, uid))));
    }

    void ban(Interaction ix, UserId id) {
        BanReport report = bans.ban(ix.userId(), id);
        LOG.info("admin {} banned user {}: keys off {}, panel failed {}", ix.userId(), id, report.switched(), report.panelFailed());
        show(ix, find(ix, id), note(ix.texts(), "admin.ban.done", report), retry(ix.texts(), report, Action.USER_BAN_CONFIRMED));
    }

    void unban(Interaction ix, UserId id) {
        BanReport report = bans.unban(ix.userId(), id);
        LOG.info("admin {} unbanned user {}: keys on {}, panel failed {}", ix.userId(), id, report.switched(), report.panelFailed());
        show(ix, find(ix, id), note(ix.texts(), "admin.unban.done", report), retry(ix.texts(), report, Action.USER_UNBAN));
    }

    /** A panel that did not answer: the same button again, named as a retry. */
    private static Button retry(Texts t, BanReport report, Action again) {
        if (report.panelFailed().isEmpty()) return null;
        return Button.callback(t.label("admin.ban.retry"), CallbackData.of(again, String.valueOf(report.user().id().telegramId())));
    }

    /** What the panels did: the keys switched, and those to retry. */
    private static String note(Texts t, String doneKey, BanReport report) {
        String note = t.html(doneKey, ids(report.switched()));
        if (!report.panelFailed().isEmpty()) note += "\n⚠️ " + t.html("admin.ban.panel_failed", ids(report.panelFailed()));
        return note;
    }

    private static String ids(List<KeyId> keys) {
        return keys.isEmpty() ? "—" : keys.stream().map(k -> "#" + k.value()).collect(Collectors.joining(", "));
    }

    UserDossier find(Interaction ix, UserId id) {
        return users.findUser(ix.userId(), String.valueOf(id.telegramId()))
                .orElseThrow(() -> new Refusal(Refusal.Reason.USER_NOT_FOUND, "user " + id));
    }

    /** Server names by id, for keys and grants. */
    Map<ServerId, String> serverNames(Interaction ix) {
        return servers.listServers(ix.userId()).stream().collect(Collectors.toMap(Server::id, Server::name, (a, b) -> a));
    }

    private void show(Interaction ix, UserDossier dossier) {
        show(ix, dossier, null, null);
    }

    /** @param retry a button over the others (a ban the panel did not take), or null */
    private void show(Interaction ix, UserDossier dossier, String noteHtml, Button retry) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        User u = dossier.user();
        Map<ServerId, String> names = serverNames(ix);
        StringBuilder text = new StringBuilder(noteHtml == null ? "" : noteHtml + "\n\n").append(t.html("admin.user.card", who(u),
                u.id().telegramId(), u.language().name().toLowerCase(Locale.ROOT), t.date(u.registeredAt(), ix.zone())));
        if (u.blocked()) text.append('\n').append(t.html("admin.user.blocked"));
        if (u.banned()) text.append('\n').append(t.html("admin.user.banned"));
        text.append("\n\n").append(t.html(dossier.keys().isEmpty() ? "admin.user.no_keys" : "admin.user.keys"));
        String uid = String.valueOf(u.id().telegramId());
        View keyButtons = View.of("");
        int n = 0;
        for (VpnKey key : dossier.keys()) {
            if (++n > MAX_KEYS) {
                text.append('\n').append(t.html("keys.more", dossier.keys().size() - MAX_KEYS));
                break;
            }
            String server = names.getOrDefault(key.serverId(), "#" + key.serverId());
            text.append('\n').append(t.html("admin.user.key", key.id().value(), server, t.date(key.expiresAt(), ix.zone()),
                    t.label("admin.key_status." + key.status().name().toLowerCase(Locale.ROOT))));
            keyButtons.row(Button.callback(t.label("admin.user.extend", key.id().value(), server),
                    CallbackData.of(Action.GRANT_EXTENSION, uid, key.id().value())));
            if (linkResets != null && key.status() == KeyStatus.ACTIVE) {
                keyButtons.row(Button.callback(t.label("admin.user.reset_link", key.id().value()),
                        CallbackData.of(Action.USER_KEY_RESET_LINK, uid, key.id().value())));
            }
        }
        text.append("\n\n").append(t.html(dossier.orders().isEmpty() ? "admin.user.no_orders" : "admin.user.orders"));
        n = 0;
        for (Order order : dossier.orders()) {
            if (++n > MAX_ORDERS) break;
            text.append('\n').append(t.html("admin.user.order", order.publicId().value(), t.period(order.tariff().days()),
                    t.money(order.price()), t.label("admin.order_status." + order.status().name().toLowerCase(Locale.ROOT)),
                    t.date(order.createdAt(), ix.zone())));
        }
        View starButtons = View.of("");
        if (stars != null) starPayments(ix, u.id(), text, starButtons);
        View view = View.of(text.toString());
        if (retry != null) view.row(retry);
        ix.show(view
                .row(Button.callback(t.label("admin.user.grant_key"), CallbackData.of(Action.GRANT_KEY, uid)),
                        Button.callback(t.label("admin.user.ledger"), CallbackData.of(Action.USER_LEDGER, uid)))
                .rowsOf(starButtons)
                .rowsOf(keyButtons)
                .row(u.banned()
                        ? Button.callback(t.label("admin.user.unban"), CallbackData.of(Action.USER_UNBAN, uid))
                        : Button.callback(t.label("admin.user.ban"), CallbackData.of(Action.USER_BAN, uid)))
                .row(Button.callback(t.label("admin.users.another"), CallbackData.of(Action.USERS)), AdminHome.back(t)));
    }

    /** The user's Stars payments: applied, held (money without goods: grant or refund) and refunded. */
    private void starPayments(Interaction ix, UserId user, StringBuilder text, View buttons) {
        Texts t = ix.texts();
        List<StarPayment> payments = stars.starPayments(ix.userId(), user);
        if (payments.isEmpty()) return;
        text.append("\n\n").append(t.html("admin.user.stars"));
        for (StarPayment p : payments) {
            String status = t.label("admin.stars.status." + p.status().name().toLowerCase(Locale.ROOT));
            String problem = p.problem() == null ? "" : " · " + t.label("admin.stars.problem." + p.problem().name().toLowerCase(Locale.ROOT));
            text.append('\n').append(t.html("admin.user.star_payment", p.stars().count(), status + problem, p.payload(),
                    t.date(p.receivedAt(), ix.zone())));
            if (!p.isRefunded()) {
                buttons.row(Button.callback(t.label("admin.user.stars_refund", p.stars().count(), t.date(p.receivedAt(), ix.zone())),
                        CallbackData.of(Action.STARS_REFUND, user.telegramId(), p.receivedAt().toEpochMilli())));
            }
        }
    }

    static String who(User u) {
        String name = u.firstName().isBlank() ? "—" : u.firstName();
        return u.username() == null ? name : name + " (@" + u.username() + ")";
    }
}
