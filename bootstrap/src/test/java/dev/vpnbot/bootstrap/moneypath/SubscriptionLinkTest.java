package dev.vpnbot.bootstrap.moneypath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.SubscriptionRoute;
import dev.vpnbot.adapter.telegram.SubscriptionSettings;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase.Outcome;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase.ResetLinkCommand;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.application.service.subscription.LinkReset;
import dev.vpnbot.application.service.subscription.SubscriptionFeed;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.UserId;
import java.util.Set;
import dev.vpnbot.bootstrap.http.Route;
import dev.vpnbot.bootstrap.http.TrustedProxies;
import dev.vpnbot.bootstrap.http.WebServer;
import dev.vpnbot.bootstrap.wiring.TelegramModule;
import dev.vpnbot.domain.key.SubscriptionToken;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bot's own subscription link end to end: keys bought over PostgreSQL, the real 3x-ui adapter
 * and the fake panel of each API generation, fetched from the real HTTP server. The link answers
 * from the database alone (panel cut off), follows renewals to the second, turns into an empty
 * list with an announcement when the key expires, and tells nothing about wrong tokens.
 */
@PostgresTest
class SubscriptionLinkTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private PostgresPersistence db;
    private TestSchema schema;
    private MutableClock clock;
    private MoneyPathRig rig;
    private BotRig telegram;
    private WebServer server;

    @BeforeEach
    void keep(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.db = db;
        this.schema = schema;
        this.clock = clock;
    }

    @AfterEach
    void close() {
        if (server != null) server.stop(Duration.ofSeconds(1));
        if (telegram != null) telegram.close();
        if (rig != null) rig.close();
    }

    /** The bot's HTTP server with the subscription route, as TelegramModule mounts it, reading what {@code bot} wrote. */
    private void serve(RunningBot bot) throws Exception {
        telegram = BotRig.started();
        SubscriptionFeed feed = new SubscriptionFeed(bot.db.subscriptionTokens(), bot.db.placements(), clock);
        SubscriptionRoute route = telegram.bot.subscriptions(feed, new SubscriptionSettings("Shop", 12, "https://t.me/shop_support",
                "https://t.me/shop_bot", null, 1000), clock);
        server = new WebServer(0, Map.of(Route.SUBSCRIPTION, new TelegramModule().subscription(route)), TrustedProxies.none(),
                (r, status) -> { }, WebServer.Limits.defaults());
        server.start();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).GET();
        if (accept != null) request.header("Accept", accept);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64.replace("base64:", "")), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V2_8", "V3_6"})
    void the_link_serves_the_keys_vless_link_from_the_database_alone_and_follows_renewal_and_expiry(Profile profile) throws Exception {
        rig = new MoneyPathRig(db, schema, clock, START, profile);
        RunningBot bot = rig.startBot();
        VpnKey key = rig.buyKey(bot);
        SubscriptionToken token = bot.db.subscriptionTokens().tokenOf(key.id()).orElseThrow();
        serve(bot);
        String path = "/sub/" + token.value();

        rig.panelLine.cut(); // every panel unreachable: the link does not need one
        HttpResponse<String> app = get(path, "*/*");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(decoded(app.body())).isEqualTo(key.links().vlessUrl());
        assertThat(app.headers().firstValue("Subscription-Userinfo"))
                .contains("upload=0; download=0; total=0; expire=" + key.expiresAt().getEpochSecond());
        assertThat(decoded(app.headers().firstValue("Profile-Title").orElseThrow())).isEqualTo("Shop · Frankfurt");
        assertThat(app.headers().firstValue("Profile-Update-Interval")).contains("12");
        assertThat(app.headers().firstValue("Support-Url")).contains("https://t.me/shop_support");
        assertThat(app.headers().firstValue("Profile-Web-Page-Url")).contains(BotRig.PUBLIC_URL + path);
        assertThat(app.headers().firstValue("Cache-Control")).contains("no-store");

        rig.panelLine.restore();
        Order renewal = rig.placeRenewal(bot, key.id());
        assertThat(rig.pay(renewal).acknowledged()).isTrue();
        bot.worker.runDueJobs();
        VpnKey renewed = rig.key(key.id());
        assertThat(renewed.expiresAt()).isAfter(key.expiresAt());
        assertThat(get(path, null).headers().firstValue("Subscription-Userinfo")).contains(
                "upload=0; download=0; total=0; expire=" + renewed.expiresAt().getEpochSecond());
        assertThat(((Number) rig.panelClient(renewed).get("expiryTime")).longValue()).isEqualTo(renewed.expiresAt().toEpochMilli());

        clock.set(renewed.expiresAt().plusSeconds(1));
        HttpResponse<String> expired = get(path, null);
        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(expired.body()).isEmpty();
        assertThat(decoded(expired.headers().firstValue("Announce").orElseThrow())).contains("https://t.me/shop_bot");
    }

    private static LinkReset linkReset(RunningBot bot, VpnPanel panel) {
        return new LinkReset(bot.db.keys(), bot.db.servers(), bot.db.subscriptionTokens(), bot.db.linkResets(), panel,
                bot.db.transactions(), new Admins(Set.of(new UserId(ADMIN))), PurchaseSettings.defaults(), new Nonces(), bot.db.placements());
    }

    private static final long ADMIN = 900;

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V2_8", "V3_6"})
    void resetting_the_link_kills_the_old_url_and_rotates_the_uuid_on_the_panel(Profile profile) throws Exception {
        rig = new MoneyPathRig(db, schema, clock, START, profile);
        RunningBot bot = rig.startBot();
        VpnKey key = rig.buyKey(bot);
        SubscriptionToken old = bot.db.subscriptionTokens().tokenOf(key.id()).orElseThrow();
        serve(bot);
        LinkReset reset = linkReset(bot, bot.panelAdapter);

        assertThat(reset.reset(new ResetLinkCommand(new UserId(4242), key.id(), false))).isInstanceOf(Outcome.NotAllowed.class);
        assertThat(reset.reset(new ResetLinkCommand(new UserId(4242), key.id(), true))).isInstanceOf(Outcome.NotAllowed.class);
        Outcome outcome = reset.reset(new ResetLinkCommand(MoneyPathRig.BUYER, key.id(), false));

        SubscriptionToken fresh = ((Outcome.Reset) outcome).token();
        VpnKey after = rig.key(key.id());
        assertThat(fresh).isNotEqualTo(old);
        assertThat(get("/sub/" + old.value(), null).statusCode()).isEqualTo(404);
        HttpResponse<String> now = get("/sub/" + fresh.value(), null);
        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(decoded(now.body())).isEqualTo(after.links().vlessUrl()).contains(after.client().uuid().toString())
                .doesNotContain(key.client().uuid().toString());
        assertThat(after.client().uuid()).isNotEqualTo(key.client().uuid());
        assertThat(after.client().subId()).isNotEqualTo(key.client().subId());
        assertThat(after.client().email()).isEqualTo(key.client().email());
        assertThat(after.expiresAt()).isEqualTo(key.expiresAt());
        assertOnlyClientOnPanel(after);

        // an admin may reset anybody's key
        assertThat(reset.reset(new ResetLinkCommand(new UserId(ADMIN), key.id(), true))).isInstanceOf(Outcome.Reset.class);
        assertOnlyClientOnPanel(rig.key(key.id()));
        assertThat(bot.db.linkResets().unfinished(10)).isEmpty();
    }

    private void assertOnlyClientOnPanel(VpnKey key) {
        assertThat(rig.ourPanelClients()).hasSize(1);
        Map<String, Object> client = rig.panelClient(key);
        assertThat(client.get("id")).isEqualTo(key.client().uuid().toString());
        assertThat(client.get("subId")).isEqualTo(key.client().subId());
        assertThat(((Number) client.get("expiryTime")).longValue()).isEqualTo(key.expiresAt().toEpochMilli());
    }

    /** The process dies right after the panel removed the old client: neither UUID works, the new one is stored. */
    private static final class DiesAfterDelete extends ForwardingPanel {
        DiesAfterDelete(VpnPanel panel) {
            super(panel);
        }

        @Override
        public void deleteClient(Server server, PanelClientId client) {
            panel.deleteClient(server, client);
            throw new DyingPanel.ProcessDied("after the panel removed " + client.email());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V2_8", "V3_6"})
    void a_reset_cut_short_by_a_crash_at_either_panel_step_is_finished_with_the_uuid_it_stored(Profile profile) throws Exception {
        rig = new MoneyPathRig(db, schema, clock, START, profile);
        RunningBot bot = rig.startBot();
        VpnKey first = rig.buyKey(bot);
        VpnKey second = rig.buyKey(bot);

        assertThatThrownBy(() -> linkReset(bot, new DiesAfterDelete(bot.panelAdapter))
                .reset(new ResetLinkCommand(MoneyPathRig.BUYER, first.id(), false))).isInstanceOf(DyingPanel.ProcessDied.class);
        assertThatThrownBy(() -> linkReset(bot, new DyingPanel(bot.panelAdapter, DyingPanel.When.AFTER_CREATING_THE_CLIENT))
                .reset(new ResetLinkCommand(MoneyPathRig.BUYER, second.id(), false))).isInstanceOf(DyingPanel.ProcessDied.class);

        // the old UUIDs work nowhere, the new ones are stored
        PanelClientId firstNext = bot.db.linkResets().pending(first.id()).orElseThrow();
        PanelClientId secondNext = bot.db.linkResets().pending(second.id()).orElseThrow();
        assertThat(rig.ourPanelClients()).extracting(c -> c.get("id"))
                .doesNotContain(first.client().uuid().toString(), second.client().uuid().toString());
        assertThat(rig.ourPanelClients()).extracting(c -> c.get("id")).containsExactly(secondNext.uuid().toString());

        assertThat(linkReset(bot, bot.panelAdapter).finishInterrupted()).isEqualTo(2);

        assertThat(rig.key(first.id()).client()).isEqualTo(firstNext);
        assertThat(rig.key(second.id()).client()).isEqualTo(secondNext);
        assertThat(rig.ourPanelClients()).extracting(c -> c.get("id"))
                .containsExactlyInAnyOrder(firstNext.uuid().toString(), secondNext.uuid().toString());
        assertThat(bot.db.linkResets().unfinished(10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"V2_8"})
    void unknown_and_malformed_tokens_get_the_same_404(Profile profile) throws Exception {
        rig = new MoneyPathRig(db, schema, clock, START, profile);
        RunningBot bot = rig.startBot();
        rig.buyKey(bot);
        serve(bot);

        HttpResponse<String> unknown = get("/sub/" + "A".repeat(SubscriptionToken.LENGTH), null);
        HttpResponse<String> malformed = get("/sub/not-a-token", null);
        HttpResponse<String> nothing = get("/sub/", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(malformed.body()).isEqualTo(unknown.body());
        assertThat(nothing.body()).isEqualTo(unknown.body());
    }
}
