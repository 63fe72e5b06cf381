package dev.vpnbot.adapter.simulated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SANDBOX ONLY — the person's side of the simulated chat, in a terminal. Bot messages are
 * printed with their buttons numbered; {@code #2} presses button 2 of the latest message with
 * buttons and {@code #7.2} button 2 of message 7, so a typed number is always just text (an
 * answer to "how many days?"). {@code reply 7 text} answers message 7 as Telegram's Reply does
 * (how support answers a ticket). A line ending in {@code \} goes on on the next line, and
 * {@code """} opens a block up to the next {@code """}: multi-line messages. Pop-ups a button
 * answers with are printed; QR codes are drawn with half blocks and saved as PNG files.
 * "quit" ends the sandbox.
 */
public final class TerminalChat implements SimulatedTelegram.Screen {
    private static final Pattern PRESS = Pattern.compile("#(?:(\\d{1,9})\\.)?(\\d{1,2})");
    private static final Pattern REPLY = Pattern.compile("(?s)reply\\s+#?(\\d{1,9})\\s+(.+)");
    private static final String BLOCK = "\"\"\"";

    private final PrintStream out;
    private final Object lock = new Object();
    private final Map<Integer, List<SimulatedTelegram.Button>> buttonsOf = new HashMap<>();
    private int latestWithButtons;

    public TerminalChat(PrintStream out) {
        this.out = out;
    }

    /** Prints what the bot showed (called from the simulator's threads). */
    @Override
    public void show(SimulatedTelegram.Shown shown) {
        synchronized (lock) {
            out.println();
            out.println((shown.edit() ? "🤖 (edited #" : "🤖 #") + shown.messageId() + (shown.photo() ? " [QR code image]" : "")
                    + (shown.edit() ? ")" : ""));
            if (shown.photo() && shown.file() != null) drawPicture(shown);
            out.println(plain(shown.text()).indent(3).stripTrailing());
            List<SimulatedTelegram.Button> buttons = new ArrayList<>();
            for (List<SimulatedTelegram.Button> row : shown.keyboard()) {
                StringBuilder line = new StringBuilder("  ");
                for (SimulatedTelegram.Button b : row) {
                    if (b.data() != null) {
                        buttons.add(b);
                        line.append(" [#").append(buttons.size()).append("] ").append(b.text());
                    } else {
                        line.append(" (").append(b.text()).append(": ").append(b.url() != null ? b.url() : b.copyText()).append(')');
                    }
                }
                out.println(line);
            }
            buttonsOf.put(shown.messageId(), buttons);
            if (!buttons.isEmpty()) latestWithButtons = shown.messageId();
            else if (latestWithButtons == shown.messageId()) latestWithButtons = 0;
            prompt();
        }
    }

    @Override
    public void popup(String text, boolean alert) {
        synchronized (lock) {
            out.println();
            out.println(alert ? "⚠️ [alert, OK to close] " + text : "💬 [pop-up] " + text);
            prompt();
        }
    }

    @Override
    public void deleted(int messageId) {
        synchronized (lock) {
            buttonsOf.remove(messageId);
            if (latestWithButtons == messageId) latestWithButtons = 0;
            out.println();
            out.println("🗑 message #" + messageId + " deleted by the bot");
            prompt();
        }
    }

    private void drawPicture(SimulatedTelegram.Shown shown) {
        try {
            TerminalQr.lines(Files.readAllBytes(shown.file())).forEach(line -> out.println("   " + line));
        } catch (IOException e) {
            out.println("   (picture unreadable: " + e.getMessage() + ")");
        }
        out.println("   saved as " + shown.file().toAbsolutePath());
    }

    private void prompt() {
        out.print("> ");
        out.flush();
    }

    /** Telegram's HTML as a terminal shows it: tags dropped, entities decoded. */
    static String plain(String html) {
        return html.replaceAll("</?(b|i|u|s|code|pre|a|blockquote|tg-spoiler)( [^>]*)?>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** Reads the person's input until "quit" or end of input. */
    public void converse(BufferedReader in, SimulatedTelegram telegram) throws IOException {
        out.println("SANDBOX: simulated Telegram, simulated 3x-ui panel, simulated payments. Nothing here is real.");
        out.println("Type /start to begin. #1 presses button 1 (#7.1: of message 7); any other text is sent as a message,");
        out.println("numbers too. End a line with \\ to go on, or put text between \"\"\" lines; 'reply 7 text' answers message 7; 'quit' leaves.");
        prompt();
        for (String input; (input = nextInput(in)) != null; ) {
            if (input.equalsIgnoreCase("quit") || input.equalsIgnoreCase("exit")) return;
            if (input.isBlank()) continue;
            act(input, telegram);
        }
    }

    private void act(String input, SimulatedTelegram telegram) {
        Matcher press = PRESS.matcher(input.strip());
        Matcher reply = REPLY.matcher(input.strip());
        if (press.matches()) {
            int message;
            SimulatedTelegram.Button button;
            synchronized (lock) {
                message = press.group(1) != null ? Integer.parseInt(press.group(1)) : latestWithButtons;
                List<SimulatedTelegram.Button> buttons = buttonsOf.getOrDefault(message, List.of());
                int n = Integer.parseInt(press.group(2));
                button = n >= 1 && n <= buttons.size() ? buttons.get(n - 1) : null;
            }
            if (button == null) {
                out.println("no button " + input.strip() + " here; nothing was sent");
                prompt();
            } else {
                telegram.press(message, button.data());
            }
        } else if (reply.matches()) {
            telegram.reply(Integer.parseInt(reply.group(1)), reply.group(2));
        } else {
            telegram.type(input.strip());
        }
    }

    /** One message: a line, lines joined by a trailing backslash, or a """ block. Null at the end of input. */
    static String nextInput(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) return null;
        if (line.strip().equals(BLOCK)) {
            StringBuilder block = new StringBuilder();
            for (String next; (next = in.readLine()) != null && !next.strip().equals(BLOCK); ) {
                if (!block.isEmpty()) block.append('\n');
                block.append(next);
            }
            return block.toString();
        }
        StringBuilder text = new StringBuilder(line);
        while (text.toString().endsWith("\\")) {
            text.setLength(text.length() - 1);
            String next = in.readLine();
            if (next == null) break;
            text.append('\n').append(next);
        }
        return text.toString();
    }
}
