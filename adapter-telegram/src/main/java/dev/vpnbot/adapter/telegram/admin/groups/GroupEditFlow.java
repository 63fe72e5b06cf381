package dev.vpnbot.adapter.telegram.admin.groups;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.admin.ManageServerGroupsUseCase;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A group's name typed for a new group or a rename (the rules of {@code vpnbot group create}: 1 to
 * 64 letters, digits, spaces, '_', '.' or '-', not taken, case ignored), and deleting a group,
 * which is refused while a tariff sells it. A bad name is explained and the step stays open for
 * another try; nothing is saved.
 */
public final class GroupEditFlow {
    private final ManageServerGroupsUseCase groups;
    private final ServerGroupsScreen screen;
    private final Conversations conversations;

    public GroupEditFlow(ManageServerGroupsUseCase groups, ServerGroupsScreen screen, Conversations conversations) {
        this.groups = groups;
        this.screen = screen;
        this.conversations = conversations;
    }

    public void askNew(Interaction ix) {
        if (groups == null) {
            screen.list(ix);
            return;
        }
        Texts t = ix.texts();
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_GROUP_NAME, 0, ""));
        ix.show(View.of(t.html("admin.groups.ask_name")).row(cancel(t, CallbackData.of(Action.SERVER_GROUPS))));
    }

    public void askRename(Interaction ix, long groupId) {
        Optional<ServerGroup> found = screen.named(ix, groupId);
        if (found.isEmpty()) return;
        Texts t = ix.texts();
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_GROUP_NAME, groupId, ""));
        ix.show(View.of(t.html("admin.groups.ask_rename", found.get().name()))
                .row(cancel(t, CallbackData.of(Action.SERVER_GROUP, groupId))));
    }

    /** The typed name: the group {@code c.id()} renamed, or (0) a new group. */
    public void received(Interaction ix, String typed, Conversation c) {
        if (groups == null) {
            screen.list(ix);
            return;
        }
        Texts t = ix.texts();
        String name = typed == null ? "" : typed.strip();
        String back = c.id() == 0 ? CallbackData.of(Action.SERVER_GROUPS) : CallbackData.of(Action.SERVER_GROUP, c.id());
        if (!ServerGroup.isValidName(name)) {
            ix.sendNew(View.of("⚠️ " + t.html("admin.groups.bad_name", name.length())).row(cancel(t, back)));
            return;
        }
        Optional<ServerGroup> taken = groups.groups(ix.userId()).stream()
                .filter(g -> g.name().equalsIgnoreCase(name) && g.id().value() != c.id()).findFirst();
        if (taken.isPresent()) {
            ix.sendNew(View.of("⚠️ " + t.html("admin.groups.name_taken", taken.get().name())).row(cancel(t, back)));
            return;
        }
        ServerGroup saved;
        if (c.id() == 0) {
            saved = groups.create(ix.userId(), name);
        } else {
            Optional<ServerGroup> renamed = screen.find(ix, c.id()).filter(g -> !g.allServers());
            if (renamed.isEmpty()) {
                conversations.clear(ix.chatId());
                ix.sendNew(View.of("⚠️ " + t.html("admin.groups.missing")).row(ServerGroupsScreen.backToList(t)));
                return;
            }
            saved = groups.rename(ix.userId(), renamed.get().name(), name);
        }
        conversations.clear(ix.chatId());
        ix.sendNew(screen.cardView(ix, saved, "✅ " + t.html(c.id() == 0 ? "admin.groups.created" : "admin.groups.renamed", saved.name())));
    }

    /** Refused at once while a tariff sells the group; otherwise a confirmation. */
    public void askDelete(Interaction ix, long groupId) {
        Optional<ServerGroup> found = screen.named(ix, groupId);
        if (found.isEmpty()) return;
        ServerGroup g = found.get();
        Texts t = ix.texts();
        List<TariffId> selling = screen.sellingTariffs(ix, g);
        if (!selling.isEmpty()) {
            ix.show(screen.cardView(ix, g, "⛔ " + t.html("admin.groups.delete_sold", g.name(), ids(selling))));
            return;
        }
        ix.show(View.of(t.html("admin.groups.confirm_delete", g.name()))
                .row(Button.callback(t.label("admin.groups.delete_yes"), CallbackData.of(Action.SERVER_GROUP_DELETE_CONFIRMED, groupId)))
                .row(cancel(t, CallbackData.of(Action.SERVER_GROUP, groupId))));
    }

    public void delete(Interaction ix, long groupId) {
        Optional<ServerGroup> found = screen.named(ix, groupId);
        if (found.isEmpty()) return;
        ServerGroup g = found.get();
        Texts t = ix.texts();
        List<TariffId> selling = screen.sellingTariffs(ix, g);
        if (!selling.isEmpty()) { // a tariff got the group between the question and the answer
            ix.show(screen.cardView(ix, g, "⛔ " + t.html("admin.groups.delete_sold", g.name(), ids(selling))));
            return;
        }
        groups.delete(ix.userId(), g.name());
        screen.list(ix, "✅ " + t.html("admin.groups.deleted", g.name()));
    }

    private static String ids(List<TariffId> tariffs) {
        return tariffs.stream().map(x -> "#" + x.value()).collect(Collectors.joining(", "));
    }

    private static Button cancel(Texts t, String data) {
        return Button.callback(t.label("admin.cancel"), data);
    }
}
