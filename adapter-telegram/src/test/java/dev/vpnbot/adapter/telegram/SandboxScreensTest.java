package dev.vpnbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.simulated.SimulatedTelegram;
import dev.vpnbot.adapter.simulated.TerminalChat;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the bot looks like: the main screens as the sandbox's terminal shows them, typed and
 * pressed through the sandbox's own simulated Telegram and terminal chat in front of the real
 * Telegram adapter (shop in memory, simulated panel, test payments, a fixed clock). Each run writes
 * the transcripts to {@code target/screens}; with {@code -Dscreens.update=true} (docs/screens/make.sh)
 * also to {@code docs/screens}, which the README shows.
 */
class SandboxScreensTest {
    private static final long PERSON = 100001;

    @TempDir
    Path files;

    @Test
    void the_buyer_screens_in_english() throws Exception {
        String screens = transcript("en", "buyer-en.txt", session -> {
            session.type("/start");
            session.type("#1");          // Buy
            session.type("#1");          // 1 month
            session.type("#1");          // the server the bot picks
            session.type("#1");          // Pay (test): the Pay link above it is a URL button
            session.deliver();
            session.type("/keys");
            session.type("#1");          // the key
            session.type("#2");          // Extend
            session.type("#1");          // 1 month
            session.type("#1");          // Pay (test)
            session.deliver();
            session.type("/start");
            session.type("#3");          // How to connect
            session.type("#1");          // Android
            session.type("/timezone");
            session.type("Novosibirsk");
            session.type("/support");
            session.type("\"\"\"\nThe VPN stopped working this morning.\nI am on Android 14.\n\"\"\"");
            session.type("reply " + session.messageWith("Request #id") + " Please update the app and try again.");
        });
        assertThat(screens).contains("Hi, Sandy!").contains("[QR code image]").contains("▀").contains("Extends your key").contains("Your key is being extended")
                .contains("Novosibirsk (UTC+7)").contains("Request #id" + PERSON).contains("[active]")
                .contains("Support replied:").contains("1. Install Happ or another app below");
    }

    @Test
    void the_admin_screens_in_english() throws Exception {
        String screens = transcript("en", "admin-en.txt", session -> {
            session.type("/start");
            session.type("#1");
            session.type("#1");
            session.type("#1");
            session.type("#1");
            session.deliver();
            session.type("/admin");
            session.type("#2");          // Tariffs
            session.type("#4");          // Pause sales
            session.type("Moving to new servers, back by 18:00");
            session.type("/user " + PERSON);
            session.type("/stats");
        });
        assertThat(screens).contains("Admin panel").contains("Sales paused").contains("Moving to new servers")
                .contains("Telegram id: " + PERSON);
    }

    @Test
    void the_buyer_screens_in_russian() throws Exception {
        String screens = transcript("ru", "buyer-ru.txt", session -> {
            session.type("/start");
            session.type("#1");
            session.type("#1");
            session.type("#1");
            session.type("#3");          // Check payment before paying: a pop-up, the screen stays (#2: I have a promo code)
            session.type("#1");
            session.deliver();
            session.type("/keys");
            session.type("/timezone");
        });
        assertThat(screens).contains("💬 [pop-up] Оплата ещё не поступила").contains("Привет, Sandy!").contains("Часовой пояс").contains("Москва (UTC+3)");
    }

    interface Script {
        void run(Session session) throws Exception;
    }

    /** Feeds the terminal one line at a time and waits until the bot has answered it. */
    static final class Session {
        private final BotRig rig;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final AtomicInteger events;
        private final AtomicLong lastEventNanos;
        private final Map<Integer, String> shown;

        Session(BotRig rig, AtomicInteger events, AtomicLong lastEventNanos, Map<Integer, String> shown) {
            this.rig = rig;
            this.events = events;
            this.lastEventNanos = lastEventNanos;
            this.shown = shown;
        }

        void type(String input) throws InterruptedException {
            int before = events.get();
            lines.put(input + "\n");
            settle(before);
        }

        /** The fulfilment worker runs, as the scheduler would after a payment. */
        void deliver() throws InterruptedException {
            int before = events.get();
            rig.deliverDueKeys();
            settle(before);
        }

        /** The latest message whose text contains {@code text} (to answer it with "reply"). */
        int messageWith(String text) {
            return shown.entrySet().stream().filter(e -> e.getValue().contains(text)).mapToInt(Map.Entry::getKey).max()
                    .orElseThrow(() -> new AssertionError("no message with " + text));
        }

        /** Something new showed, the sender is idle and the screen has been still for a moment. */
        private void settle(int before) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                boolean still = System.nanoTime() - lastEventNanos.get() > Duration.ofMillis(300).toNanos();
                if (events.get() > before && still && rig.sender.awaitIdle(Duration.ofSeconds(5))) return;
                Thread.sleep(20);
            }
            throw new AssertionError("the bot did not answer in time");
        }

        Reader reader() {
            return new Reader() {
                private String current = "";
                private int at;

                @Override
                public int read(char[] buffer, int offset, int length) throws IOException {
                    if (at >= current.length()) {
                        try {
                            current = lines.take();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return -1;
                        }
                        at = 0;
                        if (current.isEmpty()) return -1;
                    }
                    int n = Math.min(length, current.length() - at);
                    current.getChars(at, at + n, buffer, offset);
                    at += n;
                    return n;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private String transcript(String language, String name, Script script) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        TerminalChat chat = new TerminalChat(out);
        AtomicInteger events = new AtomicInteger();
        AtomicLong lastEvent = new AtomicLong(System.nanoTime());
        Map<Integer, String> texts = new ConcurrentHashMap<>();
        SimulatedTelegram.Screen recorder = new SimulatedTelegram.Screen() {
            @Override
            public void show(SimulatedTelegram.Shown shown) {
                chat.show(shown);
                texts.put(shown.messageId(), shown.text());
                tick();
            }

            @Override
            public void popup(String text, boolean alert) {
                chat.popup(text, alert);
                tick();
            }

            private void tick() {
                lastEvent.set(System.nanoTime());
                events.incrementAndGet();
            }
        };
        try (SimulatedTelegram telegram = new SimulatedTelegram(PERSON, "Sandy", language, files, recorder);
             BotRig rig = BotRig.started(ignored -> TelegramSettings.builder(SimulatedTelegram.TOKEN).apiBaseUrl(telegram.baseUrl())
                     .adminIds(Set.of(PERSON)).defaultZone(BotRig.MOSCOW).paymentTestMode(true))) {
            Session session = new Session(rig, events, lastEvent, texts);
            Thread person = new Thread(() -> {
                try {
                    chat.converse(new BufferedReader(session.reader()), telegram);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "screens-person");
            person.setDaemon(true);
            person.start();
            try {
                script.run(session);
            } finally {
                session.lines.put("quit\n");
                person.join(Duration.ofSeconds(10).toMillis());
                write(Path.of("target", "screens"), name, screen.toString(StandardCharsets.UTF_8));
            }
        }
        String text = screen.toString(StandardCharsets.UTF_8).replace(files.toAbsolutePath().toString(), "DATA_DIR/sandbox/files")
                .replaceAll("> (?=\\n|$)", "").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
        write(Path.of("target", "screens"), name, text);
        if (Boolean.getBoolean("screens.update")) write(Path.of("..", "docs", "screens"), name, text);
        return text;
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
