package dev.vpnbot.bootstrap.moneypath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.bootstrap.moneypath.DyingPanel.ProcessDied;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.Server;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys on every 3x-ui release line the bot claims, over the real wiring of the money path
 * (PostgreSQL, the 3x-ui adapter, Heleket's webhook): the fake panel answers as each release's
 * source does, so a wrong identity field or a retried add that leaves a second copy fails here.
 */
@PostgresTest
class PanelTruthTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration ONE_MONTH = Duration.ofDays(30);

    private PostgresPersistence db;
    private TestSchema schema;
    private MutableClock clock;
    private MoneyPathRig rig;

    @org.junit.jupiter.api.BeforeEach
    void keep(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.db = db;
        this.schema = schema;
        this.clock = clock;
    }

    @AfterEach
    void closeRig() {
        if (rig != null) rig.close();
    }

    private MoneyPathRig rig(Profile profile) {
        rig = new MoneyPathRig(db, schema, clock, START, profile);
        return rig;
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void a_paid_order_gets_exactly_one_client_with_our_uuid_and_a_renewal_extends_that_one(Profile profile) {
        RunningBot bot = rig(profile).startBot();
        VpnKey key = rig.buyKey(bot);

        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(key.links().vlessUrl()).contains(key.client().uuid().toString());
        assertOneClient(key);

        Order renewal = rig.placeRenewal(bot, key.id());
        assertThat(rig.pay(renewal).acknowledged()).isTrue();
        bot.worker.runDueJobs();

        VpnKey renewed = rig.key(key.id());
        assertThat(renewed.expiresAt()).isEqualTo(key.expiresAt().plus(ONE_MONTH));
        assertOneClient(renewed);
        assertThat(bot.notifier.sentOfKind("keyExtended")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void a_bot_that_dies_after_the_panel_added_the_client_leaves_exactly_one_client_after_restart(Profile profile) {
        RunningBot first = rig(profile).startBot(RunningBot.Options.defaults()
                .panel(p -> new DyingPanel(p, DyingPanel.When.AFTER_CREATING_THE_CLIENT)));
        Order order = rig.placeNewKey(first);
        assertThat(rig.pay(order).responseBody()).isEqualTo("PAID");
        assertThatThrownBy(first.worker::runDueJobs).isInstanceOf(ProcessDied.class);
        rig.stop(first);
        assertThat(rig.panelHost.copiesOf(rig.ourPanelClients().get(0).get("email").toString())).isEqualTo(1);

        RunningBot second = rig.startBot();
        rig.clock.advance(second.options.worker().lease());
        assertThat(second.worker.runDueJobs()).isEqualTo(1);

        VpnKey key = rig.key(rig.order(order.id()).keyId());
        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.FULFILLED);
        assertOneClient(key);
        assertThat(second.notifier.sentOfKind("keyReady")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V3_0", "V3_3"})
    void copies_left_by_a_retried_add_are_collapsed_into_one_client_on_the_next_renewal(Profile profile) {
        RunningBot bot = rig(profile).startBot();
        VpnKey key = rig.buyKey(bot);
        Map<String, Object> copy = rig.panelClient(key);
        rig.panelHost.putClient(MoneyPathRig.INBOUND, copy); // what an older bot's retried add left on v3.0–v3.4
        assertThat(rig.panelHost.copiesOf(key.client().email())).isEqualTo(2);

        Order renewal = rig.placeRenewal(bot, key.id());
        rig.pay(renewal);
        bot.worker.runDueJobs();

        assertOneClient(rig.key(key.id()));
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V3_0", "V3_3"})
    void a_restarted_bot_that_finds_two_copies_of_its_new_client_keeps_one_and_tells_the_admins(Profile profile) {
        RunningBot first = rig(profile).startBot(RunningBot.Options.defaults()
                .panel(p -> new DyingPanel(p, DyingPanel.When.AFTER_CREATING_THE_CLIENT)));
        Order order = rig.placeNewKey(first);
        rig.pay(order);
        assertThatThrownBy(first.worker::runDueJobs).isInstanceOf(ProcessDied.class);
        rig.stop(first);
        Map<String, Object> added = rig.ourPanelClients().get(0);
        rig.panelHost.putClient(MoneyPathRig.INBOUND, added); // an older bot's retry appended it again (v3.0–v3.4)

        RunningBot second = rig.startBot();
        rig.clock.advance(second.options.worker().lease());
        assertThat(second.worker.runDueJobs()).isEqualTo(1);

        VpnKey key = rig.key(rig.order(order.id()).keyId());
        assertOneClient(key);
        assertThat(second.notifier.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AdminAlert.Kind.PANEL_DRIFT_REPAIRED);
            assertThat(alert.detail()).contains(key.client().email(), "more than one copy");
        });
    }

    @Test
    void two_bot_instances_with_200_concurrent_payments_over_one_unlocked_panel_end_with_every_paid_key_on_it() throws Exception {
        rig(Profile.V2_8);
        Server roomy = rig.server();
        rig.records.servers().save(new Server(roomy.id(), roomy.name(), roomy.connection(), roomy.inboundId(), true, 1_000, 0));
        rig.panelHost.raceMode(true); // v2.x rewrites the whole inbound unlocked: overlapping writes lose each other's clients
        RunningBot a = rig.startBot(RunningBot.Options.defaults().wakingWorkersOn(3));
        RunningBot b = rig.startBot(RunningBot.Options.defaults().wakingWorkersOn(3));

        List<Order> orders = new ArrayList<>();
        List<byte[]> webhooks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Order order = rig.placeNewKey(i % 2 == 0 ? a : b);
            orders.add(order);
            webhooks.add(rig.payAndCatchWebhook(order));
        }
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < webhooks.size(); i++) {
                RunningBot to = i % 2 == 0 ? b : a;
                byte[] webhook = webhooks.get(i);
                sent.add(senders.submit(() -> to.webhook.handle(webhook, Optional.of(InetAddress.getLoopbackAddress()))));
            }
            for (Future<?> f : sent) f.get(60, TimeUnit.SECONDS);
        } finally {
            senders.shutdown();
        }
        a.awaitWorkers();
        b.awaitWorkers();
        waitUntil(() -> {
            a.worker.runDueJobs();
            b.worker.runDueJobs();
            return rig.count("SELECT count(*) FROM orders WHERE status = 'FULFILLED'") == 200;
        }, () -> rig.clock.advance(Duration.ofSeconds(10))); // retries after a lost change are due after a backoff

        assertThat(rig.count("SELECT count(*) FROM vpn_keys WHERE status = 'ACTIVE'")).isEqualTo(200);
        assertThat(rig.ourPanelClients()).hasSize(200);
        for (Order order : orders) assertOneClient(rig.key(rig.order(order.id()).keyId()));
    }

    private void assertOneClient(VpnKey key) {
        String email = key.client().email();
        assertThat(rig.panelHost.copiesOf(email)).as("copies of %s on the panel", email).isEqualTo(1);
        assertThat(rig.panelClient(key))
                .containsEntry("id", key.client().uuid().toString())
                .containsEntry("subId", key.client().subId())
                .containsEntry("enable", true)
                .containsEntry("expiryTime", key.expiresAt().toEpochMilli());
        assertThat(rig.storedExpiryMillis(key.id())).isEqualTo(key.expiresAt().toEpochMilli());
    }

    private static void waitUntil(BooleanSupplier done, Runnable between) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not done within 120 s");
            between.run();
            Thread.sleep(50);
        }
    }
}
