package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One writer per panel across instances: the advisory lock each instance takes around a panel
 * write. Two threads with their own connections stand for two bot instances.
 */
@PostgresTest
class PanelWriteLockTest {
    private static final String PANEL = "https://203.0.113.10:2053/secret/";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long WAIT_MS = WAIT.toMillis();

    private PanelWriteLock lock;
    private ExecutorService instances;

    @BeforeEach
    void setUp(PostgresPersistence db) {
        lock = db.panelWriteLock(Duration.ofSeconds(30));
        instances = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        instances.shutdownNow();
    }

    @Test
    void a_second_instance_waits_until_the_first_has_finished_its_write() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        Future<?> first = instances.submit(() -> lock.whileHolding(PANEL, () -> {
            events.add("first in");
            firstInside.countDown();
            Await.released("the test lets the first instance finish", WAIT, letFirstFinish);
            events.add("first out");
            return null;
        }));
        assertThat(firstInside.await(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        Future<?> second = instances.submit(() -> lock.whileHolding(PANEL, () -> events.add("second in")));

        Await.until("the second instance blocked in PostgreSQL, not yet inside", WAIT, () -> waitingForAdvisoryLocks() == 1);
        assertThat(events).containsExactly("first in");
        letFirstFinish.countDown();
        first.get(WAIT_MS, TimeUnit.MILLISECONDS);
        second.get(WAIT_MS, TimeUnit.MILLISECONDS);

        assertThat(events).containsExactly("first in", "first out", "second in");
    }

    @Test
    void writes_to_different_panels_do_not_wait_for_each_other() throws Exception {
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        Future<?> first = holdInFirstInstance(letFirstFinish);

        String other = instances.submit(() -> lock.whileHolding("https://198.51.100.7:8443/other/", () -> "done"))
                .get(WAIT_MS, TimeUnit.MILLISECONDS);

        assertThat(other).isEqualTo("done");
        letFirstFinish.countDown();
        first.get(WAIT_MS, TimeUnit.MILLISECONDS);
    }

    @Test
    void an_instance_that_cannot_get_the_lock_in_time_gets_a_transient_refusal(PostgresPersistence db) throws Exception {
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        Future<?> first = holdInFirstInstance(letFirstFinish);

        PanelException refused = catchThrowableOfType(PanelException.class,
                () -> db.panelWriteLock(Duration.ofMillis(200)).whileHolding(PANEL, () -> "never"));

        assertThat(refused.kind()).isEqualTo(PanelFault.BUSY);
        assertThat(refused.kind().isTransient()).isTrue();
        assertThat(refused.getMessage()).contains(PANEL);
        letFirstFinish.countDown();
        first.get(WAIT_MS, TimeUnit.MILLISECONDS);
    }

    @Test
    void panel_writes_take_no_connection_from_the_bots_own_pool(PostgresPersistence db) throws Exception {
        List<Connection> everyPooledConnection = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < DatabaseSettings.DEFAULT_POOL_SIZE; i++) everyPooledConnection.add(db.dataSource().getConnection());

            assertThat(lock.whileHolding(PANEL, () -> "written while the pool is busy")).isEqualTo("written while the pool is busy");
        } finally {
            for (Connection c : everyPooledConnection) c.close();
        }
    }

    @Test
    void a_write_that_fails_lets_the_lock_go() {
        catchThrowableOfType(IllegalStateException.class, () -> lock.whileHolding(PANEL, () -> {
            throw new IllegalStateException("panel said no");
        }));

        assertThat(lock.whileHolding(PANEL, () -> "next")).isEqualTo("next");
    }

    @Test
    void the_lock_of_an_instance_whose_connection_died_is_free_for_the_others() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        holdInFirstInstance(never); // a process that hangs, then dies

        try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = 2020960561 AND granted");
        }

        assertThat(instances.submit(() -> lock.whileHolding(PANEL, () -> "after")).get(WAIT_MS, TimeUnit.MILLISECONDS))
                .isEqualTo("after");
        never.countDown();
    }

    /** The first instance takes the lock and keeps it until {@code release}; returns once it holds it. */
    private Future<?> holdInFirstInstance(CountDownLatch release) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Future<?> first = instances.submit(() -> lock.whileHolding(PANEL, () -> {
            inside.countDown();
            Await.released("the test lets the first instance go", WAIT, release);
            return null;
        }));
        assertThat(inside.await(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        return first;
    }

    private static int waitingForAdvisoryLocks() {
        try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = 2020960561 AND NOT granted")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
