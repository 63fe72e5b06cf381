package dev.vpnbot.adapter.panel3xui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffLimits;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A tariff's device and traffic limits, on the fake panel of each release line: a new key's client
 * is created with them, and a renewal puts them on again and starts the quota from zero.
 */
class TariffLimitsOnPanelTest {
    private static final ThreeXuiSettings FAST = ThreeXuiSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))
            .withBusyRetries(2, Duration.ofMillis(10));
    private static final UserId BUYER = new UserId(7001);
    private static final long GB = 1024L * 1024 * 1024;

    /** Invoices nobody pays: the test pays through the test-payment path. */
    private static final PaymentGateway NO_MONEY = new PaymentGateway() {
        @Override
        public Invoice createInvoice(InvoiceRequest request) {
            return new Invoice("test-" + request.orderId().value(), "https://pay.invalid/");
        }

        @Override
        public Optional<PaymentInfo> paymentInfo(PublicOrderId orderId) {
            return Optional.empty();
        }
    };

    private FakeThreeXuiPanel fake;
    private ThreeXuiPanel panel;
    private TestShop shop;
    private Server server;
    private Tariff tariff;

    private void start(Profile profile) {
        fake = FakeThreeXuiPanel.builder().profile(profile).start();
        panel = new ThreeXuiPanel(FAST, Clock.systemUTC());
        // the panel expires clients by its own clock: keep ours on real time
        shop = TestShop.inMemory(new MutableClock(Instant.now())).panel(panel).quota(panel).gateway(NO_MONEY).build();
        server = new Server(new ServerId(1), "Test server", fake.connection(), FakeThreeXuiPanel.REALITY_INBOUND_ID, true, 100, 0);
        shop.servers.save(server);
        tariff = new Tariff(new TariffId(1), 30, Money.of("5.00", "USD"), true, 1);
        shop.tariffs.save(tariff);
        shop.registration.register(new RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));
    }

    @AfterEach
    void stop() {
        if (panel != null) panel.close();
        if (fake != null) fake.close();
    }

    private void pay(Order order) {
        shop.testPayments.payForTest(BUYER, order.id());
        shop.worker.runDueJobs();
    }

    private Map<String, Object> stored(VpnKey key) {
        return fake.storedClient(key.client().email()).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V2_4", "V2_8", "V3_0", "V3_1", "V3_6"})
    void rule_a_new_key_gets_its_tariffs_device_limit_and_quota_on_the_panel(Profile profile) {
        start(profile);
        shop.tariffLimits.setLimits(tariff.id(), new TariffLimits(2, 5, false));

        pay(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, tariff.id(), server.id())));

        VpnKey key = shop.keys.ofOwner(BUYER).get(0);
        assertThat(((Number) stored(key).get("limitIp")).intValue()).isEqualTo(2);
        assertThat(((Number) stored(key).get("totalGB")).longValue()).isEqualTo(5 * GB);
        assertThat(panel.usage(server, key.client()).orElseThrow().totalBytes()).isEqualTo(5 * GB);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V2_4", "V2_8", "V3_0", "V3_1", "V3_6"})
    void rule_a_renewal_puts_the_current_limits_on_and_gives_a_used_up_key_its_quota_back(Profile profile) {
        start(profile);
        shop.tariffLimits.setLimits(tariff.id(), new TariffLimits(1, 1, false));
        pay(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, tariff.id(), server.id())));
        VpnKey key = shop.keys.ofOwner(BUYER).get(0);
        fake.setTraffic(key.client().email(), GB / 2, GB / 2);
        fake.trafficTick();
        assertThat(panel.usage(server, key.client()).orElseThrow().quotaUsedUp()).isTrue();

        shop.tariffLimits.setLimits(tariff.id(), new TariffLimits(3, 10, false));
        pay(shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), tariff.id())));

        PanelUsage after = panel.usage(server, key.client()).orElseThrow();
        assertThat(after.usedBytes()).isZero();
        assertThat(after.quotaUsedUp()).isFalse();
        assertThat(after.enabled()).isTrue();
        assertThat(after.totalBytes()).isEqualTo(10 * GB);
        assertThat(((Number) stored(key).get("limitIp")).intValue()).isEqualTo(3);
        assertThat(((Number) stored(key).get("expiryTime")).longValue())
                .isEqualTo(shop.keys.find(key.id()).orElseThrow().expiresAt().toEpochMilli());
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V2_8", "V3_6"})
    void rule_a_tariff_without_limits_leaves_the_shops_defaults(Profile profile) {
        start(profile);

        pay(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, tariff.id(), server.id())));

        VpnKey key = shop.keys.ofOwner(BUYER).get(0);
        assertThat(((Number) stored(key).get("limitIp")).intValue()).isZero();
        assertThat(((Number) stored(key).get("totalGB")).longValue()).isZero();
    }
}
