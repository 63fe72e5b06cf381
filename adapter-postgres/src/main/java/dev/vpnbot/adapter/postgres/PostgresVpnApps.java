package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.VpnApps;
import dev.vpnbot.domain.app.AppPlatform;
import dev.vpnbot.domain.app.ImportTemplate;
import dev.vpnbot.domain.app.VpnApp;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: the app list in {@code vpn_apps}. */
final class PostgresVpnApps implements VpnApps {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PostgresVpnApps.class);
    private static final String ORDER = " ORDER BY array_position(ARRAY['ANDROID','IOS','WINDOWS','MACOS','LINUX'], platform), position, code";

    private final Database db;

    PostgresVpnApps(Database db) {
        this.db = db;
    }

    @Override
    public List<VpnApp> all() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM vpn_apps" + ORDER).map((rs, ctx) -> app(rs)).list())
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Optional<VpnApp> find(AppPlatform platform, String code) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM vpn_apps WHERE platform = :platform AND code = :code")
                .bind("platform", platform.name())
                .bind("code", code)
                .map((rs, ctx) -> app(rs))
                .findOne()
                .filter(java.util.Objects::nonNull));
    }

    @Override
    public void save(VpnApp app) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO vpn_apps (platform, code, name, store_url, import_template, position, enabled, is_default)
                        VALUES (:platform, :code, :name, :store, :template, :position, :enabled, :isDefault)
                        ON CONFLICT (platform, code) DO UPDATE SET name = excluded.name, store_url = excluded.store_url,
                            import_template = excluded.import_template, position = excluded.position,
                            enabled = excluded.enabled, is_default = excluded.is_default""")
                .bind("platform", app.platform().name())
                .bind("code", app.code())
                .bind("name", app.name())
                .bind("store", app.storeUrl())
                .bind("template", app.template() == null ? null : app.template().pattern())
                .bind("position", app.position())
                .bind("enabled", app.enabled())
                .bind("isDefault", app.isDefault())
                .execute());
    }

    /** The row as an app; null (left out, logged) for a row written around the rules, e.g. by hand in SQL. */
    private static VpnApp app(ResultSet rs) throws SQLException {
        String template = rs.getString("import_template");
        try {
            return row(rs, template);
        } catch (IllegalArgumentException e) {
            LOG.warn("vpn_apps row {}/{} is left out: {}", rs.getString("platform"), rs.getString("code"), e.getMessage());
            return null;
        }
    }

    private static VpnApp row(ResultSet rs, String template) throws SQLException {
        return new VpnApp(AppPlatform.valueOf(rs.getString("platform")), rs.getString("code"), rs.getString("name"),
                rs.getString("store_url"), template == null ? null : new ImportTemplate(template), rs.getInt("position"),
                rs.getBoolean("enabled"), rs.getBoolean("is_default"));
    }
}
