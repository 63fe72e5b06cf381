package dev.vpnbot.adapter.panel3xui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.application.port.in.Refusal;
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
 * Traffic packs on the fake panel of both API generations (inbounds API up to 3.0, clients API
 * from 3.1): a pack raises the key's quota on its panel by its GB and adds no days; a renewal
 * after it starts a new period with the tariff's quota only.
 */
class TrafficPacksOnPanelTest {
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
    private Tariff pack;

    private void start(Profile profile) {
        fake = FakeThreeXuiPanel.builder().profile(profile).start();
        panel = new ThreeXuiPanel(FAST, Clock.systemUTC());
        // the panel expires clients by its own clock: keep ours on real time
        shop = TestShop.inMemory(new MutableClock(Instant.now())).panel(panel).quota(panel).gateway(NO_MONEY).build();
        server = new Server(new ServerId(1), "Test server", fake.connection(), FakeThreeXuiPanel.REALITY_INBOUND_ID, true, 100, 0);
        shop.servers.save(server);
        tariff = new Tariff(new TariffId(1), 30, Money.of("5.00", "USD"), true, 1);
        shop.tariffs.save(tariff);
        pack = new Tariff(new TariffId(2), 30, Money.of("2.00", "USD"), true, 2);
        shop.tariffs.save(pack);
        shop.trafficPacks.setPackGb(pack.id(), 10);
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

    private VpnKey keyWithQuota(int gb) {
        shop.tariffLimits.setLimits(tariff.id(), new TariffLimits(2, gb, false));
        pay(shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, tariff.id(), server.id())));
        return shop.keys.ofOwner(BUYER).get(0);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V2_8", "V3_0", "V3_1", "V3_6"})
    void rule_a_pack_raises_the_used_up_keys_quota_on_its_panel_by_its_gb_and_adds_no_days(Profile profile) {
        start(profile);
        VpnKey key = keyWithQuota(1);
        fake.setTraffic(key.client().email(), GB / 2, GB / 2);
        fake.trafficTick();
        assertThat(panel.usage(server, key.client()).orElseThrow().quotaUsedUp()).isTrue();

        pay(shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), pack.id())));

        PanelUsage after = panel.usage(server, key.client()).orElseThrow();
        assertThat(after.totalBytes()).isEqualTo(11 * GB);
        assertThat(after.usedBytes()).isEqualTo(GB); // a pack adds GB; it does not start the count afresh
        assertThat(after.quotaUsedUp()).isFalse();
        assertThat(((Number) stored(key).get("totalGB")).longValue()).isEqualTo(11 * GB);
        assertThat(((Number) stored(key).get("limitIp")).intValue()).isEqualTo(2);
        assertThat(shop.keys.find(key.id()).orElseThrow().expiresAt()).isEqualTo(key.expiresAt());
        assertThat(((Number) stored(key).get("expiryTime")).longValue()).isEqualTo(key.expiresAt().toEpochMilli());
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V2_8", "V3_6"})
    void rule_two_packs_add_up_and_a_renewal_starts_the_new_period_with_the_tariffs_quota_only(Profile profile) {
        start(profile);
        VpnKey key = keyWithQuota(5);

        pay(shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), pack.id())));
        pay(shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), pack.id())));
        assertThat(panel.usage(server, key.client()).orElseThrow().totalBytes()).isEqualTo(25 * GB);

        pay(shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), tariff.id())));
        assertThat(panel.usage(server, key.client()).orElseThrow().totalBytes()).isEqualTo(5 * GB);

        pay(shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), pack.id())));
        assertThat(panel.usage(server, key.client()).orElseThrow().totalBytes()).isEqualTo(15 * GB);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V3_6"})
    void rule_a_pack_is_not_offered_or_sold_as_a_new_key(Profile profile) {
        start(profile);

        assertThat(shop.catalogue.activeTariffs()).extracting(Tariff::id).containsExactly(tariff.id());
        assertThat(shop.catalogue.trafficPacks()).extracting(offer -> offer.tariff().id(), offer -> offer.gb())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(pack.id(), 10));
        assertThatThrownBy(() -> shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, pack.id(), server.id())))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TARIFF_NOT_AVAILABLE));
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V3_6"})
    void rule_a_pack_is_refused_for_a_key_without_a_traffic_limit(Profile profile) {
        start(profile);
        VpnKey key = keyWithQuota(0); // and the shop has no default quota

        assertThatThrownBy(() -> shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), pack.id())))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TRAFFIC_PACK_NEEDS_LIMIT));
        assertThat(((Number) stored(key).get("totalGB")).longValue()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V3_6"})
    void rule_a_pack_is_refused_for_an_expired_key(Profile profile) {
        start(profile);
        VpnKey key = keyWithQuota(5);
        ((MutableClock) shop.clock).advance(Duration.ofDays(31));

        assertThatThrownBy(() -> shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), pack.id())))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TRAFFIC_PACK_KEY_EXPIRED));
        assertThat(((Number) stored(key).get("totalGB")).longValue()).isEqualTo(5 * GB);
    }
}
