package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code vpnbot promo …} against real PostgreSQL: create, list, batch to CSV, disable, uses; bad words are refused. */
class PromoCommandTest {
    private static final String DATABASE = "vpnbot_promo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static Map<String, String> env;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void createDatabase(@TempDir Path dir) {
        TestDatabase db = TestDatabase.get();
        db.execute("CREATE DATABASE " + DATABASE);
        DatabaseSettings admin = db.adminSettings();
        env = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + DATABASE);
        env.put("DATABASE_USER", admin.user());
        if (admin.password() != null) env.put("DATABASE_PASSWORD", admin.password());
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

    @Test
    void codes_are_created_listed_batched_to_csv_disabled_and_bad_words_are_refused(@TempDir Path dir) throws Exception {
        assertThat(vpnbot("migrate")).isZero();

        assertThat(vpnbot("promo", "create", "summer", "percent=20", "uses=100", "expires=2026-12-31")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("code SUMMER created: 20% off; uses: 100; per user: 1; expires 2027-01-01T00:00:00Z");

        assertThat(vpnbot("promo", "create", "SUMMER", "days=7")).isEqualTo(VpnbotCommand.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("exists already");
        assertThat(vpnbot("promo", "create", "WINTER", "percent=150")).isEqualTo(VpnbotCommand.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("refused").contains("percent=150");
        assertThat(vpnbot("promo", "create", "FREEBIE", "free=9999")).isEqualTo(VpnbotCommand.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("no such tariff");

        Path csv = dir.resolve("codes.csv");
        assertThat(vpnbot("promo", "batch", "50", "FALL", "amount=1.50USD", "--csv", csv.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(51).first().isEqualTo("code,benefit,expires_at");
        assertThat(lines.subList(1, 51)).allMatch(l -> l.matches("FALL-[A-Z2-9]{8},1\\.50 USD off,"));
        assertThat(lines.stream().distinct()).hasSize(51);
        assertThat(vpnbot("promo", "batch", "5", "FALL", "percent=5", "--csv", csv.toString())).isEqualTo(VpnbotCommand.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("exists already");

        assertThat(vpnbot("promo", "list")).isZero();
        assertThat(out.toString()).contains("SUMMER").contains("active").contains(lines.get(1).split(",")[0]);

        assertThat(vpnbot("promo", "disable", "summer")).isZero();
        assertThat(vpnbot("promo", "list")).isZero();
        assertThat(out.toString().lines().filter(l -> l.startsWith("SUMMER"))).singleElement().asString().contains("disabled");

        assertThat(vpnbot("promo", "redemptions", "SUMMER")).isZero();
        assertThat(out.toString()).contains("ORDER");
        assertThat(vpnbot("promo", "redemptions", "NOSUCH")).isEqualTo(VpnbotCommand.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("no such promo code");
    }
}
