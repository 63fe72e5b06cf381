package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Support: a user's message reaches the support side with who sent it and their keys; a reply goes back. */
class SupportDeskTest {
    private BotRig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void a_message_reaches_the_support_chat_and_the_reply_to_it_reaches_the_user() {
        rig = BotRig.started();
        BotRig.TgUser ivan = rig.user(3001, "Ivan", "ru");
        Call menu = ivan.send("/start");
        Call summary = ivan.press(ivan.press(ivan.press(menu, "b"), "bt:1"), "bs:1:2");
        rig.payAndDeliver(Long.parseLong(summary.data("oc:").substring(3)));

        Call ask = ivan.press(ivan.send("/start"), "s");
        assertThat(ask.text()).contains("Поддержка");
        assertThat(rig.states.find(3001)).hasValueSatisfying(s -> assertThat(s).startsWith("support"));

        int mark = rig.api.mark();
        Call confirmation = ivan.send("Не подключается <b>совсем</b>, #id42");
        Call ticket = rig.api.awaitContent(mark, BotRig.SUPPORT_CHAT);
        assertThat(confirmation.text()).contains("отправлено в поддержку");
        assertThat(ticket.text()).startsWith("🆘").contains("#id3001").contains("Ivan").contains("Amsterdam")
                .contains("Не подключается &lt;b&gt;совсем&lt;/b&gt;");
        assertThat(ticket.text().indexOf("#id3001")).isLessThan(ticket.text().indexOf("#id42"));
        assertThat(rig.states.find(3001)).as("the support step ends with the message").isEmpty();

        int beforeReply = rig.api.mark();
        rig.api.replyToBotMessage(BotRig.SUPPORT_CHAT, BotRig.ADMIN, "Admin", ticket.messageId(),
                plain(ticket.text()), "Переустановите приложение");
        Call answer = rig.api.awaitContent(beforeReply, 3001);
        Call delivered = rig.api.awaitContent(beforeReply, BotRig.SUPPORT_CHAT);

        assertThat(answer.text()).contains("Ответ поддержки").contains("Переустановите приложение");
        assertThat(delivered.text()).contains("Ivan");
    }

    @Test
    void without_a_support_chat_the_admins_get_the_message_and_answer_from_their_own_chat() {
        // tickets are written in the operator's language (Russian by default), answers in the user's
        rig = BotRig.started(b -> b.supportChatId(null).adminIds(Set.of(BotRig.ADMIN)));
        BotRig.TgUser anna = rig.user(3002, "Anna", "en");
        anna.press(anna.send("/start"), "s");

        int mark = rig.api.mark();
        anna.send("My key does not work");
        Call ticket = rig.api.awaitContent(mark, BotRig.ADMIN);
        assertThat(ticket.text()).contains("#id3002").contains("нет ключей").contains("My key does not work");

        int beforeReply = rig.api.mark();
        rig.api.replyToBotMessage(BotRig.ADMIN, BotRig.ADMIN, "Admin", ticket.messageId(), plain(ticket.text()), "Fixed, try again");
        assertThat(rig.api.awaitContent(beforeReply, 3002).text()).contains("Support replied").contains("Fixed, try again");
    }

    @Test
    void a_ticket_shows_the_key_status_in_words_in_the_admins_language_and_zone() {
        rig = BotRig.started(b -> b.supportChatId(null).adminIds(Set.of(BotRig.ADMIN)).paymentTestMode(true));
        rig.users.save(User.register(new UserId(BotRig.ADMIN), "Admin", null, Language.EN, BotRig.START)
                .withTimeZone(ZoneId.of("America/New_York")));
        BotRig.TgUser ivan = rig.user(3004, "Иван", "ru");
        ivan.press(ivan.press(ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1"), "bs:1:1"), "op:");
        rig.deliverDueKeys();
        ivan.press(ivan.send("/start"), "s");

        int mark = rig.api.mark();
        ivan.send("Не работает");
        Call ticket = rig.api.awaitContent(mark, BotRig.ADMIN);

        assertThat(ticket.text()).contains("[active]").doesNotContain("ACTIVE").contains("Request #id3004")
                .contains("EDT").doesNotContain("MSK");
        rig.clock.advance(java.time.Duration.ofDays(40));
        ivan.press(ivan.send("/start"), "s");
        int later = rig.api.mark();
        ivan.send("Опять не работает");
        assertThat(rig.api.awaitContent(later, BotRig.ADMIN).text()).as("a key past its date is expired in words").contains("[expired]");
    }

    @Test
    void chatter_in_the_support_chat_is_not_relayed_anywhere() {
        rig = BotRig.started();
        rig.user(3003, "Oleg", "ru").send("/start");
        int mark = rig.api.mark();

        rig.api.replyToBotMessage(BotRig.SUPPORT_CHAT, BotRig.ADMIN, "Admin", 1, "some bot message without a ticket tag", "ok");
        rig.api.userSends(3003, "Oleg", "ru", "/start"); // a marker: handled after the chatter

        Call next = rig.api.awaitContent(mark, 3003);
        assertThat(next.text()).contains("Привет");
        assertThat(rig.api.calls().subList(mark, rig.api.mark())).noneMatch(c -> c.chatId() == BotRig.SUPPORT_CHAT);
    }

    /** What Telegram puts in reply_to_message.text: the message without its HTML. */
    private static String plain(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"");
    }
}
