package dev.vpnbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.admin.AdminDesk;
import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Arg;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.port.in.admin.BroadcastUseCase.PrepareBroadcastCommand;
import dev.vpnbot.domain.broadcast.Audience;
import dev.vpnbot.domain.broadcast.Broadcast;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Somebody who is not an admin tries every admin command and every admin button, with data
 * crafted to name real servers, tariffs, users, keys and broadcasts: each gets the polite refusal,
 * sees nothing of the shop, and nothing changes.
 */
class NonAdminRefusalTest {
    private static final long MALLORY = 2002;
    private static final String REFUSAL = "Only admins can do this.";

    private BotRig rig;
    private BotRig.TgUser mallory;
    private VpnKey key;

    @BeforeEach
    void open() {
        rig = BotRig.started(b -> b.userActionsPerMinute(10_000)); // one user presses every admin button here: the throttle is tested on its own
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call summary = ivan.press(ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1"), "bs:1:1");
        rig.payAndDeliver(Long.parseLong(summary.data("oc:").substring(3)));
        key = rig.keys.ofOwner(new UserId(1001)).get(0);
        rig.broadcasting.prepare(new PrepareBroadcastCommand(new UserId(BotRig.ADMIN), "a draft of the admin", Audience.ALL));
        mallory = rig.user(MALLORY, "Mallory", "en");
    }

    @AfterEach
    void close() {
        rig.close();
    }

    /** What the shop holds, to compare before and after. */
    private record Snapshot(List<Server> servers, List<Tariff> tariffs, List<Order> orders, List<VpnKey> keys, Broadcast draft) {}

    private Snapshot snapshot() {
        List<Order> orders = new ArrayList<>(rig.shop.orders.ofUser(new UserId(1001), 100));
        orders.addAll(rig.shop.orders.ofUser(new UserId(MALLORY), 100));
        List<VpnKey> keys = new ArrayList<>(rig.keys.ofOwner(new UserId(1001)));
        keys.addAll(rig.keys.ofOwner(new UserId(MALLORY)));
        return new Snapshot(rig.shop.servers.all(), rig.shop.tariffs.all(), orders, keys, rig.broadcasts.find(1).orElseThrow());
    }

    /** Data for an admin button that names things that exist: server, tariff, key and broadcast 1, user 1001. */
    private String crafted(Action action) {
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < action.args().size(); i++) {
            Arg arg = action.args().get(i);
            boolean user = action.code().startsWith("au") && i == 0;
            boolean keyArg = (action == Action.GRANT_EXTENSION || action == Action.GRANT_EXTENSION_TARIFF) && i == 1;
            args.add(switch (arg) {
                case ID, ID_OR_ZERO -> user ? 1001L : keyArg ? key.id().value() : 1L;
                case FLAG -> false;
                case AUDIENCE -> Audience.ALL;
                case PLATFORM -> dev.vpnbot.adapter.telegram.bot.Platform.ANDROID;
                case APP -> "happ";
                default -> throw new IllegalStateException(arg + " in an admin button");
            });
        }
        return CallbackData.of(action, args.toArray());
    }

    @Test
    void the_menu_of_somebody_who_is_not_an_admin_has_no_admin_button() {
        Call menu = mallory.send("/start");
        assertThat(menu.buttons()).extracting(Button::callbackData).noneMatch(d -> d != null && d.startsWith("a"));
    }

    @Test
    void every_admin_command_is_refused_politely_and_shows_nothing() {
        Snapshot before = snapshot();
        List<String> commands = new ArrayList<>();
        for (String command : AdminDesk.COMMANDS) commands.add("/" + command);
        commands.addAll(List.of("/user 1001", "/user @ivan_p", "/ADMIN", "/admin@vpn_test_bot", "/stats now"));

        for (String command : commands) {
            Call reply = mallory.send(command);
            assertThat(reply.text()).as(command).isEqualTo(REFUSAL);
            assertThat(reply.buttons()).as(command).extracting(Button::callbackData).containsExactly("m");
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(rig.states.find(MALLORY)).isEmpty();
    }

    @Test
    void every_admin_button_with_crafted_data_is_refused_and_changes_nothing() {
        Call menu = mallory.send("/start");
        Snapshot before = snapshot();
        int mark = rig.api.mark();
        List<Action> adminActions = List.of(Action.values()).stream().filter(Action::adminOnly).toList();
        assertThat(adminActions).hasSizeGreaterThan(30);

        for (Action action : adminActions) {
            String data = crafted(action);
            Call answer = mallory.pressForAnswer(menu.messageId(), data);
            assertThat(answer.params().get("text")).as(data).isEqualTo(REFUSAL);
            assertThat(answer.params().get("show_alert")).as(data).isEqualTo("true");
        }
        rig.awaitIdle();

        assertThat(rig.api.calls().subList(mark, rig.api.calls().size()))
                .as("only the refusals: no screen, no message to anybody, nothing deleted")
                .allSatisfy(c -> assertThat(c.method()).isIn("answercallbackquery", "getupdates"));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(rig.broadcasts.find(1).orElseThrow().status()).isEqualTo(Broadcast.Status.DRAFT);
        assertThat(rig.appList.all()).as("the app list untouched").containsExactlyElementsOf(dev.vpnbot.application.fixtures.InMemoryVpnApps.SEED);
        assertThat(rig.states.find(MALLORY)).isEmpty();
    }

    @Test
    void an_admin_step_found_in_the_conversation_state_of_somebody_else_is_dropped_unused() {
        Snapshot before = snapshot();
        for (String forged : List.of("admin_app:0:add:LINUX", "admin_tariff_price:1:", "admin_server_rename:1:", "admin_broadcast_text:0:ALL",
                "admin_user_lookup:0:", "admin_add_server:0:s=max_clients&u=https%3A%2F%2Fevil.example%2F&cu=a&cp=b&ib=1&n=Evil")) {
            rig.states.save(MALLORY, forged);

            Call reply = mallory.send("1");

            assertThat(reply.text()).as(forged).contains("I understand buttons").doesNotContain("admin");
            assertThat(rig.states.find(MALLORY)).as(forged).isEmpty();
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(rig.panels.probed).isEmpty();
        assertThat(rig.broadcasts.find(2)).isEmpty();
        assertThat(rig.api.calls()).noneMatch(c -> c.method().equals("sendmessage") && c.chatId() == MALLORY
                && c.text().toLowerCase(Locale.ROOT).contains("frankfurt"));
    }
}
