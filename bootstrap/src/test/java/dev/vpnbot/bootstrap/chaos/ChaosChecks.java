package dev.vpnbot.bootstrap.chaos;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.bootstrap.moneypath.MoneyPathRig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariants a fault run must leave intact, read from PostgreSQL and from the fake panel:
 * no order fulfilled twice, no key for an unpaid order, every paid order fulfilled, each key's
 * expiry equal to the sum of the durations paid for it to the millisecond, and the panel
 * holding exactly our keys with exactly those expiries. Each broken rule is one line.
 */
final class ChaosChecks {
    private final String url;
    private final String user;
    private final String password;

    ChaosChecks(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO vpnbot");
        }
        return c;
    }

    /** Triggers that write down every committed status change and every job ever queued. */
    void recordHistory() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(MoneyPathRig.historyTriggers("vpnbot"));
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every broken invariant, one line each; {@code paidOrders} are the public ids the buyers paid in full. */
    List<String> violations(List<String> paidOrders, FakeThreeXuiPanel panel, int inbound) throws SQLException {
        List<String> broken = new ArrayList<>();
        rule(broken, "orders fulfilled twice", count("""
                SELECT count(*) FROM (SELECT order_id FROM audit_order_status WHERE new_status = 'FULFILLED'
                 GROUP BY order_id HAVING count(*) > 1) x"""));
        rule(broken, "orders queued for fulfilment twice", count("""
                SELECT count(*) FROM (SELECT order_id FROM audit_job_inserts GROUP BY order_id HAVING count(*) > 1) x"""));
        rule(broken, "time granted by unpaid orders", count("""
                SELECT count(*) FROM orders WHERE granted_until IS NOT NULL AND status NOT IN ('PAID', 'FULFILLED')"""));
        rule(broken, "keys without a paid order", count("""
                SELECT count(*) FROM vpn_keys k WHERE NOT EXISTS (
                    SELECT 1 FROM orders o WHERE o.key_id = k.id AND o.status IN ('PAID', 'FULFILLED') AND o.granted_until IS NOT NULL)"""));
        rule(broken, "expiries that are not the sum of the paid durations", count("""
                SELECT count(*) FROM vpn_keys k
                  JOIN orders n ON n.key_id = k.id AND n.purpose = 'NEW_KEY' AND n.granted_until IS NOT NULL
                 WHERE (extract(epoch FROM k.expires_at) * 1000)::bigint
                       <> (extract(epoch FROM n.granted_until) * 1000)::bigint - n.days::bigint * 86400000
                          + (SELECT sum(o.days)::bigint * 86400000 FROM orders o WHERE o.key_id = k.id AND o.granted_until IS NOT NULL)"""));
        List<String> unfulfilled = unfulfilled(paidOrders);
        rule(broken, "paid orders not fulfilled " + unfulfilled, unfulfilled.size());
        panelAgrees(broken, panel, inbound);
        return broken;
    }

    /** The paid orders (public ids) not FULFILLED yet, each with its status. */
    List<String> unfulfilled(List<String> paidOrders) throws SQLException {
        Map<String, String> status = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT public_id, status FROM orders")) {
            while (rs.next()) status.put(rs.getString(1), rs.getString(2));
        }
        return paidOrders.stream().filter(id -> !"FULFILLED".equals(status.get(id))).map(id -> id + "=" + status.get(id)).toList();
    }

    private void panelAgrees(List<String> broken, FakeThreeXuiPanel panel, int inbound) throws SQLException {
        Map<String, Long> expiries = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT panel_email, (extract(epoch FROM expires_at) * 1000)::bigint FROM vpn_keys WHERE status = 'ACTIVE'")) {
            while (rs.next()) expiries.put(rs.getString(1), rs.getLong(2));
        }
        List<Map<String, Object>> clients = panel.storedClients(inbound).stream()
                .filter(c -> String.valueOf(c.get("email")).startsWith("vpnbot-")).toList();
        rule(broken, "panel clients that are not exactly one active key (" + clients.size() + " clients, " + expiries.size() + " keys)",
                Math.abs(clients.size() - expiries.size()) + clients.stream().filter(c -> !expiries.containsKey(String.valueOf(c.get("email")))).count());
        rule(broken, "panel expiries that differ from the database", clients.stream().filter(c -> {
            Long db = expiries.get(String.valueOf(c.get("email")));
            return db != null && ((Number) c.get("expiryTime")).longValue() != db;
        }).count());
    }

    private static void rule(List<String> broken, String what, long count) {
        if (count != 0) broken.add(count + " " + what);
    }
}
