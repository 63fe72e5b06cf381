package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.simulated.SimulatedClientUsage;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryNewKeys;
import dev.vpnbot.application.fixtures.InMemorySentNotifications;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.out.NewKeys;
import dev.vpnbot.application.port.out.notify.ConnectHelp;
import dev.vpnbot.application.service.account.ConnectHelpOffers;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Need help connecting?": once, a day after a key was made, only when it moved no traffic. */
class ConnectHelpScenariosTest extends ShopScenario {
    private final SimulatedClientUsage usage = new SimulatedClientUsage(panel);
    private final List<KeyId> offered = new CopyOnWriteArrayList<>();
    private final ConnectHelp help = (to, key, serverName) -> offered.add(key.id());
    private ConnectHelpOffers offers;
    private VpnKey key;

    @BeforeEach
    void deliverAKey() {
        offers = new ConnectHelpOffers(new InMemoryNewKeys((InMemoryKeys) shop.keys, (InMemorySentNotifications) shop.sentNotifications),
                shop.users, shop.servers, usage, shop.sentNotifications, help, clock, 50);
        Order order = buyOnServerX();
        gateway.payInFull(order.publicId());
        shop.confirmation.confirm(new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(), PaymentStatus.PAID,
                order.price(), "paid", "{}"));
        shop.worker.runDueJobs();
        key = shop.keys.ofOwner(BUYER).get(0);
    }

    @Test
    void rule_a_key_without_traffic_a_day_later_gets_one_offer_and_never_a_second() {
        clock.advance(Duration.ofHours(23));
        assertThat(offers.offerDue()).as("not a day yet").isZero();

        clock.advance(Duration.ofHours(2));
        assertThat(offers.offerDue()).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        assertThat(offers.offerDue()).isZero();

        assertThat(offered).containsExactly(key.id());
        assertThat(((InMemorySentNotifications) shop.sentNotifications).wasSent(NewKeys.CONNECT_HELP, NewKeys.subject(key))).isTrue();
    }

    @Test
    void rule_a_key_that_moved_traffic_gets_no_offer_and_is_not_asked_about_again() {
        usage.setTraffic(key.client().email(), 100, 200, null);
        clock.advance(Duration.ofHours(25));

        assertThat(offers.offerDue()).isZero();
        usage.setTraffic(key.client().email(), 0, 0, null);
        assertThat(offers.offerDue()).isZero();
        assertThat(offered).isEmpty();
    }

    @Test
    void rule_a_panel_that_does_not_answer_leaves_the_key_for_the_next_run() {
        clock.advance(Duration.ofHours(25));
        panel.takeDown(serverX.id());
        assertThat(offers.offerDue()).isZero();

        panel.bringUp(serverX.id());
        assertThat(offers.offerDue()).isEqualTo(1);
    }

    @Test
    void rule_keys_older_than_three_days_are_left_alone() {
        clock.advance(Duration.ofHours(73));

        assertThat(offers.offerDue()).isZero();
        assertThat(offered).isEmpty();
    }
}
