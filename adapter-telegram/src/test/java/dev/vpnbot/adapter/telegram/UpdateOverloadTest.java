package dev.vpnbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rule: the queue from Telegram to the screens is bounded. When it is full an update is answered
 * "busy, try again" at once (a button's pop-up, or one plain reply to a message) and dropped, and
 * the overload is counted; admins' updates and Stars payments are never dropped. The queue is
 * filled by key screens whose panel read hangs.
 */
class UpdateOverloadTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BUSY_RU = "⏳ Бот сейчас очень занят. Попробуйте ещё раз через пару секунд.";
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.usage.answer();
            rig.close();
        }
    }

    @Test
    void a_full_queue_answers_busy_at_once_drops_the_update_lets_admins_through_and_takes_again_when_there_is_room() {
        rig = BotRig.started(b -> b.updateQueue(2));
        AtomicInteger overloaded = new AtomicInteger();
        rig.bot.observeOverload(overloaded::incrementAndGet);
        BotRig.TgUser olga = owner(2001, 1);
        BotRig.TgUser petr = owner(2002, 2);
        BotRig.TgUser ivan = rig.user(2003, "Ivan", "ru");
        Call olgaMenu = olga.send("/start");
        Call petrMenu = petr.send("/start");
        Call ivanMenu = ivan.send("/start");
        int reads = rig.usage.reads();
        rig.usage.hang();
        int mark = rig.api.mark();
        pressesKey(olga, olgaMenu, 1);
        pressesKey(petr, petrMenu, 2);
        Await.until("both key screens wait for the panel: the queue is full", WAIT, () -> rig.usage.reads() == reads + 2);

        Call press = ivan.pressForAnswer(ivanMenu.messageId(), "k");
        assertThat(press.params().get("text")).isEqualTo(BUSY_RU);
        Call reply = ivan.send("/start");
        assertThat(reply.text()).isEqualTo(BUSY_RU);
        assertThat(reply.buttons()).isEmpty();
        assertThat(overloaded).hasValue(2);
        Call adminMenu = rig.user(BotRig.ADMIN, "Admin", "ru").send("/start");
        assertThat(adminMenu.text()).as("an admin's update always queues").isNotEqualTo(BUSY_RU);

        rig.usage.answer();
        rig.api.awaitContent(mark, olga.id);
        rig.api.awaitContent(mark, petr.id);
        Await.until("the queue drained", WAIT, () -> rig.bot.queuedUpdates() == 0);
        assertThat(rig.api.calls().subList(mark, rig.api.mark())).as("the dropped updates were never handled")
                .filteredOn(c -> c.chatId() == ivan.id && c.isContent()).containsExactly(reply);
        assertThat(ivan.send("/start").text()).as("room again").isNotEqualTo(BUSY_RU).isEqualTo(ivanMenu.text());
        assertThat(overloaded).hasValue(2);
    }

    @Test
    void past_its_budget_a_second_an_overloaded_bot_drops_updates_without_a_busy_answer() {
        rig = BotRig.started(b -> b.updateQueue(1));
        AtomicInteger overloaded = new AtomicInteger();
        rig.bot.observeOverload(overloaded::incrementAndGet);
        BotRig.TgUser olga = owner(2001, 1);
        Call menu = olga.send("/start");
        int reads = rig.usage.reads();
        rig.usage.hang();
        pressesKey(olga, menu, 1);
        Await.until("the key screen waits for the panel: the queue is full", WAIT, () -> rig.usage.reads() == reads + 1);
        rig.throttleNanos.set(0); // time stands still: one second of overload, whatever the machine's speed

        int mark = rig.api.mark();
        int offered = BusyAnswers.ANSWERS_PER_SECOND + 3;
        for (int i = 0; i < offered; i++) rig.api.userSends(3000 + i, "User", "ru", "/start");
        Await.until("every update past the full queue counted", WAIT, () -> overloaded.get() == offered);
        Await.until("a busy answer for each within the budget", WAIT, () -> busyAfter(mark) == BusyAnswers.ANSWERS_PER_SECOND);
        rig.throttleNanos.set(1_000_000_000L);
        rig.api.userSends(4000, "User", "ru", "/start");
        Await.until("the next second's budget answers again", WAIT, () -> busyAfter(mark) == BusyAnswers.ANSWERS_PER_SECOND + 1);
        assertThat(rig.api.calls().subList(mark, rig.api.mark())).filteredOn(Call::isContent)
                .as("three updates past the budget got nothing").hasSize(BusyAnswers.ANSWERS_PER_SECOND + 1)
                .allMatch(c -> BUSY_RU.equals(c.text()));
    }

    private long busyAfter(int mark) {
        return rig.api.calls().subList(mark, rig.api.mark()).stream().filter(c -> c.isContent() && BUSY_RU.equals(c.text())).count();
    }

    @Test
    void a_stars_pre_checkout_is_answered_while_the_queue_is_full() {
        rig = BotRig.startedWithStars(b -> b.updateQueue(1));
        BotRig.TgUser olga = owner(2001, 1);
        Call menu = olga.send("/start");
        int reads = rig.usage.reads();
        rig.usage.hang();
        pressesKey(olga, menu, 1);
        Await.until("the key screen waits for the panel: the queue is full", WAIT, () -> rig.usage.reads() == reads + 1);
        BotRig.TgUser ivan = rig.user(2003, "Ivan", "en");
        assertThat(ivan.send("/start").text()).startsWith("⏳ The bot is busy");

        int mark = rig.api.mark();
        String query = rig.api.userPreCheckout(ivan.id, "en", "vpn-404-nonce", "XTR", 50);
        Call answer = rig.api.awaitAfter(mark, Duration.ofSeconds(30),
                c -> c.method().equals("answerprecheckoutquery") && query.equals(c.params().get("pre_checkout_query_id")));
        assertThat(answer.params()).containsKey("ok");
    }

    @Test
    void the_configured_workers_bound_how_many_updates_run_at_once_and_the_rest_wait_their_turn() {
        rig = BotRig.started(b -> b.updateQueue(10).updateWorkers(2));
        BotRig.TgUser olga = owner(2001, 1);
        BotRig.TgUser petr = owner(2002, 2);
        BotRig.TgUser ivan = owner(2003, 3);
        Call olgaMenu = olga.send("/start");
        Call petrMenu = petr.send("/start");
        Call ivanMenu = ivan.send("/start");
        int reads = rig.usage.reads();
        rig.usage.hang();
        int mark = rig.api.mark();
        pressesKey(olga, olgaMenu, 1);
        pressesKey(petr, petrMenu, 2);
        Await.until("both workers wait for the panel", WAIT, () -> rig.usage.reads() == reads + 2);
        pressesKey(ivan, ivanMenu, 3);
        Await.until("the third key screen was taken", WAIT, () -> rig.bot.queuedUpdates() == 3);

        // a fixed pool starts a thread per update taken until it has its workers: with more, three
        assertThat(rig.bot.updateThreads()).as("two workers, however many updates wait").isEqualTo(2);
        assertThat(rig.usage.reads()).as("the third screen waits for a free worker").isEqualTo(reads + 2);

        rig.usage.answer();
        rig.api.awaitContent(mark, olga.id);
        rig.api.awaitContent(mark, petr.id);
        rig.api.awaitContent(mark, ivan.id);
        assertThat(rig.usage.reads()).isEqualTo(reads + 3);
    }

    /** {@code user} opens key {@code key} from their menu: the screen reads the panel (which may hang). */
    private void pressesKey(BotRig.TgUser user, Call menu, int key) {
        rig.api.userPresses(user.id, user.firstName, user.languageCode, menu.messageId(), "ki:" + key);
    }

    /** A user with an active key {@code key} on server 1, its client on the panel. */
    private BotRig.TgUser owner(long user, long key) {
        PanelClientId client = new PanelClientId(UUID.randomUUID(), "overload-k" + key, "overload" + key + "sub");
        Instant expiry = BotRig.START.plus(Duration.ofDays(20));
        rig.keys.save(new VpnKey(new KeyId(key), new UserId(user), new ServerId(1), client, expiry, KeyStatus.ACTIVE,
                new KeyLinks("https://sub.example/" + client.subId(), "vless://" + client.uuid() + "@x.example:443#" + key), BotRig.START));
        Server server = rig.shop.servers.find(new ServerId(1)).orElseThrow();
        rig.panel.repairClient(server, new NewPanelClient(client, expiry, user, 0, 0));
        return rig.user(user, "User" + user, "ru");
    }
}
