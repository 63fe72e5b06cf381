package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The {@code SentNotifications} contract, for every implementation: a claim succeeds once per kind and subject. */
public abstract class AbstractSentNotificationsContractTest extends PersistenceContract {

    protected AbstractSentNotificationsContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    @Test
    void the_first_claim_wins_and_every_later_one_loses() {
        assertThat(ports.sentNotifications().claim("reminder-3d", "key:42")).isTrue();
        assertThat(ports.sentNotifications().claim("reminder-3d", "key:42")).isFalse();
        assertThat(ports.sentNotifications().claim("reminder-3d", "key:42")).isFalse();
    }

    @Test
    void another_kind_or_subject_is_a_separate_claim() {
        assertThat(ports.sentNotifications().claim("reminder-3d", "key:42")).isTrue();
        assertThat(ports.sentNotifications().claim("reminder-1d", "key:42")).isTrue();
        assertThat(ports.sentNotifications().claim("reminder-3d", "key:43")).isTrue();
        assertThat(ports.sentNotifications().claim("broadcast:7", "user:42")).isTrue();
    }

    @Test
    void of_many_racing_claims_exactly_one_wins() throws Exception {
        int racers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            claims.add(pool.submit(() -> {
                start.await();
                return ports.sentNotifications().claim("reminder-3d", "key:42");
            }));
        }
        start.countDown();
        int wins = 0;
        for (Future<Boolean> claim : claims) {
            if (claim.get()) wins++;
        }
        pool.shutdown();

        assertThat(wins).isEqualTo(1);
    }
}
