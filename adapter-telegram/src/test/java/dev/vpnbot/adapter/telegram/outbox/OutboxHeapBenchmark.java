package dev.vpnbot.adapter.telegram.outbox;

import dev.vpnbot.adapter.telegram.TelegramSettings;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Benchmark (not a test): heap held per queued message, and how many a flood of screens may
 * queue. One chat is paced at one message an hour, so everything after the first waits; the
 * messages are screens as the bot sends them (300 characters, HTML, five rows of buttons).
 * Heap is read after a full GC before and after queueing. Uses only the sender's public face,
 * so the same class measures an older build too. Run by bench/outbox.sh.
 *
 * <p>Settings (environment): BENCH_MESSAGES (20,000 offered).
 */
public final class OutboxHeapBenchmark {

    public static void main(String[] args) throws Exception {
        int offered = Integer.parseInt(System.getenv().getOrDefault("BENCH_MESSAGES", "20000"));
        try (FakeBotApi api = FakeBotApi.start()) {
            SenderLimits oneAnHour = new SenderLimits(30, 1, Duration.ofHours(1), Duration.ofHours(1), 4, 3);
            RateLimitedSender sender = new RateLimitedSender(TelegramSettings.builder(FakeBotApi.TOKEN).apiBaseUrl(api.baseUrl()).build(),
                    chat -> {}, oneAnHour);
            sender.send(7, screen(0)).get();
            long before = usedHeapAfterGc();
            List<CompletableFuture<Object>> futures = new ArrayList<>(offered); // callers may keep them; most drop them
            int refused = 0;
            for (int i = 1; i <= offered; i++) {
                CompletableFuture<Object> f = sender.send(7, screen(i));
                if (f.isCompletedExceptionally()) refused++;
                else futures.add(f);
            }
            long after = usedHeapAfterGc();
            int queued = sender.queueLength();
            System.out.printf("offered %d screens to one paced chat: %d queued, %d refused at once; heap %+.1f MB = %.0f bytes per queued"
                            + " message; load %s%n", offered, queued, refused, (after - before) / 1e6,
                    (after - before) / (double) Math.max(1, queued), loadAverage());
            System.exit(0); // the queued messages would take hours to go
        }
    }

    private static SendMessage screen(int i) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(r + ". 🇩🇪 Frankfurt · 29 d").callbackData("ki:" + (i * 10 + r)).build()));
        }
        String text = "🔑 <b>Your keys</b>\n\n" + "1. <b>🇩🇪 Frankfurt</b> — until 12.03.2027, 29 d left\n".repeat(5) + "#" + i;
        return SendMessage.builder().chatId(7L).text(text).parseMode("HTML")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboard(rows).build()).build();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
