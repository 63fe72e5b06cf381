package dev.vpnbot.bootstrap.moneypath;

import dev.vpnbot.adapter.postgres.testing.TcpProxy;
import dev.vpnbot.adapter.heleket.HeleketSettings;
import dev.vpnbot.adapter.heleket.fake.FakeHeleket;
import dev.vpnbot.adapter.heleket.fake.WebhookDelivery;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: the world around the bot on the money path. PostgreSQL (one test class's
 * schema), the operator's 3x-ui panel (the fake, reached through a line that can be cut),
 * Heleket (the fake, delivering each webhook once) and the webhook front door. Bot processes
 * ({@link RunningBot}) are started and stopped against it; several may run at once or one
 * after another over the same database.
 */
public final class MoneyPathRig implements AutoCloseable {
    static {
        // JDK HTTP servers answer small replies at once instead of after a delayed ACK (~40 ms a call)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final UserId BUYER = new UserId(1001);
    static final Tariff ONE_MONTH = TariffMother.oneMonth(1); // 30 days, 5.00 USD
    static final ServerId SERVER = new ServerId(1);
    static final int INBOUND = FakeThreeXuiPanel.REALITY_INBOUND_ID;

    final TestSchema schema;
    final MutableClock clock;
    /** Read side for assertions; bots bring their own pools. */
    final PostgresPersistence records;
    final FakeThreeXuiPanel panelHost;
    /** The network between the bot and its panel: {@code cut()} makes the panel unreachable. */
    final TcpProxy panelLine;
    final FakeHeleket heleket;
    final WebhookFrontDoor frontDoor;
    private final List<RunningBot> bots = new ArrayList<>();

    MoneyPathRig(PostgresPersistence records, TestSchema schema, MutableClock clock, Instant start) {
        this(records, schema, clock, start, FakeThreeXuiPanel.Profile.V2_8);
    }

    /** The same world with a panel that behaves like the given 3x-ui release line. */
    MoneyPathRig(PostgresPersistence records, TestSchema schema, MutableClock clock, Instant start, FakeThreeXuiPanel.Profile panel) {
        this.records = records;
        this.schema = schema;
        this.clock = clock;
        schema.truncateAll();
        clock.set(start);
        panelHost = FakeThreeXuiPanel.builder().profile(panel).start();
        panelLine = new TcpProxy("127.0.0.1", panelHost.port());
        // one delivery per webhook: a test that wants another asks for it, so nothing arrives unplanned
        heleket = FakeHeleket.start(FakeHeleket.Options.defaults().withWebhookRetryDelays(List.of(Duration.ZERO)));
        frontDoor = new WebhookFrontDoor();
        recordHistory();
        records.tariffs().save(ONE_MONTH);
        records.servers().save(server());
        records.users().save(UserMother.russian(BUYER.telegramId()));
    }

    /** Our server as the operator registered it: the fake panel, reached through {@link #panelLine}. */
    Server server() {
        PanelConnection direct = panelHost.connection();
        String viaLine = "http://127.0.0.1:" + panelLine.port() + panelHost.basePath();
        return new Server(SERVER, "Frankfurt", new PanelConnection(viaLine, direct.credentials(), null), INBOUND, true, 100, 0);
    }

    DatabaseSettings database() {
        return schema.settings();
    }

    HeleketSettings heleketSettings() {
        return heleket.settings(frontDoor.url());
    }

    /** Starts a bot process; the front door sends webhooks to it. */
    RunningBot startBot(RunningBot.Options options) {
        RunningBot bot = new RunningBot(database(), clock, heleketSettings(), options);
        bots.add(bot);
        frontDoor.routeTo(bot.webhook);
        return bot;
    }

    RunningBot startBot() {
        return startBot(RunningBot.Options.defaults());
    }

    /** The process is gone: nothing answers webhooks until the next one starts. */
    void stop(RunningBot bot) {
        frontDoor.disconnect();
        bot.close();
        bots.remove(bot);
    }

    /**
     * Triggers that write down, inside each transaction, every change of an order's status and
     * every job inserted: what commits is the history the database really went through.
     */
    private void recordHistory() {
        schema.execute(historyTriggers(schema.name()));
    }

    /** The SQL that installs those triggers in a schema and empties their tables (the fault suite uses it too). */
    public static String historyTriggers(String schema) {
        return """
                CREATE TABLE IF NOT EXISTS audit_order_status (seq bigserial, order_id bigint, old_status text, new_status text);
                CREATE TABLE IF NOT EXISTS audit_job_inserts (seq bigserial, order_id bigint);
                CREATE OR REPLACE FUNCTION audit_order_status() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO %1$s.audit_order_status (order_id, old_status, new_status) VALUES (NEW.id, OLD.status, NEW.status);
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE FUNCTION audit_job_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO %1$s.audit_job_inserts (order_id) VALUES (NEW.order_id);
                    RETURN NEW;
                END $$;
                DROP TRIGGER IF EXISTS order_status_audit ON orders;
                CREATE TRIGGER order_status_audit AFTER UPDATE ON orders FOR EACH ROW
                    WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION audit_order_status();
                DROP TRIGGER IF EXISTS job_insert_audit ON fulfilment_jobs;
                CREATE TRIGGER job_insert_audit AFTER INSERT ON fulfilment_jobs FOR EACH ROW EXECUTE FUNCTION audit_job_insert();
                DELETE FROM audit_order_status;
                DELETE FROM audit_job_inserts;
                """.formatted(schema);
    }

    /** Every committed status change of the order, in order, as "OLD>NEW". */
    List<String> statusChanges(OrderId order) {
        List<String> changes = new ArrayList<>();
        try (Connection c = schema.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT old_status || '>' || new_status FROM audit_order_status WHERE order_id = "
                     + order.value() + " ORDER BY seq")) {
            while (rs.next()) changes.add(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return changes;
    }

    /** How many fulfilment jobs were ever committed for the order. */
    long jobsEverEnqueued(OrderId order) {
        return count("SELECT count(*) FROM audit_job_inserts WHERE order_id = " + order.value());
    }

    // ---- the buyer's side --------------------------------------------------------------------

    Order placeNewKey(RunningBot bot) {
        return bot.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, ONE_MONTH.id(), SERVER));
    }

