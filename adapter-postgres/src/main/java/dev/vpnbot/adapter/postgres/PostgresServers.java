package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/**
 * Persistence adapter: servers in the {@code servers} table. The panel password or token (and a
 * two-factor code) are sealed with {@link SecretBox} before they are written, bound to the
 * server's id. The load (keys that are active or being provisioned and have not expired, whose
 * home the server is or that have an active or pending placement on it: each key once per server)
 * is kept in {@code server_load} per UTC day of expiry by triggers on {@code vpn_keys} and
 * {@code key_placements}, in the same transaction as every change (V7, V24): a read adds the days
 * after today to the keys expiring later today, instead of counting every live key. A deleted server is only retired (retired_at
 * set), so the keys and orders that name it keep their reference.
 */
final class PostgresServers implements Servers {
    private static final String SELECT_WITH_LOAD = """
            SELECT s.*,
                   COALESCE((SELECT sum(l.keys) FROM server_load l WHERE l.server_id = s.id AND l.expires_on > :today), 0)
                   + (SELECT count(*) FROM vpn_keys k
                       WHERE k.server_id = s.id AND k.status IN ('ACTIVE', 'PROVISIONING')
                         AND k.expires_at > :now AND k.expires_at < :tomorrow)
                   + (SELECT count(*) FROM vpn_keys k JOIN key_placements p ON p.key_id = k.id AND p.server_id = s.id
                       WHERE k.status IN ('ACTIVE', 'PROVISIONING') AND k.expires_at > :now AND k.expires_at < :tomorrow
                         AND k.server_id <> s.id AND p.status IN ('ACTIVE', 'PENDING')) AS load
              FROM servers s
             WHERE s.retired_at IS NULL""";

    private final Database db;
    private final SecretBox secrets;
    private final Clock clock;

    PostgresServers(Database db, SecretBox secrets, Clock clock) {
        this.db = db;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public ServerId nextId() {
        return new ServerId(db.withHandle(h -> h.createQuery("SELECT nextval('server_ids')").mapTo(Long.class).one()));
    }

    @Override
    public List<Server> all() {
        return db.withHandle(h -> withLoadAt(h.createQuery(SELECT_WITH_LOAD + " ORDER BY s.id"), clock.instant())
                .map((rs, ctx) -> server(rs))
                .list());
    }

    @Override
    public Optional<Server> find(ServerId id) {
        return db.withHandle(h -> withLoadAt(h.createQuery(SELECT_WITH_LOAD + " AND s.id = :id"), clock.instant())
                .bind("id", id.value())
                .map((rs, ctx) -> server(rs))
                .findOne());
    }

    @Override
    public Map<ServerId, String> names() {
        return db.withHandle(h -> h.createQuery("SELECT id, name FROM servers WHERE retired_at IS NULL")
                .reduceRows(new HashMap<ServerId, String>(), (names, row) -> {
                    names.put(new ServerId(row.getColumn("id", Long.class)), row.getColumn("name", String.class));
                    return names;
                }));
    }

    /** Binds now, the UTC day and the start of the next: days after today are summed, today's keys counted. */
    private static Query withLoadAt(Query query, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return query.bindByType("now", now, Instant.class)
                .bindByType("today", today, LocalDate.class)
                .bindByType("tomorrow", today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), Instant.class);
    }

    @Override
    public void save(Server server) {
        long id = server.id().value();
        PanelCredentials credentials = server.connection().credentials();
        String kind;
        String username;
        byte[] secret;
        byte[] twoFactor = null;
        if (credentials instanceof PanelCredentials.Password password) {
            kind = "password";
            username = password.username();
            secret = secrets.seal(password.password(), secretContext(id));
            if (password.twoFactorCode() != null) twoFactor = secrets.seal(password.twoFactorCode(), twoFactorContext(id));
        } else {
            kind = "token";
            username = null;
            secret = secrets.seal(((PanelCredentials.ApiToken) credentials).token(), secretContext(id));
        }
        byte[] sealedTwoFactor = twoFactor;
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO servers (id, name, panel_base_url, auth_kind, panel_username, panel_secret, panel_two_factor,
                                             tls_pin_sha256, inbound_id, is_active, max_clients)
                        VALUES (:id, :name, :baseUrl, :kind, :username, :secret, :twoFactor, :tlsPin, :inboundId, :active, :maxClients)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, panel_base_url = excluded.panel_base_url,
                            auth_kind = excluded.auth_kind, panel_username = excluded.panel_username,
                            panel_secret = excluded.panel_secret, panel_two_factor = excluded.panel_two_factor,
                            tls_pin_sha256 = excluded.tls_pin_sha256, inbound_id = excluded.inbound_id,
                            is_active = excluded.is_active, max_clients = excluded.max_clients""")
                .bind("id", id)
                .bind("name", server.name())
                .bind("baseUrl", server.connection().baseUrl())
                .bind("kind", kind)
                .bindByType("username", username, String.class)
                .bindByType("secret", secret, byte[].class)
                .bindByType("twoFactor", sealedTwoFactor, byte[].class)
                .bindByType("tlsPin", server.connection().tlsPin(), String.class)
                .bind("inboundId", server.inboundId())
                .bind("active", server.active())
                .bind("maxClients", server.maxClients())
                .execute());
    }

    private Server server(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String secret = secrets.open(rs.getBytes("panel_secret"), secretContext(id));
        PanelCredentials credentials;
        if ("password".equals(rs.getString("auth_kind"))) {
            byte[] twoFactor = rs.getBytes("panel_two_factor");
            credentials = new PanelCredentials.Password(rs.getString("panel_username"), secret,
                    twoFactor == null ? null : secrets.open(twoFactor, twoFactorContext(id)));
        } else {
            credentials = new PanelCredentials.ApiToken(secret);
        }
        PanelConnection connection = new PanelConnection(rs.getString("panel_base_url"), credentials, rs.getString("tls_pin_sha256"));
        return new Server(new ServerId(id), rs.getString("name"), connection, rs.getInt("inbound_id"),
                rs.getBoolean("is_active"), rs.getInt("max_clients"), Math.toIntExact(rs.getLong("load")));
    }

    /** Associated data: a ciphertext opens only for the server and column it was made for. */
    private static String secretContext(long serverId) {
        return "servers/" + serverId + "/panel_secret";
    }

    private static String twoFactorContext(long serverId) {
        return "servers/" + serverId + "/panel_two_factor";
    }

    @Override
    public void delete(ServerId id) {
        db.withHandle(h -> h.createUpdate("UPDATE servers SET retired_at = now() WHERE id = :id AND retired_at IS NULL")
                .bind("id", id.value())
                .execute());
    }
}
