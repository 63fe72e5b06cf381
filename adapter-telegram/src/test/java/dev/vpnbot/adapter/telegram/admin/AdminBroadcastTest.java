package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.domain.broadcast.Broadcast;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broadcasts from Telegram: audience, text, preview with the recipient count, confirmation,
 * progress while the scheduler sends batches through the one rate-limited sender, and the final
 * report with users who blocked the bot (Telegram's 403) and failures.
 */
class AdminBroadcastTest {
    private static final String TEXT = "New servers in Warsaw! <b>not bold</b> & no markup";

    private BotRig rig;
    private BotRig.TgUser olga;

    @BeforeEach
    void open() {
        rig = BotRig.started();
        olga = rig.user(BotRig.ADMIN, "Olga", "en");
        for (long id = 3001; id <= 3005; id++) {
            rig.shop.registration.register(new RegisterUserCommand(new UserId(id), "U" + id, null, id == 3005 ? "ru" : "en"));
        }
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private List<Call> broadcastMessagesTo(long chat) {
        return rig.api.calls("sendMessage").stream().filter(c -> c.chatId() == chat && c.text().equals(TEXT)).toList();
    }

    @Test
    void a_broadcast_is_previewed_confirmed_followed_and_reported_with_blocked_and_failed_recipients() {
        rig.api.blockedBy(3003);
        Call audiences = olga.send("/broadcast");
        assertThat(audiences.buttons()).extracting(Button::callbackData).contains("aba:all", "aba:active", "aba:expired");
        Call ask = olga.press(audiences, "aba:all");
        assertThat(ask.text()).contains("To: 👥 Everybody");

        Call preview = olga.send(TEXT);
        assertThat(preview.text()).contains("Preview of broadcast #1").contains("<b>6 recipients</b>")
                .contains("New servers in Warsaw! &lt;b&gt;not bold&lt;/b&gt; &amp; no markup");
        assertThat(preview.buttons()).extracting(Button::text).contains("✅ Send to 6");
        assertThat(rig.broadcasts.find(1).orElseThrow().status()).isEqualTo(Broadcast.Status.DRAFT);
        assertThat(broadcastMessagesTo(3001)).as("nothing goes out before the admin confirms").isEmpty();

        Call sending = olga.press(preview, "abc:1");
        assertThat(sending.text()).contains("Broadcast #1").contains("sending…").contains("Sent: 0");

        rig.broadcasting.sendNextBatch(); // a scheduler tick: Olga herself and 3001
        Call progress = olga.press(sending, "abp:1");
        assertThat(progress.text()).contains("Sent: 2 · blocked the bot: 0 · failed: 0");

        rig.api.failNextTo(3002, 400, "Bad Request: chat not found"); // a batch is under way at once: aimed at 3002
        while (rig.broadcasting.sendNextBatch() > 0) {
            // ticks until the audience is exhausted; the last one finishes the broadcast and reports
        }

        Call report = rig.api.awaitAfter(0, Duration.ofSeconds(30), c -> c.chatId() == BotRig.ADMIN && c.text().contains("is done"));
        assertThat(report.text()).contains("Broadcast #1 is done").contains("Sent: 4").contains("Blocked the bot: 1").contains("Failed: 1");
        Call done = olga.press(progress, "abp:1");
        assertThat(done.text()).contains("Status: done");
        assertThat(done.buttons()).extracting(Button::callbackData).doesNotContain("abp:1", "abx:1");

        for (long chat : new long[] {BotRig.ADMIN, 3001, 3004, 3005}) {
            assertThat(broadcastMessagesTo(chat)).as("chat " + chat).singleElement()
                    .satisfies(c -> assertThat(c.params()).as("plain text, exactly as written").doesNotContainKey("parse_mode"));
        }
        assertThat(rig.users.find(new UserId(3003)).orElseThrow().blocked()).as("the 403 marked the user blocked").isTrue();
        assertThat(rig.broadcasting.sendNextBatch()).isZero();
        assertThat(rig.api.calls("sendMessage")).filteredOn(c -> c.text().equals(TEXT)).as("nobody twice").hasSize(6);
    }

    @Test
    void an_audience_of_key_holders_is_counted_and_a_cancelled_draft_sends_nothing() {
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call summary = ivan.press(ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1"), "bs:1:1");
        rig.payAndDeliver(Long.parseLong(summary.data("oc:").substring(3)));

        olga.press(olga.send("/broadcast"), "aba:active");
        Call preview = olga.send("Your key now works in Warsaw too");
        assertThat(preview.text()).contains("Users with an active key").contains("<b>1 recipient</b>");

        Call cancelled = olga.press(preview, "abx:");
        assertThat(cancelled.text()).contains("Status: cancelled");
        assertThat(rig.broadcasting.sendNextBatch()).isZero();
        assertThat(rig.api.calls("sendMessage")).noneMatch(c -> c.chatId() != BotRig.ADMIN && c.text().contains("works in Warsaw"));

        rig.clock.advance(Duration.ofDays(31));
        olga.press(olga.send("/broadcast"), "aba:expired");
        Call expired = olga.send("Come back!");
        assertThat(expired.text()).contains("Users whose keys have expired").contains("<b>1 recipient</b>");
    }

    @Test
    void a_text_too_long_for_a_broadcast_is_explained_and_nothing_is_prepared() {
        olga.press(olga.send("/broadcast"), "aba:all");
        Call tooLong = olga.send("x".repeat(Broadcast.MAX_TEXT_LENGTH + 1));
        assertThat(tooLong.text()).contains("The text has 4001 characters; at most 4000 fit.");
        assertThat(rig.broadcasts.find(1)).isEmpty();
    }
}
