package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vpnbot app list|add|edit|disable|enable|default} against real PostgreSQL, seeded by V18. */
class AppCommandsTest {
    private static final String DATABASE = "vpnbot_apps_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static Map<String, String> env;
    private static DatabaseSettings admin;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void createDatabase(@TempDir Path dir) {
        TestDatabase db = TestDatabase.get();
        db.execute("CREATE DATABASE " + DATABASE);
        admin = db.adminSettings();
        env = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + DATABASE);
        env.put("DATABASE_USER", admin.user());
        if (admin.password() != null) env.put("DATABASE_PASSWORD", admin.password());
        env.put("SECRET_KEY", SecretBox.newKey());
        env.put("DATA_DIR", dir.toString());
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.get().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @BeforeEach
    void freshOutput() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int vpnbot(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new VpnbotCommand(env, new ByteArrayInputStream(new byte[0]), question -> null));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--env-file", "/nonexistent/.env"));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    private static String row(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(env.get("DATABASE_URL"), admin.user(), admin.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void the_operator_lists_adds_switches_off_and_chooses_the_default_app_and_a_forbidden_scheme_saves_nothing() throws Exception {
        assertThat(vpnbot("migrate")).as(err.toString()).isZero();
        assertThat(vpnbot("app", "list")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("android  1   happ         Happ             on       default  happ://add/{url}")
                .contains("linux    2   v2rayn       v2rayN           on       -        (no one-tap import)");

        assertThat(vpnbot("app", "add", "linux", "singbox", "--name", "sing-box", "--store", "https://github.com/SagerNet/sing-box/releases",
                "--template", "sing-box://import-remote-profile?url={url_encoded}")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("linux    3   singbox");

        assertThat(vpnbot("app", "add", "linux", "evil", "--name", "Evil", "--store", "https://evil.example",
                "--template", "javascript:alert(document.cookie)//{url}")).isNotZero();
        assertThat(err.toString()).contains("refused").contains("'javascript:' is not allowed");
        assertThat(vpnbot("app", "edit", "linux", "hiddify", "--name", "Hiddify", "--store", "https://github.com/hiddify/hiddify-app/releases",
                "--template", "https://evil.example/?u={url_encoded}")).isNotZero();
        assertThat(err.toString()).contains("'https:' is not allowed");
        assertThat(row("SELECT count(*) FROM vpnbot.vpn_apps WHERE code = 'evil'")).isEqualTo("0");
        assertThat(row("SELECT import_template FROM vpnbot.vpn_apps WHERE platform = 'LINUX' AND code = 'hiddify'")).isEqualTo("hiddify://import/{url}");

        assertThat(vpnbot("app", "default", "linux", "singbox")).as(err.toString()).isZero();
        assertThat(vpnbot("app", "disable", "linux", "hiddify")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("hiddify").contains("off");
        assertThat(row("SELECT string_agg(code || ':' || enabled || ':' || is_default, ' ' ORDER BY position) FROM vpnbot.vpn_apps WHERE platform = 'LINUX'"))
                .isEqualTo("hiddify:false:false v2rayn:true:false singbox:true:true");
        assertThat(vpnbot("app", "disable", "symbian", "happ")).isNotZero();
        assertThat(err.toString()).contains("'symbian' is not a platform");
    }
}
