package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: broadcasts with a photo and one URL button, checked before anything is saved; the
 * audiences "never paid" and "expiring within N days"; banned users never get one; recipient
 * counts in the right plural form. Against the fake Bot API.
 */
class BroadcastPhotoAndAudiencesTest {
    private BotRig rig;
    private BotRig.TgUser olga;

    @BeforeEach
    void open() {
        rig = BotRig.started();
        olga = rig.user(BotRig.ADMIN, "Olga", "en");
        for (long id = 3001; id <= 3003; id++) {
            rig.shop.registration.register(new RegisterUserCommand(new UserId(id), "U" + id, null, "en"));
        }
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private void sendAll() {
        while (rig.broadcasting.sendNextBatch() > 0) {
            // scheduler ticks until the audience is exhausted
        }
        rig.awaitIdle();
    }

    @Test
    void a_photo_with_its_caption_and_a_url_button_reach_each_recipient_as_one_photo_message_with_the_button() {
        olga.press(olga.send("/broadcast"), "aba:all");
        Call preview = olga.sendPhoto("Summer sale: 30% off", "AgACphoto-summer", 300_000);
        assertThat(preview.text()).contains("<b>4 recipients</b>").contains("With the photo you sent").contains("Summer sale: 30% off");

        olga.press(preview, "akb:1");
        Call withButton = olga.send("Open the shop https://example.com/sale?from=bot");
        assertThat(withButton.text()).contains("Button “Open the shop” → https://example.com/sale?from=bot");
        olga.press(withButton, "abc:1");
        sendAll();

        for (long chat : new long[] {BotRig.ADMIN, 3001, 3002, 3003}) {
            List<Call> photos = rig.api.calls("sendPhoto").stream().filter(c -> c.chatId() == chat).toList();
            assertThat(photos).as("chat " + chat).singleElement().satisfies(c -> {
                assertThat(c.params()).containsEntry("photo", "AgACphoto-summer").containsEntry("caption", "Summer sale: 30% off");
                assertThat(c.buttons()).extracting(Button::text, Button::url).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Open the shop", "https://example.com/sale?from=bot"));
            });
        }
        assertThat(rig.api.calls("sendMessage")).as("not also as text").noneMatch(c -> c.text().equals("Summer sale: 30% off"));
    }

    @Test
    void a_button_with_a_forbidden_address_is_explained_and_the_draft_keeps_no_button() {
        olga.press(olga.send("/broadcast"), "aba:all");
        Call preview = olga.send("Hello");
        olga.press(preview, "akb:1");

        for (String typed : new String[] {"Click javascript:alert(1)", "Open data:text/html,hi", "https://example.com", "Open ftp://example.com/x"}) {
            Call refused = olga.send(typed);
            assertThat(refused.text()).as(typed).contains("Not a button Telegram would take").contains("Nothing was changed");
        }
        assertThat(rig.broadcasts.find(1).orElseThrow().button()).isNull();
    }

    @Test
    void a_photo_too_large_for_telegram_a_file_instead_of_a_photo_or_a_long_caption_is_explained_and_nothing_is_saved() {
        olga.press(olga.send("/broadcast"), "aba:all");

        Call tooLarge = olga.sendPhoto("Big one", "AgACbig", 12L * 1024 * 1024);
        assertThat(tooLarge.text()).contains("The photo is 12.0 MB; Telegram sends photos of at most 10.0 MB").contains("Nothing was saved");
        Call hugeFile = olga.sendDocument("As a file", "image/png", 25L * 1024 * 1024);
        assertThat(hugeFile.text()).contains("The photo is 25.0 MB");
        Call file = olga.sendDocument("As a file", "image/png", 200_000);
        assertThat(file.text()).contains("That is a file, not a photo");
        Call longCaption = olga.sendPhoto("x".repeat(1025), "AgAClong", 100_000);
        assertThat(longCaption.text()).contains("1025 characters, and Telegram takes at most 1024");

        assertThat(rig.broadcasts.find(1)).as("no draft was saved").isEmpty();
        assertThat(rig.api.calls("sendPhoto")).as("nothing went out").isEmpty();
    }

    @Test
    void a_banned_user_gets_no_broadcast_and_is_not_counted() {
        rig.users.save(rig.users.find(new UserId(3002)).orElseThrow().withBanned(true));
        olga.press(olga.send("/broadcast"), "aba:all");
        Call preview = olga.send("News for everybody");
        assertThat(preview.text()).contains("<b>3 recipients</b>");

        olga.press(preview, "abc:1");
        sendAll();

        assertThat(rig.api.calls("sendMessage")).filteredOn(c -> c.text().equals("News for everybody"))
                .extracting(Call::chatId).containsExactlyInAnyOrder(BotRig.ADMIN, 3001L, 3003L);
    }

    @Test
    void expiring_within_n_days_asks_for_the_days_and_never_paid_leaves_out_the_payer() {
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call summary = ivan.press(ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1"), "bs:1:1");
        rig.payAndDeliver(Long.parseLong(summary.data("oc:").substring(3)));

        Call askDays = olga.press(olga.send("/broadcast"), "aba:soon");
        assertThat(askDays.text()).contains("Keys expiring within how many days?");
        assertThat(olga.send("soon").text()).contains("Send a whole number of days from 1 to 365");
        assertThat(olga.send("45").text()).contains("To: ⏳ Keys expiring within 45 days");
        Call soon = olga.send("Your key runs out soon");
        assertThat(soon.text()).contains("<b>1 recipient</b>");

        olga.press(olga.send("/broadcast"), "aba:soon");
        olga.send("3");
        assertThat(olga.send("Three days left").text()).contains("Keys expiring within 3 days").contains("<b>0 recipients</b>");

        olga.press(olga.send("/broadcast"), "aba:unpaid");
        assertThat(olga.send("Try us").text()).as("Olga and the three who never paid").contains("<b>4 recipients</b>");
        olga.press(olga.send("/broadcast"), "aba:trial");
        assertThat(olga.send("Liked the free week?").text()).contains("<b>0 recipients</b>");
    }
}
