package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.DatabaseCheckup;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The owner/runtime split of docs/DATABASE.md as the shipped deployment runs it: the owner
 * migrates and grants ({@code migrate --grant-runtime-role}), the bot serves as the runtime role
 * (never a superuser), and docker compose, its init script and the Dockerfile say exactly that.
 */
class RuntimeRoleDeploymentTest {
    private static final Path ROOT = Path.of("..");

    @TempDir
    Path dir;

    private int vpnbot(Map<String, String> env, StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new VpnbotCommand(env));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        String[] all = new String[args.length + 2];
        all[0] = "--env-file";
        all[1] = dir.resolve("absent.env").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    @Test
    void the_owner_migrates_and_grants_and_the_bot_then_serves_as_the_runtime_role() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String database = "vpnbot_roles_" + suffix, owner = "vpnbot_owner_" + suffix, app = "vpnbot_app_" + suffix;
        TestDatabase admin = TestDatabase.get();
        admin.execute("CREATE ROLE " + owner + " LOGIN PASSWORD 'owner-pw'");
        admin.execute("CREATE ROLE " + app + " LOGIN PASSWORD 'app-pw'");
        admin.execute("CREATE DATABASE " + database + " OWNER " + owner);
        try {
            DatabaseSettings a = admin.adminSettings();
            String url = "jdbc:postgresql://" + a.host() + ":" + a.port() + "/" + database;
            Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", url, "DATABASE_USER", owner, "DATABASE_PASSWORD", "owner-pw",
                    "SECRET_KEY", SecretBox.newKey(), "DATA_DIR", dir.toString()));
            StringWriter migrated = new StringWriter();
            assertThat(vpnbot(env, migrated, "migrate", "--grant-runtime-role", app)).as(migrated.toString()).isZero();
            assertThat(migrated.toString()).contains("role " + app + " may read and write rows, and nothing more");

            env.put("DATABASE_USER", app);
            env.put("DATABASE_PASSWORD", "app-pw");
            DatabaseSettings runtime = new DatabaseSettings(url, app, "app-pw");
            assertThat(DatabaseCheckup.mayChangeSchema(runtime)).isFalse();
            StringWriter listed = new StringWriter();
            // the bot's own database wiring, as the runtime role: it serves without migrating
            assertThat(vpnbot(env, listed, "tariff", "list")).as(listed.toString()).isZero();
            assertThat(DatabaseCheckup.run(runtime).superuser()).isFalse();
        } finally {
            admin.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            admin.execute("DROP ROLE IF EXISTS " + app);
            admin.execute("DROP ROLE IF EXISTS " + owner);
        }
    }

    @Test
    void docker_compose_ships_the_owner_runtime_split_and_the_container_listens_beyond_loopback() throws Exception {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        String init = Files.readString(ROOT.resolve("deploy/postgres/init-roles.sh"));
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        String bot = compose.substring(compose.indexOf("\n  bot:"));
        String migrate = compose.substring(compose.indexOf("\n  migrate:"), compose.indexOf("\n  bot:"));
        assertThat(bot).contains("DATABASE_USER: vpnbot_app").contains("DATABASE_PASSWORD: ${VPNBOT_APP_PASSWORD}")
                .contains("condition: service_completed_successfully").contains("HTTP_BIND: 0.0.0.0");
        assertThat(migrate).contains("DATABASE_USER: vpnbot_owner").contains("\"migrate\", \"--grant-runtime-role\", \"vpnbot_app\"");
        assertThat(compose).contains("./deploy/postgres/init-roles.sh:/docker-entrypoint-initdb.d/");
        assertThat(init).contains("CREATE ROLE vpnbot_owner LOGIN").contains("CREATE ROLE vpnbot_app LOGIN")
                .contains("CREATE DATABASE vpnbot OWNER vpnbot_owner").doesNotContain("SUPERUSER");
        assertThat(dockerfile).contains("HTTP_BIND=0.0.0.0");
    }

    @Test
    void the_nginx_sample_never_logs_connect_links_or_subscription_paths() throws Exception {
        String nginx = Files.readString(ROOT.resolve("deploy/nginx/vpnbot.conf"));

        for (String location : new String[] {"location = /connect {", "location ^~ /sub/ {"}) {
            int start = nginx.indexOf(location);
            assertThat(start).as(location).isNotNegative();
            assertThat(nginx.substring(start, nginx.indexOf('}', start))).as(location).contains("access_log off;");
        }
    }
}
