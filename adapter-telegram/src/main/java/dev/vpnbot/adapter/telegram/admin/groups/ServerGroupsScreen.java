package dev.vpnbot.adapter.telegram.admin.groups;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Server groups in the admin panel (what {@code vpnbot group} and {@code vpnbot tariff set-group}
 * do): the groups with their servers and the tariffs that sell them, one group's card, adding and
 * removing its servers, and which tariffs sell keys on it. A button naming a group or server that
 * is gone (or never was) says so and changes nothing. Names and deletion: {@link GroupEditFlow}.
 */
public final class ServerGroupsScreen {
    private final ManageServerGroupsUseCase groups;
    private final ManageServersUseCase servers;
    private final ManageTariffsUseCase tariffs;
    private final Conversations conversations;

    public ServerGroupsScreen(ManageServerGroupsUseCase groups, ManageServersUseCase servers, ManageTariffsUseCase tariffs,
                              Conversations conversations) {
        this.groups = groups;
        this.servers = servers;
        this.tariffs = tariffs;
        this.conversations = conversations;
    }

    public void list(Interaction ix) {
        list(ix, "");
    }

    /** The list, under a note (already HTML) when there is one. */
    void list(Interaction ix, String noteHtml) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        if (groups == null) {
            ix.show(View.of(t.html("admin.groups.off")).row(adminHome(t)));
            return;
        }
        Map<ServerId, String> names = serverNames(ix);
        StringBuilder text = new StringBuilder(noteHtml.isEmpty() ? "" : noteHtml + "\n\n").append(t.html("admin.groups.title"))
                .append("\n\n");
        View buttons = View.of("");
        for (ServerGroup g : groups.groups(ix.userId())) {
            text.append(t.htmlRaw("admin.groups.line", Html.escape(name(t, g)), members(t, g, names), sellers(ix, g))).append('\n');
            buttons.row(Button.callback("🗂 " + name(t, g), CallbackData.of(Action.SERVER_GROUP, g.id().value())));
        }
        ix.show(View.of(text.toString()).rowsOf(buttons)
                .row(Button.callback(t.label("admin.groups.new"), CallbackData.of(Action.SERVER_GROUP_NEW)))
                .row(adminHome(t)));
    }

    public void card(Interaction ix, long groupId) {
        conversations.clear(ix.chatId());
        Optional<ServerGroup> found = find(ix, groupId);
        if (found.isEmpty()) {
            missing(ix);
            return;
        }
        ix.show(cardView(ix, found.get(), ""));
    }

    View cardView(Interaction ix, ServerGroup g, String noteHtml) {
        Texts t = ix.texts();
        long id = g.id().value();
        Map<ServerId, String> names = serverNames(ix);
        String text = (noteHtml.isEmpty() ? "" : noteHtml + "\n\n")
                + t.htmlRaw("admin.groups.card", Html.escape(name(t, g)), members(t, g, names), sellers(ix, g));
        View view = View.of(text);
        if (!g.allServers()) {
            view.row(Button.callback(t.label("admin.groups.add_server"), CallbackData.of(Action.SERVER_GROUP_SERVERS, id)));
            g.members().stream().sorted(java.util.Comparator.comparingLong(ServerId::value)).forEach(s -> view.row(Button.callback(
                    t.label("admin.groups.remove_server", names.getOrDefault(s, "#" + s.value())),
                    CallbackData.of(Action.SERVER_GROUP_REMOVE, id, s.value()))));
        }
        view.row(Button.callback(t.label("admin.groups.tariffs"), CallbackData.of(Action.SERVER_GROUP_TARIFFS, id)));
        if (!g.allServers()) {
            view.row(Button.callback(t.label("admin.groups.rename"), CallbackData.of(Action.SERVER_GROUP_RENAME, id)),
                    Button.callback(t.label("admin.groups.delete"), CallbackData.of(Action.SERVER_GROUP_DELETE, id)));
        }
        return view.row(backToList(t)).row(adminHome(t));
    }

    /** The servers a named group does not hold yet, one button each. */
    public void serverChoice(Interaction ix, long groupId) {
        Optional<ServerGroup> found = named(ix, groupId);
        if (found.isEmpty()) return;
        Texts t = ix.texts();
        ServerGroup g = found.get();
        List<Server> outside = servers.listServers(ix.userId()).stream().filter(s -> !g.members().contains(s.id())).toList();
        View view = View.of(t.html(outside.isEmpty() ? "admin.groups.no_servers_left" : "admin.groups.choose_server", g.name()));
        for (Server s : outside) {
            view.row(Button.callback(t.label("admin.groups.server_button", s.name(), t.label(s.active() ? "admin.servers.on" : "admin.servers.off")),
                    CallbackData.of(Action.SERVER_GROUP_ADD, groupId, s.id().value())));
        }
        ix.show(view.row(backToCard(t, groupId)));
    }

    public void addServer(Interaction ix, long groupId, long serverId) {
        Optional<ServerGroup> found = named(ix, groupId);
        if (found.isEmpty()) return;
        Optional<Server> server = servers.listServers(ix.userId()).stream().filter(s -> s.id().value() == serverId).findFirst();
        if (server.isEmpty()) {
            ix.show(cardView(ix, found.get(), "⚠️ " + ix.texts().html("admin.groups.server_missing", serverId)));
            return;
        }
        ServerGroup changed = groups.addServer(ix.userId(), found.get().name(), server.get().id());
        ix.show(cardView(ix, changed, "✅ " + ix.texts().html("admin.groups.server_added", server.get().name(), changed.name())));
    }

    public void removeServer(Interaction ix, long groupId, long serverId) {
        Optional<ServerGroup> found = named(ix, groupId);
        if (found.isEmpty()) return;
        ServerGroup g = found.get();
        if (!g.members().contains(new ServerId(serverId))) {
            ix.show(cardView(ix, g, "⚠️ " + ix.texts().html("admin.groups.not_member", serverId, g.name())));
            return;
        }
        ServerGroup changed = groups.removeServer(ix.userId(), g.name(), new ServerId(serverId));
        String name = serverNames(ix).getOrDefault(new ServerId(serverId), "#" + serverId);
        ix.show(cardView(ix, changed, "✅ " + ix.texts().html("admin.groups.server_removed", name, changed.name())));
    }

    /** Every tariff, marked when it sells this group or another; a press makes it sell this group, or none again. */
    public void tariffChoice(Interaction ix, long groupId) {
        Optional<ServerGroup> found = find(ix, groupId);
        if (found.isEmpty()) {
            missing(ix);
            return;
        }
        tariffView(ix, found.get(), "");
    }

    public void toggleTariff(Interaction ix, long groupId, long tariffId) {
        Optional<ServerGroup> found = find(ix, groupId);
        if (found.isEmpty()) {
            missing(ix);
            return;
        }
        ServerGroup g = found.get();
        Optional<Tariff> tariff = tariffs.allTariffs(ix.userId()).stream().filter(x -> x.id().value() == tariffId).findFirst();
        Texts t = ix.texts();
        if (tariff.isEmpty()) {
            tariffView(ix, g, "⚠️ " + t.html("admin.groups.tariff_missing", tariffId));
            return;
        }
        boolean sellsThis = groups.groupOfTariff(ix.userId(), tariff.get().id()).filter(o -> o.id().equals(g.id())).isPresent();
        groups.setTariffGroup(ix.userId(), tariff.get().id(), sellsThis ? null : g.name());
        tariffView(ix, g, "✅ " + (sellsThis ? t.html("admin.groups.tariff_one_location", tariffId)
                : t.html("admin.groups.tariff_sells", tariffId, name(t, g))));
    }

    private void tariffView(Interaction ix, ServerGroup g, String noteHtml) {
        Texts t = ix.texts();
        long id = g.id().value();
        View view = View.of((noteHtml.isEmpty() ? "" : noteHtml + "\n\n") + t.html("admin.groups.tariffs_title", name(t, g)));
        for (Tariff tariff : tariffs.allTariffs(ix.userId())) {
            Optional<ServerGroup> of = groups.groupOfTariff(ix.userId(), tariff.id());
            String mark = of.isEmpty() ? "📍" : of.get().id().equals(g.id()) ? "✅" : "🗂 " + name(t, of.get());
            view.row(Button.callback(t.label("admin.groups.tariff_button", mark, tariff.id().value(), t.period(tariff.days()),
                    t.money(tariff.price())), CallbackData.of(Action.SERVER_GROUP_TARIFF, id, tariff.id().value())));
        }
        ix.show(view.row(backToCard(t, id)));
    }

    Optional<ServerGroup> find(Interaction ix, long groupId) {
        return groups.groups(ix.userId()).stream().filter(g -> g.id().value() == groupId).findFirst();
    }

    /**
     * A group whose servers and name can change; "all" shows its card with why not, a missing one
     * says so: both give nothing.
     */
    Optional<ServerGroup> named(Interaction ix, long groupId) {
        Optional<ServerGroup> found = find(ix, groupId);
        if (found.isEmpty()) {
            missing(ix);
            return Optional.empty();
        }
        if (!found.get().allServers()) return found;
        ix.show(cardView(ix, found.get(), "⚠️ " + ix.texts().html("admin.groups.all_fixed", found.get().name())));
        return Optional.empty();
    }

    /** A group id that is gone (deleted meanwhile, or a crafted button): said so, with the way back to the list. */
    void missing(Interaction ix) {
        Texts t = ix.texts();
        ix.show(View.of("⚠️ " + t.html("admin.groups.missing")).row(backToList(t)).row(adminHome(t)));
    }

    /** "#2 1 month, #5 1 year", or "-" when no tariff sells the group. */
    String sellers(Interaction ix, ServerGroup g) {
        Texts t = ix.texts();
        String sold = tariffs.allTariffs(ix.userId()).stream()
                .filter(x -> groups.groupOfTariff(ix.userId(), x.id()).filter(o -> o.id().equals(g.id())).isPresent())
                .map(x -> "#" + x.id().value() + " " + t.period(x.days())).collect(Collectors.joining(", "));
        return Html.escape(sold.isEmpty() ? t.label("admin.groups.sold_by_none") : sold);
    }

    List<TariffId> sellingTariffs(Interaction ix, ServerGroup g) {
        return tariffs.allTariffs(ix.userId()).stream().map(Tariff::id)
                .filter(x -> groups.groupOfTariff(ix.userId(), x).filter(o -> o.id().equals(g.id())).isPresent()).toList();
    }

    private Map<ServerId, String> serverNames(Interaction ix) {
        return servers.listServers(ix.userId()).stream().collect(Collectors.toMap(Server::id, Server::name, (a, b) -> a));
    }

    private static String members(Texts t, ServerGroup g, Map<ServerId, String> names) {
        if (g.allServers()) return t.html("admin.groups.every_server");
        if (g.members().isEmpty()) return t.html("admin.groups.no_servers");
        Function<ServerId, String> name = s -> names.getOrDefault(s, "#" + s.value());
        return Html.escape(g.members().stream().sorted(java.util.Comparator.comparingLong(ServerId::value)).map(name)
                .collect(Collectors.joining(", ")));
    }

    /** "all" reads as "all locations" in the admin's language. */
    static String name(Texts t, ServerGroup g) {
        return g.allServers() ? t.label("admin.groups.all_name", g.name()) : g.name();
    }

    static Button backToList(Texts t) {
        return Button.callback(t.label("admin.groups.back"), CallbackData.of(Action.SERVER_GROUPS));
    }

    static Button backToCard(Texts t, long groupId) {
        return Button.callback(t.label("admin.groups.back_to_group"), CallbackData.of(Action.SERVER_GROUP, groupId));
    }

    static Button adminHome(Texts t) {
        return Button.callback(t.label("admin.back"), CallbackData.of(Action.ADMIN_HOME));
    }
}
