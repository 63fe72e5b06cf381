package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.adapter.postgres.SecretBox;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;

/**
 * What the operator's command tests share: a database of their own on the test server, a fake
 * 3x-ui panel, the environment `vpnbot` reads them from, and `vpnbot …` run with its output kept.
 */
final class OperatorCli implements AutoCloseable {
    final String database;
    final FakeThreeXuiPanel panel;
    final Map<String, String> env = new HashMap<>();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private OperatorCli(String databasePrefix, Path dataDir) {
        database = databasePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        panel = new FakeThreeXuiPanel().start();
        TestDatabase db = TestDatabase.get();
        db.execute("CREATE DATABASE " + database);
        DatabaseSettings admin = db.adminSettings();
        env.put("DATABASE_URL", "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + database);
        env.put("DATABASE_USER", admin.user());
        if (admin.password() != null) env.put("DATABASE_PASSWORD", admin.password());
        env.put("SECRET_KEY", SecretBox.newKey());
        env.put("DATA_DIR", dataDir.toString());
    }

    /** @param databasePrefix the new database's name before its random part, e.g. {@code vpnbot_cli_} */
    static OperatorCli start(String databasePrefix, Path dataDir) {
        return new OperatorCli(databasePrefix, dataDir);
    }

    /** Forgets what earlier commands printed. */
    void freshOutput() {
        out = new StringWriter();
        err = new StringWriter();
    }

    int vpnbot(String... args) {
        return vpnbot(env, "", null, args);
    }

    /** {@code vpnbot} with this environment, this text on stdin, and this answer at a password prompt (null: no terminal). */
    int vpnbot(Map<String, String> environment, String stdin, String typed, String... args) {
        PanelSecret.Prompt prompt = question -> typed == null ? null : typed.toCharArray();
        CommandLine cli = new CommandLine(new VpnbotCommand(environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), prompt));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--env-file";
        all[1] = "/nonexistent/.env";
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    @Override
    public void close() {
        panel.close();
        TestDatabase.get().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
}
