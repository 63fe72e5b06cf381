package dev.vpnbot.bootstrap.moneypath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.service.fulfilment.OrderNoticeRelay;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Your key is ready" survives the process that delivered the key, on the real PostgreSQL: the
 * notice is in the outbox from the commit that fulfilled the order, and a process that died
 * before Telegram's answer was written down leaves it to the next one.
 */
@PostgresTest
class NoticeAfterCrashTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = OrderNoticeRelay.Settings.defaults().lease();

    private MoneyPathRig rig;

    @BeforeEach
    void openRig(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        rig = new MoneyPathRig(db, schema, clock, START);
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    private long sent() {
        return rig.count("SELECT count(*) FROM order_notices WHERE sent_at IS NOT NULL");
    }

    @Test
    void a_key_ready_notice_is_sent_again_by_the_next_process_when_the_first_died_before_it_was_confirmed() {
        RunningBot first = rig.startBot();
        Order order = rig.placeNewKey(first);
        assertThat(rig.pay(order).acknowledged()).isTrue();
        assertThat(first.worker.runDueJobs()).isEqualTo(1);
        assertThat(first.notifier.sentOfKind("keyReady")).hasSize(1);
        rig.stop(first); // kill -9 before its next tick wrote down Telegram's answer

        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(rig.count("SELECT count(*) FROM order_notices WHERE kind = 'KEY_READY' AND sent_at IS NULL")).isEqualTo(1);

        RunningBot next = rig.startBot();
        next.noticeRelay.relayDue();
        assertThat(next.notifier.sentOfKind("keyReady")).as("the dead process's lease still runs").isEmpty();
        rig.clock.advance(LEASE);
        next.noticeRelay.relayDue();
        assertThat(next.notifier.sentOfKind("keyReady")).singleElement()
                .satisfies(s -> assertThat(s.user()).isEqualTo(MoneyPathRig.BUYER));
        next.noticeRelay.relayDue(); // its answer is written down
        assertThat(sent()).isEqualTo(1);

        rig.clock.advance(Duration.ofHours(1));
        next.noticeRelay.relayDue();
        assertThat(next.notifier.sentOfKind("keyReady")).as("confirmed: never again").hasSize(1);
    }

    @Test
    void a_replayed_fulfilment_writes_no_second_notice() {
        RunningBot bot = rig.startBot();
        Order order = rig.placeNewKey(bot);
        rig.pay(order);
        bot.worker.runDueJobs();
        bot.fulfilment.fulfil(order.id());
        bot.noticeRelay.relayDue();

        assertThat(rig.count("SELECT count(*) FROM order_notices")).isEqualTo(1);
        assertThat(sent()).isEqualTo(1);
        assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1);
    }
}
