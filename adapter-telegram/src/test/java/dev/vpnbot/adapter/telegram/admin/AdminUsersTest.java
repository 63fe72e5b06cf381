package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users from Telegram: look-up by id or @username, their keys and orders, and time granted by hand. */
class AdminUsersTest {
    private static final UserId IVAN = new UserId(1001);

    private BotRig rig;
    private BotRig.TgUser olga;
    private VpnKey bought;

    @BeforeEach
    void open() {
        rig = BotRig.started();
        olga = rig.user(BotRig.ADMIN, "Olga", "en");
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call summary = ivan.press(ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1"), "bs:1:1");
        rig.payAndDeliver(Long.parseLong(summary.data("oc:").substring(3)));
        rig.shop.registration.register(new RegisterUserCommand(IVAN, "Ivan", "ivan_p", "en")); // Telegram told us his @username
        bought = rig.keys.ofOwner(IVAN).get(0);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void an_admin_finds_a_user_by_username_or_id_and_sees_keys_and_orders() {
        Call ask = olga.press(olga.send("/admin"), "au");
        assertThat(ask.text()).contains("Telegram id").contains("@username");

        Call miss = olga.send("@nobody");
        assertThat(miss.text()).contains("Nobody found for \"@nobody\"");
        Call dossier = olga.send("@IVAN_P");

        Order order = rig.shop.orders.ofUser(IVAN, 10).get(0);
        assertThat(dossier.text()).contains("Ivan (@ivan_p)").contains("<code>1001</code>")
                .contains("#" + bought.id() + " 🇩🇪 Frankfurt — until 31 Mar 2026, 13:00 (MSK) (active)")
                .contains(order.publicId().value()).contains("1 month, 5.00 USD — fulfilled");
        assertThat(dossier.buttons()).extracting(Button::callbackData)
                .contains("auk:1001", "aue:1001:" + bought.id(), "au", "a");
        assertThat(rig.states.find(BotRig.ADMIN)).isEmpty();

        assertThat(olga.send("/user 1001").text()).isEqualTo(dossier.text());
    }

    @Test
    void a_granted_key_is_delivered_recorded_in_the_admins_name_and_a_double_tap_grants_once() {
        Call dossier = olga.send("/user 1001");
        Call tariffs = olga.press(dossier, "auk:1001");
        assertThat(tariffs.text()).contains("New key for <b>Ivan (@ivan_p)</b>");
        Call servers = olga.press(tariffs, "aut:1001:2");
        assertThat(servers.text()).contains("3 months");
        assertThat(servers.buttons()).extracting(Button::callbackData).contains("aus:1001:2:1", "aus:1001:2:2");

        Call granted = olga.press(servers, "aus:1001:2:2");
        assertThat(granted.text()).contains("Granted: a new key for 3 months on 🇳🇱 Amsterdam").contains("grant-900-");
        Call again = olga.pressForAnswer(granted.messageId(), "aus:1001:2:2");
        assertThat(again.params().get("text")).contains("Already granted");

        List<Order> grants = rig.shop.orders.ofUser(IVAN, 10).stream().filter(o -> o.publicId().value().startsWith("grant-900-")).toList();
        assertThat(grants).as("one grant for two taps").singleElement()
                .satisfies(o -> assertThat(o.price().amount()).isZero());
        int beforeDelivery = rig.api.mark();
        rig.deliverDueKeys();
        Call delivered = rig.api.awaitContent(beforeDelivery, 1001);
        assertThat(delivered.method()).isEqualTo("sendphoto");
        assertThat(delivered.text()).contains("Amsterdam");
        assertThat(rig.keys.ofOwner(IVAN)).hasSize(2).allSatisfy(k -> assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE));
        assertThat(rig.keys.ofOwner(IVAN)).anySatisfy(k -> assertThat(k.serverId()).isEqualTo(new ServerId(2)));
        assertThat(rig.shop.orders.find(grants.get(0).id()).orElseThrow().status()).isEqualTo(OrderStatus.FULFILLED);
    }

    @Test
    void an_extension_granted_by_hand_moves_the_expiry_of_that_key() {
        Call dossier = olga.send("/user 1001");
        Call tariffs = olga.press(dossier, "aue:1001:" + bought.id());
        assertThat(tariffs.text()).contains("Extend key #" + bought.id() + " on 🇩🇪 Frankfurt");
        Call granted = olga.press(tariffs, "auf:1001:" + bought.id() + ":1");
        assertThat(granted.text()).contains("key #" + bought.id() + " extended by 1 month");

        int beforeDelivery = rig.api.mark();
        rig.deliverDueKeys();
        assertThat(rig.api.awaitContent(beforeDelivery, 1001).text()).contains("extended");
        assertThat(rig.keys.find(bought.id()).orElseThrow().expiresAt()).isEqualTo(bought.expiresAt().plus(Duration.ofDays(30)));
        Call back = olga.press(granted, "aud:1001");
        assertThat(back.text()).contains("30 Apr 2026");
    }

    @Test
    void a_key_of_another_user_cannot_be_extended_through_this_users_screen() {
        rig.shop.registration.register(new RegisterUserCommand(new UserId(1002), "Anna", null, "en"));
        Call menu = olga.send("/admin");

        Call refused = olga.pressForAnswer(menu.messageId(), "auf:1002:" + bought.id() + ":1");

        assertThat(refused.params().get("text")).isEqualTo("Key not found.");
        assertThat(rig.shop.orders.ofUser(IVAN, 10)).hasSize(1);
    }

    @Test
    void an_admin_resets_a_users_key_link_after_confirming_and_the_key_gets_a_new_token_and_uuid() {
        dev.vpnbot.domain.key.SubscriptionToken old = rig.shop.subscriptionTokens.tokenOf(bought.id()).orElseThrow();
        Call dossier = olga.send("/user 1001");
        assertThat(dossier.buttons()).extracting(Button::callbackData).contains("apr:1001:" + bought.id());

        Call ask = olga.press(dossier, "apr:1001:" + bought.id());
        assertThat(ask.text()).contains("Reset the link of key #" + bought.id()).contains("new UUID on every server");
        assertThat(rig.shop.subscriptionTokens.keyOf(old)).contains(bought.id()); // nothing happens before the confirmation

        Call done = olga.press(ask, "apc:1001:" + bought.id());
        assertThat(done.text()).contains("The link of key #" + bought.id() + " was reset");
        assertThat(rig.shop.subscriptionTokens.keyOf(old)).isEmpty();
        VpnKey after = rig.keys.find(bought.id()).orElseThrow();
        assertThat(after.client().uuid()).isNotEqualTo(bought.client().uuid());
        assertThat(after.client().email()).isEqualTo(bought.client().email());
    }
}
