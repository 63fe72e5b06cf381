package dev.vpnbot.adapter.telegram.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Traffic packs on the buyer's screens: "Add N GB" on the screen of a key with a quota, never among
 * the tariffs of a new key or of an extension; a key that cannot take one gets the reason (ru, en).
 */
class TrafficPackButtonsTest {
    private static final long GB = 1024L * 1024 * 1024;
    private static final TariffId PACK = new TariffId(9);
    private BotRig rig;
    private PanelClientId client;

    @BeforeEach
    void ownerWithAKeyAndAPackOnSale() {
        rig = BotRig.started();
        rig.shop.tariffs.save(new Tariff(PACK, 30, Money.of("2.00", "USD"), true, 9));
        rig.shop.trafficPacks.setPackGb(PACK, 10);
        client = new PanelClientId(UUID.randomUUID(), "pack-k1", "pack1sub");
        Instant expiry = BotRig.START.plus(Duration.ofDays(20));
        rig.keys.save(new VpnKey(new KeyId(1), new UserId(2001), new ServerId(1), client, expiry, KeyStatus.ACTIVE,
                new KeyLinks("https://sub.example/" + client.subId(), "vless://" + client.uuid() + "@x.example:443#1"), BotRig.START));
        Server server = rig.shop.servers.find(new ServerId(1)).orElseThrow();
        rig.panel.repairClient(server, new NewPanelClient(client, expiry, 2001, 0, 0));
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private BotRig.TgUser owner(String language) {
        return rig.user(2001, "Olga", language);
    }

    private Call keyScreen(BotRig.TgUser owner) {
        return owner.press(owner.press(owner.send("/start"), "k"), "ki:1");
    }

    @Test
    void a_used_up_key_offers_the_pack_beside_extend_in_russian() {
        rig.usage.setQuota(client.email(), 10 * GB);
        rig.usage.setTraffic(client.email(), 6 * GB, 4 * GB, Instant.parse("2026-03-01T08:30:00Z"));

        Call screen = keyScreen(owner("ru"));

        assertThat(screen.text()).contains("Трафик закончился");
        assertThat(screen.buttons()).anyMatch(b -> "ke:1".equals(b.callbackData()));
        assertThat(screen.buttons()).anyMatch(b -> "et:1:9".equals(b.callbackData()) && b.text().startsWith("📦 +10 ГБ за"));
    }

    @Test
    void a_key_without_a_quota_offers_no_pack_and_packs_are_not_tariffs_of_a_new_key_or_an_extension() {
        BotRig.TgUser olga = owner("en");
        Call screen = keyScreen(olga);
        assertThat(screen.buttons()).noneMatch(b -> b.callbackData() != null && b.callbackData().startsWith("et:"));

        Call extend = olga.press(screen, "ke:1");
        assertThat(extend.buttons()).noneMatch(b -> "et:1:9".equals(b.callbackData()));
        Call buy = olga.press(olga.send("/start"), "b");
        assertThat(buy.buttons()).noneMatch(b -> b.callbackData() != null && b.callbackData().matches("b[ts]:9(:.*)?"));
    }

    @Test
    void a_pack_for_a_key_whose_tariff_has_no_traffic_limit_is_refused_with_the_reason() {
        rig.usage.setQuota(client.email(), 10 * GB); // a quota on the panel, but none the shop gave the key
        BotRig.TgUser olga = owner("en");
        Call screen = keyScreen(olga);

        Call refused = olga.press(screen, "et:1:9");

        assertThat(refused.text()).contains("This key has no traffic limit");
        assertThat(rig.shop.orders.ofUser(new UserId(2001), 10)).noneMatch(o -> o.tariff().tariffId().equals(PACK));
    }

    @Test
    void a_pack_for_an_expired_key_is_refused_with_the_reason_in_russian() {
        rig.keys.save(rig.keys.find(new KeyId(1)).map(k -> new VpnKey(k.id(), k.owner(), k.serverId(), k.client(),
                BotRig.START.minus(Duration.ofDays(1)), k.status(), k.links(), k.createdAt())).orElseThrow());
        BotRig.TgUser olga = owner("ru");
        Call screen = keyScreen(olga);

        Call refused = olga.pressData(screen.messageId(), "et:1:9");

        assertThat(refused.text()).contains("Срок ключа истёк");
        assertThat(rig.shop.orders.ofUser(new UserId(2001), 10)).noneMatch(o -> o.tariff().tariffId().equals(PACK));
    }

    @Test
    void the_order_of_a_pack_says_the_gb_it_adds_and_not_a_period() {
        rig.shop.tariffLimits.setLimits(new TariffId(1), new dev.vpnbot.domain.tariff.TariffLimits(0, 10, false));
        rig.shop.orders.save(paidRenewalOfTariffOne());
        rig.usage.setQuota(client.email(), 10 * GB);
        BotRig.TgUser olga = owner("en");

        Call order = olga.press(keyScreen(olga), "et:1:9");

        assertThat(order.text()).contains("Traffic pack: 10 GB added to the key (its expiry stays)").doesNotContain("Period:");
    }

    /** The key's own tariff: a fulfilled renewal of tariff 1 (10 GB). */
    private dev.vpnbot.domain.order.Order paidRenewalOfTariffOne() {
        dev.vpnbot.domain.order.OrderId id = rig.shop.orders.nextId();
        Tariff one = rig.shop.tariffs.find(new TariffId(1)).orElseThrow();
        VpnKey key = rig.keys.find(new KeyId(1)).orElseThrow();
        return dev.vpnbot.domain.order.Order.place(id, dev.vpnbot.domain.order.PublicOrderId.of(id, "own" + id), key.owner(),
                        one.snapshot(), new dev.vpnbot.domain.order.OrderPurpose.Renewal(key.id()), BotRig.START, Duration.ofHours(1))
                .awaitPayment(new dev.vpnbot.domain.order.Invoice("inv-own", "https://pay.example/own"))
                .pay(one.price(), BotRig.START).grant(key.id(), key.expiresAt()).fulfil(BotRig.START);
    }
}
