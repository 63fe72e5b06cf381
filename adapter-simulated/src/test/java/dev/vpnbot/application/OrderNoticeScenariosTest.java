package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.fixtures.InMemoryOrderNotices;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.out.OrderNotices.Kind;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.port.out.notify.ReminderKind;
import dev.vpnbot.application.service.fulfilment.OrderNoticeRelay;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox of the buyer's order notices: written with the change, handed to the messenger at
 * once, marked sent only when the messenger confirmed it, sent again after a crash, retried when
 * refused and given up in the end.
 */
class OrderNoticeScenariosTest extends ShopScenario {
    private static final Duration LEASE = OrderNoticeRelay.Settings.defaults().lease();

    /** A messenger whose answers the test gives: every notice waits until completed by hand. */
    static final class HeldMessenger implements Notifier {
        final List<String> handed = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> answers = new CopyOnWriteArrayList<>();

        private CompletionStage<Void> hold(String what) {
            handed.add(what);
            CompletableFuture<Void> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }

        @Override public CompletionStage<Void> keyReady(Recipient to, VpnKey key, String serverName) { return hold("keyReady"); }
        @Override public CompletionStage<Void> keyExtended(Recipient to, VpnKey key, String serverName) { return hold("keyExtended"); }
        @Override public CompletionStage<Void> paymentTooLow(Recipient to, Order order, Money paid) { return hold("paymentTooLow"); }
        @Override public void expiryReminder(Recipient to, VpnKey key, String serverName, ReminderKind kind) { }
        @Override public void alertAdmins(AdminAlert alert) { }
        @Override public void starsPaymentNews(Recipient to, StarPayment payment, Instant keyExpiry) { }
    }

    private final HeldMessenger messenger = new HeldMessenger();
    private final InMemoryOrderNotices outbox = new InMemoryOrderNotices();

    @BeforeEach
    void heldShop() {
        shop = TestShop.inMemory(clock).panel(panel).gateway(gateway).notifier(messenger).notices(outbox).build();
        shop.tariffs.save(oneMonth);
        shop.servers.save(serverX);
        shop.registration.register(new RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));
    }

    private Order paidAndFulfilled() {
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), serverX.id()));
        shop.testPayments.payForTest(BUYER, order.id());
        shop.worker.runDueJobs();
        return order;
    }

    @Test
    void rule_a_key_ready_notice_is_written_with_the_fulfilment_and_marked_sent_only_once_the_messenger_confirmed_it() {
        paidAndFulfilled();
        assertThat(messenger.handed).containsExactly("keyReady");
        assertThat(outbox.unsent()).as("handed over, not yet confirmed").isEqualTo(1);

        clock.advance(LEASE.multipliedBy(3)); // the lease ran out while Telegram still has it (a 429 pause)
        shop.noticeRelay.relayDue();
        assertThat(messenger.handed).as("not handed a second time").hasSize(1);

        messenger.answers.get(0).complete(null);
        shop.noticeRelay.relayDue();
        assertThat(outbox.unsent()).isZero();
        assertThat(outbox.rows()).singleElement().satisfies(r -> assertThat(r.sentAt()).isNotNull());
    }

    @Test
    void rule_a_notice_whose_process_died_before_the_answer_is_sent_again_by_the_next_process_after_its_lease() {
        paidAndFulfilled(); // handed to the messenger of a process that dies now, before Telegram answered
        OrderNoticeRelay nextProcess = new OrderNoticeRelay(outbox, shop.orders, shop.keys, shop.servers, shop.users, messenger,
                shop.transactions, clock, OrderNoticeRelay.Settings.defaults());

        nextProcess.relayDue();
        assertThat(messenger.handed).as("still leased to the dead process").hasSize(1);
        clock.advance(LEASE);
        nextProcess.relayDue();
        assertThat(messenger.handed).containsExactly("keyReady", "keyReady");

        messenger.answers.get(1).complete(null);
        nextProcess.relayDue();
        assertThat(outbox.unsent()).isZero();
    }

    @Test
    void rule_a_refused_notice_is_retried_with_backoff_and_given_up_after_the_last_attempt() {
        paidAndFulfilled();
        int maxAttempts = OrderNoticeRelay.Settings.defaults().maxAttempts();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            messenger.answers.get(attempt - 1).completeExceptionally(new IllegalStateException("Forbidden: bot was blocked by the user"));
            shop.noticeRelay.relayDue(); // settles the refusal
            assertThat(messenger.handed).as("not again before its backoff").hasSize(attempt);
            clock.advance(Duration.ofMinutes(10));
            shop.noticeRelay.relayDue();
        }
        assertThat(messenger.handed).hasSize(maxAttempts);
        assertThat(outbox.unsent()).isZero();
        assertThat(outbox.rows()).singleElement().satisfies(r -> {
            assertThat(r.givenUp()).isTrue();
            assertThat(r.sentAt()).isNull();
            assertThat(r.lastError()).contains("blocked");
        });
    }

    @Test
    void rule_one_notice_per_order_and_kind_however_often_the_order_is_fulfilled() {
        Order order = paidAndFulfilled();
        shop.fulfilment.fulfil(order.id());
        shop.fulfilment.fulfil(order.id());
        clock.advance(LEASE);
        shop.noticeRelay.relayDue();

        assertThat(outbox.rows()).singleElement().satisfies(r -> assertThat(r.notice().kind()).isEqualTo(Kind.KEY_READY));
        assertThat(messenger.handed).containsExactly("keyReady");
    }

    @Test
    void rule_a_payment_too_low_notice_goes_through_the_outbox_too() {
        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), serverX.id()));
        gateway.pay(order.publicId(), Money.of("1.00", "USD"));
        shop.paymentCheck.checkNow(shop.orders.find(order.id()).orElseThrow());

        assertThat(messenger.handed).containsExactly("paymentTooLow");
        assertThat(outbox.rows()).singleElement().satisfies(r -> assertThat(r.notice().kind()).isEqualTo(Kind.PAYMENT_TOO_LOW));
    }
}
