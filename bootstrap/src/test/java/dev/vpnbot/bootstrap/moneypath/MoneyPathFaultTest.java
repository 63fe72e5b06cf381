package dev.vpnbot.bootstrap.moneypath;

import dev.vpnbot.adapter.postgres.testing.TcpProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.heleket.WebhookReply;
import dev.vpnbot.adapter.heleket.fake.WebhookDelivery;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase.Result;
import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase.Report;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.bootstrap.moneypath.DyingPanel.ProcessDied;
import dev.vpnbot.bootstrap.moneypath.PausingOrders.UnitOfWork;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The money path under faults, on the real adapters: PostgreSQL, the 3x-ui adapter against the
 * fake panel, the Heleket gateway and webhook against the fake Heleket. Whatever breaks, a
 * payment is applied once, a paid order ends with exactly one working key, and the buyer hears
 * about it once.
 */
@PostgresTest
class MoneyPathFaultTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration ONE_MONTH = Duration.ofDays(30);
    private static final String VISION = "xtls-rprx-vision";
    /** The invoice was attached when the order was placed. */
    private static final String PLACED = "CREATED>AWAITING_PAYMENT";

    private MoneyPathRig rig;

    @BeforeEach
    void openRig(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        rig = new MoneyPathRig(db, schema, clock, START);
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    // ---- many copies of one webhook ------------------------------------------------------------------

    @Test
    void fifty_concurrent_copies_of_one_paid_webhook_deliver_one_key() throws Exception {
        RunningBot bot = rig.startBot(RunningBot.Options.defaults().wakingWorkersOn(4)); // a payment wakes a worker at once
        Order order = rig.placeNewKey(bot);
        byte[] webhook = rig.payAndCatchWebhook(order);

        // fifty deliveries and the scheduler ticks of four more workers (here or in other bot processes), all at once
        AtomicInteger caller = new AtomicInteger();
        List<Object> outcomes = atOnce(54, () -> caller.getAndIncrement() < 50
                ? bot.webhook.handle(webhook, Optional.of(InetAddress.getLoopbackAddress()))
                : bot.worker.runDueJobs());
        bot.awaitWorkers();
        bot.worker.runDueJobs(); // in case every tick came before the job

        List<WebhookReply> replies = outcomes.stream().filter(WebhookReply.class::isInstance).map(WebhookReply.class::cast).toList();
        assertThat(replies).hasSize(50).allMatch(WebhookReply::acknowledged);
        assertThat(replies).extracting(WebhookReply::body).containsOnly("PAID", "ALREADY_APPLIED")
                .filteredOn("PAID"::equals).hasSize(1);
        assertThat(rig.count("SELECT count(*) FROM payment_events")).isEqualTo(1);
        assertThat(rig.jobsEverEnqueued(order.id())).isEqualTo(1);
        assertThat(rig.statusChanges(order.id())).containsExactly(PLACED, "AWAITING_PAYMENT>PAID", "PAID>FULFILLED");
        assertThat(bot.workerFailures()).isZero();

        VpnKey key = rig.key(rig.order(order.id()).keyId());
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(rig.count("SELECT count(*) FROM vpn_keys")).isEqualTo(1);
        assertThat(rig.ourPanelClients()).singleElement()
                .satisfies(c -> assertThat(c.get("id")).isEqualTo(key.client().uuid().toString()));
        assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1);
        assertThat(rig.count("SELECT count(*) FROM fulfilment_jobs")).isZero();
    }

    @Test
    void fifty_concurrent_copies_of_a_renewal_webhook_extend_the_key_once_on_panel_and_in_the_database() throws Exception {
        RunningBot bot = rig.startBot();
        VpnKey bought = rig.buyKey(bot);
        rig.clock.advance(Duration.ofDays(10)); // renewed early: the new month starts when the old one ends
        Order renewal = rig.placeRenewal(bot, bought.id());
        byte[] webhook = rig.payAndCatchWebhook(renewal);

        List<WebhookReply> replies = atOnce(50, () -> bot.webhook.handle(webhook, Optional.of(InetAddress.getLoopbackAddress())));
        // workers whose leases overlapped (a slow one and the one after it) both take the order at once
        List<Result> results = atOnce(8, () -> bot.fulfilment.fulfil(renewal.id()));
        bot.worker.runDueJobs();

        assertThat(replies).extracting(WebhookReply::body).filteredOn("PAID"::equals).hasSize(1);
        assertThat(rig.jobsEverEnqueued(renewal.id())).isEqualTo(1);
        assertThat(results).filteredOn(r -> r == Result.FULFILLED).hasSize(1);
        assertThat(results).containsOnly(Result.FULFILLED, Result.ALREADY_FULFILLED);

        VpnKey renewed = rig.key(bought.id());
        Instant expected = bought.expiresAt().plus(ONE_MONTH);
        assertThat(renewed.expiresAt()).isEqualTo(expected);
        assertThat(rig.order(renewal.id()).grantedUntil()).isEqualTo(expected);
        assertThat(rig.storedExpiryMillis(bought.id())).isEqualTo(expected.toEpochMilli());
        Map<String, Object> client = rig.panelClient(renewed);
        assertThat(((Number) client.get("expiryTime")).longValue()).isEqualTo(expected.toEpochMilli());
        assertThat(client).containsEntry("id", bought.client().uuid().toString())
                .containsEntry("subId", bought.client().subId())
                .containsEntry("flow", VISION)
                .containsEntry("enable", true);
        assertThat(((Number) client.get("tgId")).longValue()).isEqualTo(MoneyPathRig.BUYER.telegramId());
        assertThat(rig.ourPanelClients()).hasSize(1);
        assertThat(bot.notifier.sentOfKind("keyExtended")).hasSize(1);
        assertThat(rig.count("SELECT count(*) FROM fulfilment_jobs")).isZero();
    }

    @Test
    void two_renewals_of_one_key_fulfilled_at_once_leave_panel_and_database_on_the_later_expiry() throws Exception {
        // the first renewal's expiry write reaches the panel after the second's
        RunningBot bot = rig.startBot(RunningBot.Options.defaults().panel(OvertakenPanel::new));
        VpnKey bought = rig.buyKey(bot);
        Order first = rig.placeRenewal(bot, bought.id());
        Order second = rig.placeRenewal(bot, bought.id());
        assertThat(rig.pay(first).responseBody()).isEqualTo("PAID");
        assertThat(rig.pay(second).responseBody()).isEqualTo("PAID");

        List<Result> results = eachAtOnce(List.of(first, second), o -> bot.fulfilment.fulfil(o.id()));

        assertThat(results).containsOnly(Result.FULFILLED);
        Instant expected = bought.expiresAt().plus(ONE_MONTH).plus(ONE_MONTH);
        VpnKey renewed = rig.key(bought.id());
        assertThat(renewed.expiresAt()).isEqualTo(expected);
        assertThat(List.of(rig.order(first.id()).grantedUntil(), rig.order(second.id()).grantedUntil()))
                .containsExactlyInAnyOrder(bought.expiresAt().plus(ONE_MONTH), expected);
        assertThat(((Number) rig.panelClient(renewed).get("expiryTime")).longValue()).isEqualTo(expected.toEpochMilli());
        assertThat(rig.storedExpiryMillis(bought.id())).isEqualTo(expected.toEpochMilli());
        assertThat(bot.notifier.sentOfKind("keyExtended")).hasSize(2);
    }

    @Test
    void a_key_whose_client_was_deleted_from_the_panel_after_expiry_is_renewed_under_the_same_identity_and_links() {
        RunningBot bot = rig.startBot();
        VpnKey bought = rig.buyKey(bot);
        rig.clock.advance(Duration.ofDays(40)); // lapsed ten days ago
        rig.panelHost.removeClient(bought.client().email()); // the operator cleaned up expired clients

        Order renewal = rig.placeRenewal(bot, bought.id());
        assertThat(rig.pay(renewal).responseBody()).isEqualTo("PAID");
        assertThat(bot.worker.runDueJobs()).isEqualTo(1);

        VpnKey renewed = rig.key(bought.id());
        Instant expected = rig.clock.instant().plus(ONE_MONTH); // counted from today, not from the lapsed expiry
        assertThat(renewed.expiresAt()).isEqualTo(expected);
        assertThat(renewed.links()).isEqualTo(bought.links()); // the link in the buyer's app keeps working
        Map<String, Object> client = rig.panelClient(renewed);
        assertThat(client).containsEntry("id", bought.client().uuid().toString())
                .containsEntry("subId", bought.client().subId())
                .containsEntry("flow", VISION)
                .containsEntry("enable", true);
        assertThat(((Number) client.get("expiryTime")).longValue()).isEqualTo(expected.toEpochMilli());
        assertThat(((Number) client.get("tgId")).longValue()).isEqualTo(MoneyPathRig.BUYER.telegramId());
        assertThat(rig.ourPanelClients()).hasSize(1);
        assertThat(bot.notifier.sentOfKind("keyExtended")).hasSize(1);
    }

    // ---- the panel fails -------------------------------------------------------------------------------

    enum PanelOutage { HTTP_500, UNREACHABLE }

    @ParameterizedTest
    @EnumSource(PanelOutage.class)
    void a_panel_failing_three_times_is_retried_with_backoff_and_the_fourth_attempt_delivers(PanelOutage outage) {
        RunningBot bot = rig.startBot(RunningBot.Options.defaults().alertAfter(3));
        Order order = rig.placeNewKey(bot);
        assertThat(rig.pay(order).responseBody()).isEqualTo("PAID");
        if (outage == PanelOutage.HTTP_500) {
            rig.panelHost.inject(FakeThreeXuiPanel.Fault.HTTP_500, 3, "addClient");
        } else {
            rig.panelLine.cut();
        }

        Duration[] backoff = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)};
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(bot.worker.runDueJobs()).as("attempt %d runs", attempt).isEqualTo(1);
            assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.PAID);
            assertThat(failingAlerts(bot.notifier)).as("admin alerts after attempt %d", attempt).hasSize(attempt < 3 ? 0 : 1);
            rig.clock.advance(backoff[attempt - 1].minusMillis(1));
            assertThat(bot.worker.runDueJobs()).as("no retry before the backoff of attempt %d ends", attempt).isZero();
            rig.clock.advance(Duration.ofMillis(1));
        }
        assertThat(rig.count("SELECT attempts FROM fulfilment_jobs")).isEqualTo(3);
        assertThat(bot.notifier.sent()).isEmpty();
        if (outage == PanelOutage.UNREACHABLE) rig.panelLine.restore();

        assertThat(bot.worker.runDueJobs()).isEqualTo(1);

        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1);
        assertThat(failingAlerts(bot.notifier)).hasSize(1)
                .allSatisfy(a -> assertThat(a.detail()).contains("failed 3 times"));
        assertThat(rig.ourPanelClients()).hasSize(1);
        if (outage == PanelOutage.HTTP_500) assertThat(rig.panelHost.requests("addClient")).isEqualTo(4);
        assertThat(rig.count("SELECT count(*) FROM fulfilment_jobs")).isZero();
    }

    // ---- the process stops ------------------------------------------------------------------------------

    enum Crash { AFTER_PAYMENT, BEFORE_THE_PANEL_CALL, AFTER_THE_PANEL_CALL }

    /** A bot whose process dies at that point of the fulfilment (also used by StarsCrashTest). */
    static RunningBot.Options dyingAt(Crash crash) {
        return switch (crash) {
            case AFTER_PAYMENT -> RunningBot.Options.defaults();
            case BEFORE_THE_PANEL_CALL -> RunningBot.Options.defaults().panel(p -> new DyingPanel(p, DyingPanel.When.BEFORE_CREATING_THE_CLIENT));
            case AFTER_THE_PANEL_CALL -> RunningBot.Options.defaults().panel(p -> new DyingPanel(p, DyingPanel.When.AFTER_CREATING_THE_CLIENT));
        };
    }

    @ParameterizedTest
    @EnumSource(Crash.class)
    void a_bot_stopped_between_paid_and_fulfilled_delivers_after_restart_without_a_second_client(Crash crash) {
        RunningBot first = rig.startBot(dyingAt(crash));
        Order order = rig.placeNewKey(first);
        assertThat(rig.pay(order).responseBody()).isEqualTo("PAID");
        if (crash != Crash.AFTER_PAYMENT) assertThatThrownBy(first.worker::runDueJobs).isInstanceOf(ProcessDied.class);
        rig.stop(first);
        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(rig.ourPanelClients()).hasSize(crash == Crash.AFTER_THE_PANEL_CALL ? 1 : 0);

        RunningBot second = rig.startBot();
        if (crash != Crash.AFTER_PAYMENT) {
            assertThat(second.worker.runDueJobs()).as("the dead worker's lease still runs").isZero();
            rig.clock.advance(second.options.worker().lease());
        }
        assertThat(second.worker.runDueJobs()).isEqualTo(1);

        Order delivered = rig.order(order.id());
        assertThat(delivered.status()).isEqualTo(OrderStatus.FULFILLED);
        VpnKey key = rig.key(delivered.keyId());
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(rig.count("SELECT count(*) FROM vpn_keys")).isEqualTo(1);
        assertThat(rig.ourPanelClients()).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("id", key.client().uuid().toString())
                .containsEntry("subId", key.client().subId())
                .containsEntry("expiryTime", key.expiresAt().toEpochMilli()));
        assertThat(first.notifier.sent()).isEmpty();
        assertThat(second.notifier.sentOfKind("keyReady")).hasSize(1);
        assertThat(rig.count("SELECT count(*) FROM fulfilment_jobs")).isZero();
    }

    // ---- the database connection breaks mid-transaction ---------------------------------------------------

    enum Break { TERMINATE_BACKEND, CUT_NETWORK }

    @ParameterizedTest(name = "{0} broken by {1}")
    @CsvSource({"PAYMENT, TERMINATE_BACKEND", "GRANT, TERMINATE_BACKEND", "FINISH, TERMINATE_BACKEND",
            "PAYMENT, CUT_NETWORK", "GRANT, CUT_NETWORK", "FINISH, CUT_NETWORK"})
    void a_database_connection_lost_mid_transaction_leaves_nothing_half_applied_and_a_retry_completes_once(
            UnitOfWork unit, Break how) throws Exception {
        DatabaseSettings direct = rig.database();
        try (TcpProxy dbLine = new TcpProxy(direct.host(), Integer.parseInt(direct.port()))) {
            PausingOrders[] pause = new PausingOrders[1];
            RunningBot bot = rig.startBot(RunningBot.Options.defaults()
                    .orders(orders -> pause[0] = new PausingOrders(orders, unit))
                    .database(s -> how == Break.CUT_NETWORK ? through(dbLine, s) : s));
            Order order = rig.placeNewKey(bot);

            if (unit == UnitOfWork.PAYMENT) {
                CompletableFuture<WebhookDelivery> delivery = CompletableFuture.supplyAsync(() -> rig.pay(order));
                pause[0].awaitPause();
                breakConnection(how, dbLine);
                pause[0].proceed();
                assertThat(delivery.get(10, TimeUnit.SECONDS).responseCode()).as("Heleket is asked to deliver again").isEqualTo(500);
            } else {
                assertThat(rig.pay(order).responseBody()).isEqualTo("PAID");
                CompletableFuture<Integer> run = CompletableFuture.supplyAsync(bot.worker::runDueJobs);
                pause[0].awaitPause();
                breakConnection(how, dbLine);
                pause[0].proceed();
                try {
                    run.get(10, TimeUnit.SECONDS); // with the network down even recording the failure fails: the lease covers it
                } catch (ExecutionException expectedWhenTheNetworkIsDown) {
                    assertThat(how).isEqualTo(Break.CUT_NETWORK);
                }
            }
            if (how == Break.CUT_NETWORK) dbLine.restore();

            // all or nothing: the state before the broken unit of work, exactly
            Order after = rig.order(order.id());
            switch (unit) {
                case PAYMENT -> {
                    assertThat(after.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
                    assertThat(after.paidAt()).isNull();
                    assertThat(after.amountPaid()).isNull();
                    assertThat(rig.count("SELECT count(*) FROM payment_events")).isZero();
                    assertThat(rig.count("SELECT count(*) FROM fulfilment_jobs")).isZero();
                    assertThat(rig.statusChanges(order.id())).containsExactly(PLACED);
                }
                case GRANT -> {
                    assertThat(after.status()).isEqualTo(OrderStatus.PAID);
                    assertThat(after.isGranted()).isFalse();
                    assertThat(after.keyId()).isNull();
                    assertThat(rig.count("SELECT count(*) FROM vpn_keys")).isZero();
                    assertThat(rig.count("SELECT count(*) FROM fulfilment_jobs")).isEqualTo(1);
                    assertThat(rig.ourPanelClients()).isEmpty();
                }
                case FINISH -> {
                    assertThat(after.status()).isEqualTo(OrderStatus.PAID);
                    assertThat(after.fulfilledAt()).isNull();
                    VpnKey reserved = rig.key(after.keyId());
                    assertThat(reserved.status()).isEqualTo(KeyStatus.PROVISIONING);
                    assertThat(reserved.links()).isNull();
                    assertThat(rig.count("SELECT count(*) FROM fulfilment_jobs")).isEqualTo(1);
                    assertThat(rig.ourPanelClients()).hasSize(1); // the panel step had succeeded
                }
            }
            assertThat(bot.notifier.sent()).isEmpty();

            // the retry: Heleket delivers again, the worker tries again after backoff or lease
            if (unit == UnitOfWork.PAYMENT) {
                WebhookDelivery again = eventually(() -> {
                    rig.heleket.resendWebhook(order.publicId().value());
                    WebhookDelivery d = rig.lastDelivery(order);
                    if (!d.acknowledged()) throw new IllegalStateException("not yet: " + d);
                    return d;
                });
                assertThat(again.responseBody()).isEqualTo("PAID");
            }
            rig.clock.advance(bot.options.worker().lease());
            assertThat(eventually(bot.worker::runDueJobs)).isEqualTo(1);

            Order fulfilled = rig.order(order.id());
            assertThat(fulfilled.status()).isEqualTo(OrderStatus.FULFILLED);
            assertThat(rig.statusChanges(order.id())).containsExactly(PLACED, "AWAITING_PAYMENT>PAID", "PAID>FULFILLED");
            assertThat(rig.count("SELECT count(*) FROM payment_events")).isEqualTo(1);
            assertThat(rig.jobsEverEnqueued(order.id())).isEqualTo(1);
            assertThat(rig.count("SELECT count(*) FROM vpn_keys")).isEqualTo(1);
            assertThat(rig.key(fulfilled.keyId()).status()).isEqualTo(KeyStatus.ACTIVE);
            assertThat(rig.ourPanelClients()).hasSize(1);
            assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1);
            assertThat(rig.count("SELECT count(*) FROM fulfilment_jobs")).isZero();
        }
    }

    // ---- the webhook never arrives, or arrives late ------------------------------------------------------

    @Test
    void a_lost_webhook_is_found_by_reconciliation_through_payment_info_and_fulfilled() {
        RunningBot bot = rig.startBot();
        Order order = rig.placeNewKey(bot);
        rig.frontDoor.loseWebhooks(true);
        assertThat(rig.pay(order).acknowledged()).as("Heleket believes it delivered").isTrue();
        rig.frontDoor.loseWebhooks(false);
        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

        rig.clock.advance(Duration.ofSeconds(30)); // the next reconciliation tick
        assertThat(bot.reconciliation.reconcile()).isEqualTo(new Report(1, 1, 0, 0));
        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(rig.count("SELECT count(*) FROM payment_events WHERE payload = 'payment/info'")).isEqualTo(1);
        assertThat(bot.worker.runDueJobs()).isEqualTo(1);

        // the webhook turns up after all, and the safety net runs again: nothing more happens
        rig.heleket.resendWebhook(order.publicId().value());
        assertThat(rig.lastDelivery(order).responseBody()).isEqualTo("ALREADY_APPLIED");
        assertThat(bot.reconciliation.reconcile()).isEqualTo(new Report(0, 0, 0, 0));

        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(rig.ourPanelClients()).hasSize(1);
        assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1);
    }

    @Test
    void money_for_an_order_that_already_expired_is_honoured_with_a_key() {
        RunningBot bot = rig.startBot();
        Order order = rig.placeNewKey(bot);
        rig.clock.advance(Duration.ofHours(1).plus(RunningBot.EXPIRY_GRACE).plusSeconds(1));
        // asked while waiting, expired, then asked once more as a lapsed order whose invoice may still be paid
        assertThat(bot.reconciliation.reconcile()).isEqualTo(new Report(2, 0, 1, 0));
        assertThat(rig.order(order.id()).status()).isEqualTo(OrderStatus.EXPIRED);

        // the buyer's transfer was still confirming on the blockchain when we gave up on it
        assertThat(rig.pay(order).responseBody()).isEqualTo("PAID");
        assertThat(bot.worker.runDueJobs()).isEqualTo(1);

        Order fulfilled = rig.order(order.id());
        assertThat(fulfilled.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(rig.statusChanges(order.id())).containsExactly(PLACED, "AWAITING_PAYMENT>EXPIRED", "EXPIRED>PAID", "PAID>FULFILLED");
        VpnKey key = rig.key(fulfilled.keyId());
        assertThat(key.expiresAt()).isEqualTo(rig.clock.instant().plus(ONE_MONTH));
        assertThat(rig.ourPanelClients()).hasSize(1);
        assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1);
    }

    @Test
    void a_wrong_amount_delivers_nothing_and_the_buyer_is_told_once() {
        RunningBot bot = rig.startBot();
        Order order = rig.placeNewKey(bot);
        String orderId = order.publicId().value();
        rig.heleket.payPartly(orderId, "2.00"); // Heleket waits for the rest: no webhook yet
        rig.heleket.expire(orderId);            // the rest never comes: final wrong_amount

        WebhookDelivery delivery = rig.lastDelivery(order);
        assertThat(delivery.status()).isEqualTo("wrong_amount");
        assertThat(delivery.responseBody()).isEqualTo("PAYMENT_TOO_LOW");
        rig.heleket.resendWebhook(orderId);
        assertThat(rig.lastDelivery(order).responseBody()).isEqualTo("ALREADY_APPLIED");

        Order underpaid = rig.order(order.id());
        assertThat(underpaid.status()).isEqualTo(OrderStatus.UNDERPAID);
        assertThat(underpaid.amountPaid()).isEqualTo(Money.of("2.00", "USD"));
        assertThat(bot.notifier.sentOfKind("paymentTooLow")).singleElement()
                .satisfies(s -> assertThat(s.user()).isEqualTo(MoneyPathRig.BUYER));
        assertThat(bot.notifier.alerts()).extracting(AdminAlert::kind).containsExactly(AdminAlert.Kind.PAYMENT_TOO_LOW);
        assertThat(bot.worker.runDueJobs()).isZero();
        // still asked about while its invoice may be topped up; the same answer changes nothing and tells nobody again
        assertThat(bot.reconciliation.reconcile()).isEqualTo(new Report(1, 0, 0, 0));
        assertThat(bot.notifier.sentOfKind("paymentTooLow")).hasSize(1);
        assertThat(rig.jobsEverEnqueued(order.id())).isZero();
        assertThat(rig.count("SELECT count(*) FROM vpn_keys")).isZero();
        assertThat(rig.ourPanelClients()).isEmpty();
        assertThat(bot.notifier.sentOfKind("keyReady")).isEmpty();
    }

    @Test
    void an_overpayment_is_recorded_and_the_key_delivered() {
        RunningBot bot = rig.startBot();
        Order order = rig.placeNewKey(bot);
        rig.heleket.overpay(order.publicId().value(), "1.50");
        assertThat(rig.lastDelivery(order).responseBody()).isEqualTo("PAID");
        assertThat(bot.worker.runDueJobs()).isEqualTo(1);

        Order fulfilled = rig.order(order.id());
        assertThat(fulfilled.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(fulfilled.amountPaid()).isEqualTo(Money.of("6.50", "USD"));
        assertThat(fulfilled.overpayment()).contains(Money.of("1.50", "USD"));
        assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1);
    }

    // ---- small things ----------------------------------------------------------------------------------

    private static List<AdminAlert> failingAlerts(RecordingNotifier notifier) {
        return notifier.alerts().stream().filter(a -> a.kind() == AdminAlert.Kind.FULFILMENT_FAILING).toList();
    }

    /** Runs {@code call} once for each of {@code inputs}, all released at the same instant. */
    private static <I, T> List<T> eachAtOnce(List<I> inputs, Function<I, T> call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return atOnce(inputs.size(), () -> call.apply(inputs.get(next.getAndIncrement())));
    }

    /** Runs {@code copies} calls released at the same instant; returns their results. */
    private static <T> List<T> atOnce(int copies, Callable<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch ready = new CountDownLatch(copies);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get(20, TimeUnit.SECONDS));
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The pool re-opens connections in its own time once the network is back. */
    private static <T> T eventually(Supplier<T> call) throws InterruptedException {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    private void breakConnection(Break how, TcpProxy dbLine) {
        if (how == Break.CUT_NETWORK) {
            dbLine.cut();
            return;
        }
        // the one backend with a write lock on this schema's orders is the paused unit of work
        long pid = rig.count("SELECT coalesce(min(pid), 0) FROM pg_locks WHERE relation = '" + rig.schema.name()
                + ".orders'::regclass AND mode = 'RowExclusiveLock' AND granted AND pid <> pg_backend_pid()");
        if (pid == 0) throw new AssertionError("no open transaction has written the order: the unit of work is not one transaction");
        rig.schema.execute("SELECT pg_terminate_backend(" + pid + ")");
        Await.until("backend " + pid + " gone after pg_terminate_backend", Duration.ofSeconds(5),
                () -> rig.count("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) == 0);
    }

    private static DatabaseSettings through(TcpProxy line, DatabaseSettings direct) {
        String url = direct.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + line.port() + "/");
        return new DatabaseSettings(url, direct.user(), direct.password()).withSchema(direct.schema())
                .withConnectionTimeout(Duration.ofSeconds(1));
    }
}
