package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.fixtures.InMemoryServerGroups;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerGroupId;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server groups from /admin, as {@code vpnbot group} and {@code vpnbot tariff set-group} do them:
 * create (a typed name), add and remove servers, rename, make a tariff sell the group, delete
 * (refused while a tariff sells it). Bad names, taken names and buttons naming a group, server or
 * tariff that does not exist are explained and change nothing.
 */
class AdminServerGroupsTest {
    private BotRig rig;
    private InMemoryServerGroups groups;

    @BeforeEach
    void start() {
        rig = BotRig.started();
        groups = rig.shop.serverGroups;
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private Call groupsScreen(BotRig.TgUser admin) {
        return admin.press(admin.send("/admin"), "ag");
    }

    private long group(String name) {
        return groups.findByName(name).orElseThrow().id().value();
    }

    @Test
    void an_admin_creates_a_group_fills_it_sells_it_renames_it_and_deletes_it_once_no_tariff_sells_it() {
        BotRig.TgUser olga = rig.user(BotRig.ADMIN, "Olga", "en");
        Call list = groupsScreen(olga);
        assertThat(list.text()).contains("Server groups").contains("all locations (all)").contains("every server switched on");

        olga.press(list, "agn");
        Call created = olga.send("  Nordic ");
        assertThat(created.text()).contains("Group Nordic is created").contains("no servers");
        long id = group("Nordic");

        Call choice = olga.press(created, "agp:" + id);
        assertThat(choice.buttons()).extracting(Button::callbackData).contains("aga:" + id + ":1", "aga:" + id + ":2");
        Call added = olga.pressData(choice.messageId(), "aga:" + id + ":2");
        assertThat(added.text()).contains("Server 🇳🇱 Amsterdam is now in group Nordic").contains("Servers: 🇳🇱 Amsterdam");
        assertThat(groups.find(new ServerGroupId(id)).orElseThrow().members()).containsExactly(new ServerId(2));
        assertThat(olga.press(added, "agp:" + id).buttons()).extracting(Button::callbackData).doesNotContain("aga:" + id + ":2");

        Call tariffs = olga.pressData(added.messageId(), "agt:" + id);
        Call sold = olga.pressData(tariffs.messageId(), "agf:" + id + ":1");
        assertThat(sold.text()).contains("Tariff #1 sells keys on every server of group Nordic");
        assertThat(sold.button("#1").text()).startsWith("✅");
        assertThat(groups.groupOfTariff(new TariffId(1))).contains(new ServerGroupId(id));

        Call refused = olga.pressData(sold.messageId(), "agd:" + id);
        assertThat(refused.text()).contains("Group Nordic cannot be deleted: tariffs #1 sell it");
        assertThat(groups.find(new ServerGroupId(id))).isPresent();

        olga.pressData(refused.messageId(), "agm:" + id);
        Call renamed = olga.send("Baltic");
        assertThat(renamed.text()).contains("The group is now called Baltic").contains("Sold by tariffs: #1");
        assertThat(groups.findByName("Nordic")).isEmpty();

        Call removed = olga.pressData(renamed.messageId(), "agr:" + id + ":2");
        assertThat(removed.text()).contains("Server 🇳🇱 Amsterdam is no longer in group Baltic");
        assertThat(groups.find(new ServerGroupId(id)).orElseThrow().members()).isEmpty();

        Call oneLocation = olga.pressData(removed.messageId(), "agf:" + id + ":1");
        assertThat(oneLocation.text()).contains("Tariff #1 sells a key on one location the buyer picks again");
        assertThat(groups.groupOfTariff(new TariffId(1))).isEmpty();

        Call confirm = olga.pressData(oneLocation.messageId(), "agd:" + id);
        assertThat(confirm.text()).contains("Delete group <b>Baltic</b>?");
        Call deleted = olga.press(confirm, "agx:" + id);
        assertThat(deleted.text()).contains("Group Baltic is deleted");
        assertThat(groups.find(new ServerGroupId(id))).isEmpty();
        assertThat(groups.all()).extracting(ServerGroup::name).containsExactly("all");
    }

    @Test
    void bad_and_taken_names_are_explained_in_the_admins_language_and_nothing_is_saved_until_a_good_one() {
        BotRig.TgUser olga = rig.user(BotRig.ADMIN, "Ольга", "ru");
        olga.press(groupsScreen(olga), "agn");
        for (String bad : new String[] {"   ", "x".repeat(65), "Nordic/EU", "<b>hi</b>"}) {
            assertThat(olga.send(bad).text()).as(bad).contains("Название должно быть от 1 до 64").contains("Ничего не сохранено");
        }
        assertThat(olga.send("ALL").text()).contains("Группа «all» уже есть");
        assertThat(groups.all()).extracting(ServerGroup::name).containsExactly("all");

        Call created = olga.send("x".repeat(64)); // the step stayed open: the longest good name is taken
        assertThat(created.text()).contains("создана");
        long first = group("x".repeat(64));

        olga.press(groupsScreen(olga), "agn");
        olga.send("Nordic");
        long nordic = group("Nordic");
        olga.pressData(olga.send("/admin").messageId(), "agm:" + nordic);
        assertThat(olga.send("X".repeat(64)).text()).contains("уже есть");
        assertThat(groups.find(new ServerGroupId(nordic)).orElseThrow().name()).isEqualTo("Nordic");
        assertThat(groups.find(new ServerGroupId(first))).isPresent();
        assertThat(groups.all()).hasSize(3);
    }

    @Test
    void buttons_naming_a_missing_group_server_or_tariff_say_so_and_change_nothing() {
        BotRig.TgUser olga = rig.user(BotRig.ADMIN, "Olga", "en");
        olga.press(groupsScreen(olga), "agn");
        olga.send("Nordic");
        long id = group("Nordic");
        olga.pressData(olga.send("/admin").messageId(), "aga:" + id + ":1");
        List<ServerGroup> before = groups.all();
        int screen = olga.send("/admin").messageId();

        for (String crafted : new String[] {"agv:999", "agp:999", "aga:999:1", "agr:999:1", "agm:999", "agd:999", "agx:999",
                "agt:999", "agf:999:1"}) {
            assertThat(olga.pressData(screen, crafted).text()).as(crafted).contains("There is no such group").contains("Nothing was changed");
        }
        for (String fixed : new String[] {"agp:1", "aga:1:2", "agr:1:1", "agm:1", "agd:1", "agx:1"}) {
            assertThat(olga.pressData(screen, fixed).text()).as(fixed).contains("Group \"all\" is every server switched on")
                    .contains("Nothing was changed");
        }
        assertThat(olga.pressData(screen, "aga:" + id + ":999").text()).contains("There is no server #999").contains("Nothing was changed");
        assertThat(olga.pressData(screen, "agr:" + id + ":2").text()).contains("Server #2 is not in group Nordic");
        assertThat(olga.pressData(screen, "agf:" + id + ":999").text()).contains("There is no tariff #999");
        assertThat(groups.all()).isEqualTo(before);
        assertThat(groups.groupOfTariff(new TariffId(1))).isEmpty();
    }
}
