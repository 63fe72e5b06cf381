package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.growth.ManageGrowthUseCase;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.util.List;

/**
 * Servers (admins): the list with each server's load (active keys / max) and state; one server's
 * card; its connection test; switching it on and off; deleting it, which the use case allows only
 * for a server without active keys.
 */
final class ServersScreen {
    private final ManageServersUseCase servers;
    private final Conversations conversations;

    /** Marks servers for trial keys; null without the growth use cases. */
    private final ManageGrowthUseCase growth;

    ServersScreen(ManageServersUseCase servers, Conversations conversations) {
        this(servers, conversations, null);
    }

    ServersScreen(ManageServersUseCase servers, Conversations conversations, ManageGrowthUseCase growth) {
        this.servers = servers;
        this.conversations = conversations;
        this.growth = growth;
    }

    void list(Interaction ix) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        List<Server> all = servers.listServers(ix.userId());
        StringBuilder text = new StringBuilder(t.html("admin.servers.title")).append("\n\n");
        View buttons = View.of("");
        if (all.isEmpty()) text.append(t.html("admin.servers.none"));
        int n = 0;
        for (Server s : all) {
            n++;
            text.append(t.html("admin.servers.line", n, s.name(), s.activeKeys(), s.maxClients(), state(t, s))).append('\n');
            buttons.row(Button.callback(t.label("admin.servers.button", n, s.name(), s.activeKeys(), s.maxClients(), s.active() ? "✅" : "⛔"),
                    CallbackData.of(Action.SERVER, s.id().value())));
        }
        ix.show(View.of(text.toString().strip()).rowsOf(buttons)
                .row(Button.callback(t.label("admin.servers.add"), CallbackData.of(Action.SERVER_ADD)))
                .row(Button.callback(t.label("admin.servers.enroll"), CallbackData.of(Action.SERVER_ENROLL_TOKEN)))
                .row(AdminHome.back(t)));
    }

    void card(Interaction ix, ServerId id) {
        card(ix, id, null);
    }

    /** "Evacuate" on the card (docs/MOVES.md). */
    private boolean evacuate;

    ServersScreen offeringEvacuation(boolean on) {
        this.evacuate = on;
        return this;
    }

    /** @param noteHtml a line above the card (what just happened), or null */
    void card(Interaction ix, ServerId id, String noteHtml) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        Server s = find(ix, id);
        String login = s.connection().credentials() instanceof PanelCredentials.Password p
                ? t.html("admin.server.login_password", p.username()) : t.html("admin.server.login_token");
        String pin = s.connection().tlsPin() == null ? t.html("admin.server.no_pin") : Html.code(PanelReport.fingerprint(s.connection().tlsPin()));
        String card = t.htmlRaw("admin.server.card", Html.escape(s.name()), Html.code(s.connection().baseUrl()), login, pin,
                s.inboundId(), s.activeKeys(), s.maxClients(), Html.escape(state(t, s)));
        String sid = String.valueOf(id.value());
        ix.show(View.of(noteHtml == null ? card : noteHtml + "\n\n" + card)
                .row(Button.callback(t.label("admin.server.test"), CallbackData.of(Action.SERVER_TEST, sid)))
                .row(s.active()
                        ? Button.callback(t.label("admin.server.deactivate"), CallbackData.of(Action.SERVER_ACTIVE, sid, false))
                        : Button.callback(t.label("admin.server.activate"), CallbackData.of(Action.SERVER_ACTIVE, sid, true)))
                .row(Button.callback(t.label("admin.server.rename"), CallbackData.of(Action.SERVER_RENAME, sid)),
                        Button.callback(t.label("admin.server.max_clients"), CallbackData.of(Action.SERVER_MAX_CLIENTS, sid)))
                .row(Button.callback(t.label("admin.server.credentials"), CallbackData.of(Action.SERVER_CREDENTIALS, sid)))
                .row(trialToggle(ix, id))
                .row(evacuate ? new Button[] {dev.vpnbot.adapter.telegram.admin.evacuate.EvacuationScreen.button(t, id)} : new Button[0])
                .row(Button.callback(t.label("admin.server.delete"), CallbackData.of(Action.SERVER_DELETE, sid)))
                .row(Button.callback(t.label("admin.servers.back"), CallbackData.of(Action.SERVERS)), AdminHome.back(t)));
    }

    /** "Trial keys: yes/no": pressing it switches; none without growth. */
    private Button[] trialToggle(Interaction ix, ServerId id) {
        if (growth == null) return new Button[0];
        boolean on = growth.trialServers(ix.userId()).contains(id);
        return new Button[] {Button.callback(ix.texts().label(on ? "admin.server.for_trials_on" : "admin.server.for_trials_off"),
                CallbackData.of(Action.SERVER_FOR_TRIALS, id.value(), !on))};
    }

    void setForTrials(Interaction ix, ServerId id, boolean forTrials) {
        if (growth == null) throw new Refusal(Refusal.Reason.TRIAL_UNAVAILABLE, "growth is not wired");
        growth.markTrialServer(ix.userId(), id, forTrials);
        card(ix, id, null);
    }

    void test(Interaction ix, ServerId id) {
        Texts t = ix.texts();
        Server s = find(ix, id);
        PanelProbe probe = servers.testServer(ix.userId(), id);
        String sid = String.valueOf(id.value());
        ix.show(View.of(t.html("admin.server.test_title", s.name(), s.inboundId()) + "\n\n"
                        + PanelReport.html(t, probe, s.connection().baseUrl(), ix.zone()))
                .row(Button.callback(t.label("admin.server.test_again"), CallbackData.of(Action.SERVER_TEST, sid)))
                .row(Button.callback(t.label("admin.server.back"), CallbackData.of(Action.SERVER, sid))));
    }

    void setActive(Interaction ix, ServerId id, boolean active) {
        Texts t = ix.texts();
        Server changed = servers.setActive(ix.userId(), id, active);
        card(ix, id, "✅ " + t.html(active ? "admin.server.activated" : "admin.server.deactivated", changed.name()));
    }

    void askDelete(Interaction ix, ServerId id) {
        Texts t = ix.texts();
        Server s = find(ix, id);
        String sid = String.valueOf(id.value());
        ix.show(View.of(t.html("admin.server.delete_ask", s.name(), s.activeKeys()))
                .row(Button.callback(t.label("admin.server.delete_confirm"), CallbackData.of(Action.SERVER_DELETE_CONFIRMED, sid)))
                .row(Button.callback(t.label("admin.server.back"), CallbackData.of(Action.SERVER, sid))));
    }

    void delete(Interaction ix, ServerId id) {
        Texts t = ix.texts();
        Server s = find(ix, id);
        try {
            servers.deleteServer(ix.userId(), id);
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.SERVER_HAS_ACTIVE_KEYS) throw refusal;
            card(ix, id, "⚠️ " + t.html("admin.server.has_keys", s.name(), find(ix, id).activeKeys()));
            return;
        }
        ix.toast(t.label("admin.server.deleted", s.name()));
        list(ix);
    }

    /** The server as the admin use case lists it; a refusal as if gone otherwise. */
    Server find(Interaction ix, ServerId id) {
        return servers.listServers(ix.userId()).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Reason.SERVER_NOT_AVAILABLE, "no server " + id));
    }

    private static String state(Texts t, Server s) {
        if (!s.active()) return t.label("admin.servers.off");
        return s.hasRoom() ? t.label("admin.servers.on") : t.label("admin.servers.full");
    }
}