    Order placeRenewal(RunningBot bot, KeyId key) {
        return bot.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key, ONE_MONTH.id()));
    }

    /** The buyer pays in full; Heleket's webhook goes through the front door; returns that delivery. */
    WebhookDelivery pay(Order order) {
        heleket.pay(order.publicId().value());
        return lastDelivery(order);
    }

    /** Heleket's webhook of the order's latest change, as it was delivered (or lost). */
    WebhookDelivery lastDelivery(Order order) {
        List<WebhookDelivery> all = heleket.awaitWebhooks(Duration.ofSeconds(10)).stream()
                .filter(d -> d.orderId().equals(order.publicId().value())).toList();
        if (all.isEmpty()) throw new IllegalStateException("Heleket sent no webhook for " + order.publicId());
        return all.get(all.size() - 1);
    }

    /** Pays and has the signed "paid" webhook lost on the way, for a test to deliver itself. */
    byte[] payAndCatchWebhook(Order order) {
        frontDoor.loseWebhooks(true);
        try {
            return pay(order).body();
        } finally {
            frontDoor.loseWebhooks(false);
        }
    }

    /** A key bought the ordinary way: order, payment, webhook, worker. */
    VpnKey buyKey(RunningBot bot) {
        Order order = placeNewKey(bot);
        WebhookDelivery delivery = pay(order);
        if (!delivery.acknowledged()) throw new IllegalStateException("webhook not taken: " + delivery);
        bot.worker.runDueJobs();
        return key(order(order.id()).keyId());
    }

    // ---- what the database and the panel hold ----------------------------------------------------

    Order order(OrderId id) {
        return records.orders().find(id).orElseThrow();
    }

    VpnKey key(KeyId id) {
        return records.keys().find(id).orElseThrow();
    }

    long count(String sql) {
        return schema.queryLong(sql);
    }

    /** The key's expiry as PostgreSQL itself holds it, in epoch milliseconds. */
    long storedExpiryMillis(KeyId id) {
        return count("SELECT (extract(epoch FROM expires_at) * 1000)::bigint FROM vpn_keys WHERE id = " + id.value());
    }

    /** Our clients on the panel (the operator's own client not counted). */
    List<Map<String, Object>> ourPanelClients() {
        return panelHost.storedClients(INBOUND).stream()
                .filter(c -> String.valueOf(c.get("email")).startsWith("vpnbot-")).toList();
    }

    Map<String, Object> panelClient(VpnKey key) {
        return panelHost.storedClient(key.client().email()).orElseThrow(() -> new AssertionError("no client " + key.client().email()));
    }

    @Override
    public void close() {
        for (RunningBot bot : List.copyOf(bots)) stop(bot);
        frontDoor.close();
        heleket.close();
        panelLine.close();
        panelHost.close();
    }
}
