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
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.in.admin.ManageUsersUseCase;
import dev.vpnbot.application.port.in.admin.ManageUsersUseCase.UserDossier;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Giving a user time by hand (admins): a new key (tariff → server, any server, even a full or
 * switched-off one) or an extension of one of their keys (tariff). The use case records the
 * grant as a zero-price order naming the admin and delivers it like a sale. The same button
 * pressed twice (a double tap) shows the grant already made instead of granting again.
 */
final class GrantFlow {
    private static final Logger LOG = LoggerFactory.getLogger(GrantFlow.class);

    private final ManageUsersUseCase users;
    private final ManageTariffsUseCase tariffs;
    private final ManageServersUseCase servers;
    private final UsersScreen usersScreen;
    private final Conversations conversations;

    GrantFlow(ManageUsersUseCase users, ManageTariffsUseCase tariffs, ManageServersUseCase servers, UsersScreen usersScreen,
              Conversations conversations) {
        this.users = users;
        this.tariffs = tariffs;
        this.servers = servers;
        this.usersScreen = usersScreen;
        this.conversations = conversations;
    }

    void keyTariffs(Interaction ix, UserId user) {
        Texts t = ix.texts();
        UserDossier dossier = usersScreen.find(ix, user);
        View view = View.of(t.html("admin.grant.key_tariff", UsersScreen.who(dossier.user())));
        for (Tariff tariff : TariffsScreen.sorted(tariffs.allTariffs(ix.userId()))) {
            view.row(Button.callback(tariffLabel(t, tariff), CallbackData.of(Action.GRANT_KEY_TARIFF, user.telegramId(), tariff.id().value())));
        }
        ix.show(view.row(backToUser(t, user)));
    }

    void keyServers(Interaction ix, UserId user, TariffId tariffId) {
        Texts t = ix.texts();
        UserDossier dossier = usersScreen.find(ix, user);
        Tariff tariff = tariff(ix, tariffId);
        View view = View.of(t.html("admin.grant.key_server", UsersScreen.who(dossier.user()), t.period(tariff.days())));
        int n = 0;
        for (Server s : servers.listServers(ix.userId())) {
            view.row(Button.callback(t.label("admin.servers.button", ++n, s.name(), s.activeKeys(), s.maxClients(), s.active() ? "✅" : "⛔"),
                    CallbackData.of(Action.GRANT_KEY_SERVER, user.telegramId(), tariffId.value(), s.id().value())));
        }
        ix.show(view.row(Button.callback(t.label("button.back"), CallbackData.of(Action.GRANT_KEY, user.telegramId())))
                .row(backToUser(t, user)));
    }

    void grantKey(Interaction ix, UserId user, TariffId tariffId, ServerId serverId) {
        Texts t = ix.texts();
        Tariff tariff = tariff(ix, tariffId);
        String server = usersScreen.serverNames(ix).getOrDefault(serverId, "#" + serverId);
        Order order = once(ix, () -> users.grantNewKey(ix.userId(), user, tariffId, serverId));
        LOG.info("admin {} granted user {} a new key on server {} ({} days), order {}", ix.userId(), user, serverId, tariff.days(), order.publicId());
        done(ix, user, order, t.html("admin.grant.key_done", t.period(tariff.days()), server));
    }

    void extensionTariffs(Interaction ix, UserId user, KeyId keyId) {
        Texts t = ix.texts();
        UserDossier dossier = usersScreen.find(ix, user);
        VpnKey key = key(dossier, keyId);
        String server = usersScreen.serverNames(ix).getOrDefault(key.serverId(), "#" + key.serverId());
        View view = View.of(t.html("admin.grant.extension_tariff", keyId.value(), server, UsersScreen.who(dossier.user()),
                t.date(key.expiresAt(), ix.zone())));
        for (Tariff tariff : TariffsScreen.sorted(tariffs.allTariffs(ix.userId()))) {
            view.row(Button.callback(tariffLabel(t, tariff),
                    CallbackData.of(Action.GRANT_EXTENSION_TARIFF, user.telegramId(), keyId.value(), tariff.id().value())));
        }
        ix.show(view.row(backToUser(t, user)));
    }

    void grantExtension(Interaction ix, UserId user, KeyId keyId, TariffId tariffId) {
        Texts t = ix.texts();
        Tariff tariff = tariff(ix, tariffId);
        key(usersScreen.find(ix, user), keyId); // the key must be this user's, as the screen said
        Order order = once(ix, () -> users.grantExtension(ix.userId(), keyId, tariffId));
        LOG.info("admin {} granted user {} {} more days on key {}, order {}", ix.userId(), user, tariff.days(), keyId, order.publicId());
        done(ix, user, order, t.html("admin.grant.extension_done", keyId.value(), t.period(tariff.days())));
    }

    /** Grants unless this very button already did; then the earlier grant is shown again. */
    private Order once(Interaction ix, Supplier<Order> grant) {
        Optional<Conversation> earlier = conversations.of(ix.chatId())
                .filter(c -> c.step() == Conversation.Step.ADMIN_GRANTED && c.choice().equals(ix.callbackData()));
        if (earlier.isPresent()) {
            long orderId = earlier.get().id();
            ix.toast(ix.texts().label("admin.grant.already"));
            Optional<Order> shown = grantOrder(ix, orderId);
            if (shown.isPresent()) return shown.get();
        }
        Order order = grant.get();
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_GRANTED, order.id().value(), ix.callbackData()));
        return order;
    }

    private Optional<Order> grantOrder(Interaction ix, long orderId) {
        String data = ix.callbackData();
        Optional<CallbackData> parsed = CallbackData.parse(data);
        if (parsed.isEmpty()) return Optional.empty();
        UserId user = new UserId(parsed.get().id(0));
        return users.findUser(ix.userId(), String.valueOf(user.telegramId()))
                .flatMap(d -> d.orders().stream().filter(o -> o.id().value() == orderId).findFirst());
    }

    private void done(Interaction ix, UserId user, Order order, String whatHtml) {
        Texts t = ix.texts();
        ix.show(View.of("🎁 " + whatHtml + "\n" + t.html("admin.grant.recorded", order.publicId().value()))
                .row(backToUser(t, user)).row(AdminHome.back(t)));
    }

    private Tariff tariff(Interaction ix, TariffId id) {
        return tariffs.allTariffs(ix.userId()).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "no tariff " + id));
    }

    private static VpnKey key(UserDossier dossier, KeyId keyId) {
        return dossier.keys().stream().filter(k -> k.id().equals(keyId)).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Reason.KEY_NOT_FOUND, "key " + keyId + " of user " + dossier.user().id()));
    }

    private static String tariffLabel(Texts t, Tariff tariff) {
        return t.label("admin.tariffs.button", t.period(tariff.days()), t.money(tariff.price()), tariff.active() ? "✅" : "⛔");
    }

    private static Button backToUser(Texts t, UserId user) {
        return Button.callback(t.label("admin.grant.back_to_user"), CallbackData.of(Action.USER, user.telegramId()));
    }
}
