package dev.vpnbot.bootstrap.moneypath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TcpProxy;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.SubscriptionRoute;
import dev.vpnbot.adapter.telegram.SubscriptionSettings;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.fulfilment.SweepPlacementsUseCase.Round;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase.Outcome;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase.ResetLinkCommand;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.fulfilment.PanelDriftRepair;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.application.service.subscription.LinkReset;
import dev.vpnbot.application.service.subscription.SubscriptionFeed;
import dev.vpnbot.bootstrap.http.Route;
import dev.vpnbot.bootstrap.http.TrustedProxies;
import dev.vpnbot.bootstrap.http.WebServer;
import dev.vpnbot.bootstrap.wiring.TelegramModule;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerGroupId;
import dev.vpnbot.domain.server.ServerId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key on several locations end to end: PostgreSQL, the real 3x-ui adapter against three fake
 * panels of two API generations (v2.8, v3.6, v2.8), each behind a line that can be cut, and the
 * subscription fetched from the real HTTP server.
 */
@PostgresTest
class PlacementsTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final ServerId HELSINKI = new ServerId(2);
    private static final ServerId WARSAW = new ServerId(3);
    private static final long ADMIN = 900;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<FakeThreeXuiPanel> panels = new ArrayList<>();
    private final List<TcpProxy> lines = new ArrayList<>();
    private PostgresPersistence db;
    private TestSchema schema;
    private MutableClock clock;
    private MoneyPathRig rig;
    private BotRig telegram;
    private WebServer server;
    private RunningBot bot;

    @BeforeEach
    void world(PostgresPersistence db, TestSchema schema, MutableClock clock) throws Exception {
        this.db = db;
        this.schema = schema;
        this.clock = clock;
        rig = new MoneyPathRig(db, schema, clock, START, Profile.V2_8);
        panels.add(rig.panelHost);
        lines.add(rig.panelLine);
        db.servers().save(extraServer(HELSINKI, "Helsinki", Profile.V3_6));
        db.servers().save(extraServer(WARSAW, "Warsaw", Profile.V2_8));
        bot = rig.startBot();
        serve();
    }

    /** Another server: a fake panel of its own, reached through a line of its own. */
    private Server extraServer(ServerId id, String name, Profile profile) {
        FakeThreeXuiPanel panel = FakeThreeXuiPanel.builder().profile(profile).start();
        TcpProxy line = new TcpProxy("127.0.0.1", panel.port());
        panels.add(panel);
        lines.add(line);
        PanelConnection direct = panel.connection();
        String viaLine = "http://127.0.0.1:" + line.port() + panel.basePath();
        return new Server(id, name, new PanelConnection(viaLine, direct.credentials(), null), MoneyPathRig.INBOUND, true, 100, 0);
    }

    @AfterEach
    void close() {
        if (server != null) server.stop(Duration.ofSeconds(1));
        if (telegram != null) telegram.close();
        if (rig != null) rig.close(); // the first panel and its line
        for (int i = 1; i < panels.size(); i++) {
            lines.get(i).close();
            panels.get(i).close();
        }
    }

    private void serve() throws Exception {
        telegram = BotRig.started();
        SubscriptionFeed feed = new SubscriptionFeed(bot.db.subscriptionTokens(), bot.db.placements(), clock);
        SubscriptionRoute route = telegram.bot.subscriptions(feed, new SubscriptionSettings("Shop", 12, null, null, null, 1000), clock);
        server = new WebServer(0, Map.of(Route.SUBSCRIPTION, new TelegramModule().subscription(route)), TrustedProxies.none(),
                (r, status) -> { }, WebServer.Limits.defaults());
        server.start();
    }

    /** The vless:// links the subscription lists, as a VPN app reads them. */
    private List<String> feed(VpnKey key) throws Exception {
        SubscriptionToken token = bot.db.subscriptionTokens().tokenOf(key.id()).orElseThrow();
        return feed(token);
    }

    private List<String> feed(SubscriptionToken token) throws Exception {
        HttpResponse<String> response = fetch(token);
        assertThat(response.statusCode()).isEqualTo(200);
        String body = new String(Base64.getDecoder().decode(response.body()), StandardCharsets.UTF_8);
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n"));
    }

    private HttpResponse<String> fetch(SubscriptionToken token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/sub/" + token.value()))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void sellForGroup(ServerGroupId group) {
        db.serverGroups().setTariffGroup(MoneyPathRig.ONE_MONTH.id(), group);
    }

    private VpnKey buyGroupKey() {
        return rig.buyKey(bot);
    }

    /** The key's client on panel {@code i} (0, 1, 2: Frankfurt, Helsinki, Warsaw). */
    private Map<String, Object> clientOn(int i, VpnKey key) {
        return panels.get(i).storedClient(key.client().email()).orElseThrow(() -> new AssertionError("no client on panel " + i));
    }

    private List<String> placementLinks(VpnKey key) {
        return bot.db.placements().of(key.id()).stream().filter(Placement::isActive).map(p -> p.links().vlessUrl()).toList();
    }

    @Test
    void a_key_of_an_all_locations_tariff_is_on_every_server_and_its_feed_lists_three_links() throws Exception {
        sellForGroup(ServerGroupId.ALL);

        VpnKey key = buyGroupKey();

        assertThat(bot.db.placements().of(key.id())).extracting(Placement::server)
                .containsExactly(MoneyPathRig.SERVER, HELSINKI, WARSAW);
        assertThat(bot.db.placements().of(key.id())).allMatch(Placement::isActive);
        assertThat(feed(key)).hasSize(3).containsExactlyElementsOf(placementLinks(key))
                .allMatch(link -> link.startsWith("vless://" + key.client().uuid() + "@"));
        for (int i = 0; i < 3; i++) {
            Map<String, Object> client = clientOn(i, key);
            assertThat(client.get("id")).isEqualTo(key.client().uuid().toString());
            assertThat(client.get("subId")).isEqualTo(key.client().subId());
            assertThat(((Number) client.get("expiryTime")).longValue()).isEqualTo(rig.storedExpiryMillis(key.id()));
            assertThat(panels.get(i).copiesOf(key.client().email())).isEqualTo(1);
        }
        assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1);
    }

    @Test
    void creation_failing_on_one_of_three_servers_delivers_the_two_that_worked_and_the_third_joins_once_created() throws Exception {
        sellForGroup(ServerGroupId.ALL);
        lines.get(2).cut(); // Warsaw unreachable while the key is delivered

        VpnKey key = buyGroupKey();

        assertThat(rig.key(key.id()).isUsable(clock.instant())).isTrue();
        assertThat(bot.db.placements().find(key.id(), WARSAW).orElseThrow().isPending()).isTrue();
        assertThat(feed(key)).hasSize(2).containsExactlyElementsOf(placementLinks(key));
        assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1);

        // still down: the sweep's attempt fails and backs off, the two others are untouched
        clock.advance(Duration.ofMinutes(1));
        assertThat(bot.placementSweep.sweep()).isEqualTo(new Round(0, 0, 1));
        assertThat(feed(key)).hasSize(2);

        lines.get(2).restore();
        assertThat(bot.placementSweep.sweep().created()).isZero(); // not due yet: backing off
        clock.advance(Duration.ofMinutes(2));
        assertThat(bot.placementSweep.sweep()).isEqualTo(new Round(0, 1, 0));

        assertThat(feed(key)).hasSize(3).containsExactlyElementsOf(placementLinks(key));
        assertThat(clientOn(2, key).get("id")).isEqualTo(key.client().uuid().toString());
        assertThat(((Number) clientOn(2, key).get("expiryTime")).longValue()).isEqualTo(rig.storedExpiryMillis(key.id()));
        for (int i = 0; i < 3; i++) assertThat(panels.get(i).copiesOf(key.client().email())).isEqualTo(1);
        assertThat(bot.placementSweep.sweep()).isEqualTo(new Round(0, 0, 0));
        assertThat(bot.notifier.sentOfKind("keyReady")).hasSize(1); // told once, not three times
    }

    @Test
    void a_panel_answering_garbage_leaves_its_placement_pending_and_the_others_unaffected() throws Exception {
        sellForGroup(ServerGroupId.ALL);
        panels.get(1).inject(FakeThreeXuiPanel.Fault.HTTP_500, 1000);

        VpnKey key = buyGroupKey();

        assertThat(bot.db.placements().find(key.id(), HELSINKI).orElseThrow().isPending()).isTrue();
        assertThat(feed(key)).hasSize(2);
        panels.get(1).clearFaults();
        clock.advance(Duration.ofMinutes(1));
        assertThat(bot.placementSweep.sweep().created()).isEqualTo(1);
        assertThat(feed(key)).hasSize(3);
        assertThat(panels.get(1).copiesOf(key.client().email())).isEqualTo(1);
    }

    @Test
    void a_server_switched_off_disappears_from_the_feed_without_touching_the_others() throws Exception {
        sellForGroup(ServerGroupId.ALL);
        VpnKey key = buyGroupKey();
        List<String> before = feed(key);

        Server helsinki = db.servers().find(HELSINKI).orElseThrow();
        db.servers().save(helsinki.withActive(false));

        assertThat(feed(key)).containsExactly(before.get(0), before.get(2));
        assertThat(clientOn(1, key).get("id")).isEqualTo(key.client().uuid().toString()); // its panel is left alone
        assertThat(clientOn(0, key).get("enable")).isEqualTo(true);
        assertThat(clientOn(2, key).get("enable")).isEqualTo(true);

        db.servers().save(helsinki.withActive(true));
        assertThat(feed(key)).isEqualTo(before);
    }

    @Test
    void renewal_extends_every_placement_and_every_panel_agrees_with_the_database_to_the_millisecond() throws Exception {
        sellForGroup(ServerGroupId.ALL);
        VpnKey key = buyGroupKey();
        List<Map<String, Object>> before = List.of(clientOn(0, key), clientOn(1, key), clientOn(2, key));
        clock.advance(Duration.ofDays(3).plusMillis(123));

        Order renewal = rig.placeRenewal(bot, key.id());
        assertThat(rig.pay(renewal).acknowledged()).isTrue();
        bot.worker.runDueJobs();

        long stored = rig.storedExpiryMillis(key.id());
        assertThat(stored).isGreaterThan(key.expiresAt().toEpochMilli());
        for (int i = 0; i < 3; i++) {
            Map<String, Object> client = clientOn(i, key);
            assertThat(((Number) client.get("expiryTime")).longValue()).as("panel %d", i).isEqualTo(stored);
            assertThat(client.get("flow")).isEqualTo(before.get(i).get("flow"));
            assertThat(client.get("subId")).isEqualTo(key.client().subId());
            assertThat(String.valueOf(client.get("tgId"))).isEqualTo(String.valueOf(before.get(i).get("tgId")));
            assertThat(client.get("id")).isEqualTo(key.client().uuid().toString());
        }
        assertThat(bot.notifier.sentOfKind("keyExtended")).hasSize(1);
        assertThat(fetch(bot.db.subscriptionTokens().tokenOf(key.id()).orElseThrow()).headers().firstValue("Subscription-Userinfo"))
                .contains("upload=0; download=0; total=0; expire=" + stored / 1000);
    }

    @Test
    void a_server_added_to_a_named_group_gets_the_groups_keys_on_the_next_sweep() throws Exception {
        ServerGroup nordic = db.serverGroups().create("nordic").orElseThrow();
        db.serverGroups().addMember(nordic.id(), MoneyPathRig.SERVER);
        db.serverGroups().addMember(nordic.id(), HELSINKI);
        sellForGroup(nordic.id());
        VpnKey key = buyGroupKey();
        assertThat(feed(key)).hasSize(2);
        assertThat(panels.get(2).storedClient(key.client().email())).isEmpty();

        db.serverGroups().addMember(nordic.id(), WARSAW);
        assertThat(bot.placementSweep.sweep()).isEqualTo(new Round(1, 1, 0));

        assertThat(feed(key)).hasSize(3).containsExactlyElementsOf(placementLinks(key));
        assertThat(clientOn(2, key).get("id")).isEqualTo(key.client().uuid().toString());
        assertThat(bot.placementSweep.sweep()).isEqualTo(new Round(0, 0, 0));
    }

    @Test
    void a_key_of_a_one_location_tariff_stays_on_the_chosen_server() throws Exception {
        VpnKey key = buyGroupKey();
        assertThat(bot.db.placements().of(key.id())).extracting(Placement::server).containsExactly(MoneyPathRig.SERVER);
        assertThat(feed(key)).containsExactly(key.links().vlessUrl());
        assertThat(panels.get(1).storedClient(key.client().email())).isEmpty();
        assertThat(bot.placementSweep.sweep()).isEqualTo(new Round(0, 0, 0));
    }

    @Test
    void an_admin_resetting_the_link_rotates_the_uuid_on_every_placements_panel() throws Exception {
        sellForGroup(ServerGroupId.ALL);
        VpnKey key = buyGroupKey();
        SubscriptionToken old = bot.db.subscriptionTokens().tokenOf(key.id()).orElseThrow();
        LinkReset reset = new LinkReset(bot.db.keys(), bot.db.servers(), bot.db.subscriptionTokens(), bot.db.linkResets(),
                bot.panelAdapter, bot.db.transactions(), new Admins(Set.of(new dev.vpnbot.domain.user.UserId(ADMIN))),
                PurchaseSettings.defaults(), new Nonces(), bot.db.placements());

        Outcome outcome = reset.reset(new ResetLinkCommand(new dev.vpnbot.domain.user.UserId(ADMIN), key.id(), true));

        SubscriptionToken fresh = ((Outcome.Reset) outcome).token();
        VpnKey after = rig.key(key.id());
        assertThat(fetch(old).statusCode()).isEqualTo(404);
        assertThat(feed(fresh)).hasSize(3).allMatch(link -> link.startsWith("vless://" + after.client().uuid() + "@"));
        for (int i = 0; i < 3; i++) {
            assertThat(clientOn(i, after).get("id")).isEqualTo(after.client().uuid().toString());
            assertThat(clientOn(i, after).get("subId")).isEqualTo(after.client().subId());
            assertThat(panels.get(i).copiesOf(key.client().email())).isEqualTo(1);
        }
        assertThat(after.client().uuid()).isNotEqualTo(key.client().uuid());
    }

    @Test
    void the_drift_repair_puts_back_a_client_deleted_on_a_location_that_is_not_the_keys_home() throws Exception {
        sellForGroup(ServerGroupId.ALL);
        VpnKey key = buyGroupKey();
        panels.get(2).removeClient(key.client().email());
        PanelDriftRepair repair = new PanelDriftRepair(bot.db.servers(), bot.db.keys(), bot.panelAdapter, bot.notifier, clock,
                PurchaseSettings.defaults());

        repair.repairDrift();

        assertThat(clientOn(2, key).get("id")).isEqualTo(key.client().uuid().toString());
        assertThat(((Number) clientOn(2, key).get("expiryTime")).longValue()).isEqualTo(rig.storedExpiryMillis(key.id()));
        for (int i = 0; i < 3; i++) assertThat(panels.get(i).copiesOf(key.client().email())).isEqualTo(1);
    }

    @Test
    void a_renewal_leaves_a_switched_off_unreachable_location_alone_and_the_drift_repair_catches_it_up_later() throws Exception {
        sellForGroup(ServerGroupId.ALL);
        VpnKey key = buyGroupKey();
        long before = ((Number) clientOn(1, key).get("expiryTime")).longValue();
        Server helsinki = db.servers().find(HELSINKI).orElseThrow();
        db.servers().save(helsinki.withActive(false));
        lines.get(1).cut();

        Order renewal = rig.placeRenewal(bot, key.id());
        assertThat(rig.pay(renewal).acknowledged()).isTrue();
        bot.worker.runDueJobs();

        long stored = rig.storedExpiryMillis(key.id());
        assertThat(rig.order(renewal.id()).status()).isEqualTo(dev.vpnbot.domain.order.OrderStatus.FULFILLED);
        assertThat(((Number) clientOn(0, key).get("expiryTime")).longValue()).isEqualTo(stored);
        assertThat(((Number) clientOn(2, key).get("expiryTime")).longValue()).isEqualTo(stored);
        assertThat(((Number) clientOn(1, key).get("expiryTime")).longValue()).isEqualTo(before);

        lines.get(1).restore();
        new PanelDriftRepair(bot.db.servers(), bot.db.keys(), bot.panelAdapter, bot.notifier, clock, PurchaseSettings.defaults())
                .repairDrift();
        assertThat(((Number) clientOn(1, key).get("expiryTime")).longValue()).isEqualTo(stored);
    }

    @Test
    void a_ban_switches_the_key_off_on_every_location_and_lifting_it_switches_it_back_on() {
        sellForGroup(ServerGroupId.ALL);
        VpnKey key = buyGroupKey();
        Admins admins = new Admins(Set.of(new dev.vpnbot.domain.user.UserId(ADMIN)));
        dev.vpnbot.application.service.admin.UserBans bans = new dev.vpnbot.application.service.admin.UserBans(admins, admins,
                bot.db.users(), bot.db.keys(), bot.db.servers(), bot.db.transactions(), bot.panelAdapter, bot.db.banHolds(),
                java.time.Clock.systemUTC(), bot.db.placements());

        assertThat(bans.ban(new dev.vpnbot.domain.user.UserId(ADMIN), MoneyPathRig.BUYER).panelFailed()).isEmpty();
        for (int i = 0; i < 3; i++) assertThat(clientOn(i, key).get("enable")).as("panel %d", i).isEqualTo(false);

        assertThat(bans.unban(new dev.vpnbot.domain.user.UserId(ADMIN), MoneyPathRig.BUYER).panelFailed()).isEmpty();
        for (int i = 0; i < 3; i++) assertThat(clientOn(i, key).get("enable")).as("panel %d", i).isEqualTo(true);
    }
}
