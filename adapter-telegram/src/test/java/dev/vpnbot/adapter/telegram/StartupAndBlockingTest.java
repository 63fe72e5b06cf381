package dev.vpnbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Start-up (command menu, long polling), users who block the bot, and a token that never reaches the logs. */
class StartupAndBlockingTest {
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    @Test
    void start_registers_the_command_menu_in_russian_and_english_and_the_admin_commands_for_admins_then_polls() {
        rig = BotRig.started();

        List<Call> commands = rig.api.calls("setMyCommands").stream().filter(c -> !c.params().containsKey("scope")).toList();
        assertThat(commands).extracting(c -> c.params().get("language_code")).containsExactlyInAnyOrder(null, "ru", "en");
        assertThat(commands).allSatisfy(c -> assertThat(c.params().get("commands")).doesNotContain("\"admin\""));
        Call forAdmin = rig.api.calls("setMyCommands").stream().filter(c -> c.params().containsKey("scope")).findFirst().orElseThrow();
        assertThat(forAdmin.params().get("scope")).contains("\"chat\"").contains(String.valueOf(BotRig.ADMIN));
        assertThat(forAdmin.params().get("commands")).contains("\"admin\"").contains("\"buy\"");
        Call english = commands.stream().filter(c -> "en".equals(c.params().get("language_code"))).findFirst().orElseThrow();
        Call russian = commands.stream().filter(c -> "ru".equals(c.params().get("language_code"))).findFirst().orElseThrow();
        assertThat(english.params().get("commands")).contains("\"buy\"").contains("Buy a key");
        assertThat(russian.params().get("commands")).contains("\"keys\"").contains("Мои ключи");
        assertThat(rig.api.calls("deleteWebhook")).hasSize(1);
        rig.api.awaitCalls("getUpdates", 1, Duration.ofSeconds(30));
    }

    @Test
    void updates_are_taken_once_each_in_order() {
        rig = BotRig.started();
        BotRig.TgUser ivan = rig.user(7001, "Ivan", "en");

        Call first = ivan.send("/keys");
        Call second = ivan.send("/buy");

        assertThat(first.text()).contains("no keys");
        assertThat(second.text()).contains("Choose a period");
        rig.api.awaitAfter(0, Duration.ofSeconds(30), c -> c.method().equals("getupdates") && "3".equals(c.params().get("offset")));
        assertThat(rig.api.calls("sendMessage").stream().filter(c -> c.chatId() == 7001)).hasSize(2);
    }

    @Test
    void a_user_who_blocked_the_bot_is_marked_blocked_and_unblocked_when_they_come_back() throws Exception {
        rig = BotRig.started();
        BotRig.TgUser ivan = rig.user(7002, "Ivan", "ru");
        Call menu = ivan.send("/start");
        rig.api.blockedBy(7002);

        rig.api.userPresses(7002, "Ivan", "ru", menu.messageId(), "k");
        rig.api.awaitAfter(0, Duration.ofSeconds(30), c -> c.chatId() == 7002 && c.failedWith() == 403);
        assertThat(rig.sender.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(rig.users.find(new UserId(7002)).orElseThrow().blocked()).isTrue();

        rig.api.unblockedBy(7002);
        assertThat(ivan.send("/start").text()).contains("Привет");
        assertThat(rig.users.find(new UserId(7002)).orElseThrow().blocked()).isFalse();
    }

    @Test
    void the_bot_token_never_reaches_the_logs() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try {
            rig = BotRig.started();
            BotRig.TgUser ivan = rig.user(7003, "Ivan", "en");
            Call menu = ivan.send("/start");
            rig.api.failNextWith429("editMessageText", 1);
            ivan.press(menu, "b");
            rig.api.failNext("sendMessage", 400, "Bad Request: chat not found", null);
            rig.notifier.alertAdmins(new dev.vpnbot.application.port.out.notify.AdminAlert(
                    dev.vpnbot.application.port.out.notify.AdminAlert.Kind.SERVER_UNREACHABLE, "panel 1"));
            ivan.pressForAnswer(menu.messageId(), "zz:garbage");
            rig.close();
            rig = null;
        } finally {
            root.detachAppender(logs);
        }
        String secretPart = FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1);
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(secretPart);
            if (e.getThrowableProxy() != null) assertThat(e.getThrowableProxy().getMessage()).doesNotContain(secretPart);
        });
    }
}
