package dev.vpnbot.bootstrap.health;

import dev.vpnbot.adapter.heleket.HeleketPaymentGateway;
import dev.vpnbot.adapter.heleket.HeleketSettings;
import dev.vpnbot.adapter.postgres.DatabaseCheckup;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.telegram.TelegramAdapter;
import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.bootstrap.config.AppConfig;
import dev.vpnbot.bootstrap.config.DatabaseLocation;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * {@code vpnbot doctor}'s checks after the configuration: the database (version, migrations,
 * what the login may do), Telegram ({@code getMe}), Heleket (one signed call) and every stored
 * server's panel (login, inbound, certificate pin). Each check is one {@link Checkup}; a check
 * that cannot run because an earlier one failed says so instead of failing again.
 */
public final class Doctor {
    /** Heleket is asked about an order id that never exists: a signed call that changes nothing. */
    static final PublicOrderId PROBE_ORDER = new PublicOrderId("vpnbot-doctor-probe");
    private static final int SUPPORTED_POSTGRES = 150000;

    private final AppConfig config;
    private final OkHttpClient http;

    public Doctor(AppConfig config, OkHttpClient http) {
        this.config = config;
        this.http = http;
    }

    /** The database's version, migrations and role; empty report list means it could not be reached (one fail line). */
    public List<Checkup> database(DatabaseLocation location) {
        DatabaseSettings settings = new DatabaseSettings(location.jdbcUrl(), location.user(),
                location.password() == null ? null : location.password().reveal());
        DatabaseCheckup.Report report;
        try {
            report = DatabaseCheckup.run(settings);
        } catch (RuntimeException e) {
            return List.of(Checkup.fail("database", e.getMessage() + "; check DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD"));
        }
        List<Checkup> lines = new ArrayList<>();
        String where = "PostgreSQL " + report.serverVersion() + " at " + settings.target();
        lines.add(report.serverVersionNumber() >= SUPPORTED_POSTGRES ? Checkup.ok("database", where)
                : Checkup.warn("database", where + ": older than PostgreSQL 15, which the bot is built and tested for"));
        lines.add(migrations(settings.schema(), report));
        lines.add(role(report));
        return lines;
    }

    static Checkup migrations(String schema, DatabaseCheckup.Report report) {
        String applied = "schema " + schema + " at version " + (report.schemaVersion() == null ? "none" : report.schemaVersion())
                + " (" + report.applied() + " applied)";
        if (report.pending().isEmpty()) return Checkup.ok("migrations", applied + ", none pending");
        String pending = report.pending().size() + " pending (" + String.join(", ", report.pending()) + ")";
        if (!report.mayChangeSchema()) {
            return Checkup.fail("migrations", applied + ", " + pending + ": this login may not apply them; run `vpnbot migrate` "
                    + "with the owner's login (docs/DATABASE.md, Least privilege)");
        }
        return Checkup.warn("migrations", applied + ", " + pending + ": the bot applies them at its next start (or `vpnbot migrate`)");
    }

    static Checkup role(DatabaseCheckup.Report report) {
        if (report.superuser()) {
            return Checkup.warn("database role", "user " + report.user() + " is a superuser: run the bot as a runtime role that "
                    + "only reads and writes rows (docs/DATABASE.md, Least privilege)");
        }
        return Checkup.ok("database role", "user " + report.user() + (report.mayChangeSchema()
                ? " may change the schema (the owner's login: the bot migrates at start)"
                : " reads and writes rows only (the runtime role)"));
    }

    public Checkup telegram() {
        TelegramSettings settings = TelegramSettings.builder(config.telegram().botToken().reveal())
                .apiBaseUrl(config.telegram().apiUrl().toString()).longPolling().build();
        try {
            return Checkup.ok("telegram", "getMe: " + TelegramAdapter.whoAmI(settings, http));
        } catch (IllegalStateException e) {
            return Checkup.fail("telegram", e.getMessage());
        }
    }

    /** @param heleket the adapter's settings as the bot's wiring makes them; empty when Heleket is not configured */
    public Checkup heleket(Optional<HeleketSettings> heleket) {
        return heleket.map(settings -> {
            try {
                new HeleketPaymentGateway(settings, http).paymentInfo(PROBE_ORDER);
                return Checkup.ok("heleket", "a signed call to " + config.heleket().apiUrl() + " was answered: merchant and key accepted");
            } catch (RuntimeException e) {
                return Checkup.fail("heleket", e.getMessage() + "; check HELEKET_MERCHANT_ID, HELEKET_API_KEY and HELEKET_API_URL");
            }
        }).orElseGet(() -> config.heleket().testMode()
                ? Checkup.warn("heleket", "not configured: test payments only (PAYMENT_TEST_MODE), nobody pays real money")
                : Checkup.fail("heleket", "not configured: set HELEKET_MERCHANT_ID and HELEKET_API_KEY"));
    }

    /** Every stored server's panel, through the same test the admin panel runs, as {@code operator}. */
    public static List<Checkup> panels(ManageServersUseCase servers, UserId operator) {
        List<Server> all = servers.listServers(operator);
        if (all.isEmpty()) return List.of(Checkup.warn("panels", "no server stored yet: nothing can be sold (vpnbot server add)"));
        List<Checkup> lines = new ArrayList<>();
        for (Server server : all) {
            String subject = "panel '" + server.name() + "'";
            try {
                lines.add(panel(subject, server, servers.testServer(operator, server.id())));
            } catch (RuntimeException e) {
                lines.add(Checkup.fail(subject, e.getMessage()));
            }
        }
        return lines;
    }

    private static Checkup panel(String subject, Server server, PanelProbe probe) {
        if (!probe.ok()) return Checkup.fail(subject, probe.problem().kind() + ": " + probe.problem().message());
        String certificate = Optional.ofNullable(probe.certificate())
                .map(c -> server.connection().tlsPin() != null ? ", certificate pin matches" : c.trusted() ? ", certificate trusted" : "")
                .orElse(", plain http");
        String detail = "login accepted, inbound " + server.inboundId() + " found" + certificate
                + (server.active() ? "" : " (the server is switched off)");
        return probe.certificate() == null ? Checkup.warn(subject, detail + ": the panel password travels unencrypted")
                : Checkup.ok(subject, detail);
    }

    /** Exit code: non-zero when any line failed. */
    public static int exitCode(List<Checkup> lines, int failed) {
        return lines.stream().anyMatch(l -> l.verdict() == Checkup.Verdict.FAIL) ? failed : 0;
    }
}
