package dev.vpnbot.bootstrap.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.PgDump;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.adapter.telegram.TelegramAdapter;
import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.application.fixtures.InMemoryConversationStates;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase.BackupReport;
import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase.Outcome;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.service.admin.DatabaseBackups;
import dev.vpnbot.application.service.admin.DatabaseBackups.BackupPolicy;
import dev.vpnbot.domain.fixtures.UserMother;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled backup end to end: the real pg_dump against the test schema, delivered as a
 * document through the Telegram adapter to the fake Bot API; a chat the bot cannot post to, a
 * backup over the size guard and a missing pg_dump reach the admins as a clear message.
 */
@PostgresTest
class BackupToTelegramTest {
    private static final long BACKUP_CHAT = -1001234567890L;

    @TempDir
    Path dir;
    private final FakeBotApi api = FakeBotApi.start();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final OkHttpClient http = new OkHttpClient();
    private TelegramAdapter telegram;
    private TestSchema schema;
    private MutableClock clock;

    @BeforeEach
    void open(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        this.schema = schema;
        this.clock = clock;
        db.users().save(UserMother.russian(4242));
        telegram = new TelegramAdapter(TelegramSettings.builder(FakeBotApi.TOKEN).apiBaseUrl(api.baseUrl()).build(), user -> { },
                new InMemoryConversationStates(), clock, http);
    }

    @AfterEach
    void close() {
        telegram.close();
        api.close();
        http.connectionPool().evictAll();
    }

    private DatabaseBackups backups(String pgDump, long maxBytes) {
        return new DatabaseBackups(new PgDump(schema.settings(), pgDump, Duration.ofMinutes(2)), clock, new BackupPolicy(dir, 3, maxBytes))
                .deliveringTo(telegram.backupChannel(List.of(BACKUP_CHAT)), notifier);
    }

    @Test
    void a_real_pg_dump_reaches_the_backup_chat_as_a_document() throws Exception {
        BackupReport report = backups("pg_dump", 50L * 1_048_576).backUp();

        assertThat(report.outcome()).as(report.problem()).isEqualTo(Outcome.SENT);
        FakeBotApi.Call sent = api.awaitCalls("senddocument", 1, Duration.ofSeconds(10)).get(0);
        assertThat(sent.chatId()).isEqualTo(BACKUP_CHAT);
        assertThat(sent.file()).isEqualTo(Files.readAllBytes(report.file()));
        assertThat(new String(sent.file(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("PGDMP");
        assertThat(sent.params().get("caption")).contains("pg_restore --clean --if-exists --no-owner");
        assertThat(notifier.alerts()).isEmpty();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary files left").containsExactly(report.file().getFileName().toString());
        }
    }

    @Test
    void a_backup_chat_the_bot_cannot_post_to_is_a_clear_message_to_the_admins() {
        api.failNext("senddocument", 403, "Forbidden: bot is not a member of the supergroup chat", null);

        BackupReport report = backups("pg_dump", 50L * 1_048_576).backUp();

        assertThat(report.outcome()).isEqualTo(Outcome.KEPT_UNDELIVERED);
        assertThat(report.file()).exists();
        assertThat(notifier.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AdminAlert.Kind.BACKUP_NOT_DELIVERED);
            assertThat(a.detail()).startsWith("the bot may not post in chat " + BACKUP_CHAT + ": add it to the chat")
                    .contains("Telegram said: 403 Forbidden: bot is not a member").contains("kept at " + report.file().toAbsolutePath());
        });

        api.failNext("senddocument", 400, "Bad Request: chat not found", null);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backups("pg_dump", 50L * 1_048_576).backUp().problem())
                .startsWith("Telegram knows no chat " + BACKUP_CHAT + ": check BACKUP_CHAT_ID");
    }

    @Test
    void a_backup_over_the_size_guard_is_not_sent_and_a_missing_pg_dump_is_named() {
        BackupReport large = backups("pg_dump", 1_000).backUp();
        assertThat(large.outcome()).isEqualTo(Outcome.KEPT_TOO_LARGE);
        assertThat(api.calls("senddocument")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        BackupReport missing = backups(dir.resolve("no-such-pg_dump").toString(), 1_000).backUp();
        assertThat(missing.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(missing.problem()).contains("pg_dump could not be started").contains("PG_DUMP=");
        assertThat(notifier.alerts()).extracting(AdminAlert::kind)
                .containsExactly(AdminAlert.Kind.BACKUP_NOT_DELIVERED, AdminAlert.Kind.BACKUP_FAILED);
    }
}
