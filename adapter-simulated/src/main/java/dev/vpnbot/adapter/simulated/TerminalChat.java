package dev.vpnbot.adapter.simulated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * SANDBOX ONLY — the person's side of the simulated chat, in a terminal. Bot messages are
 * printed with their buttons numbered; typing a number presses that button of the latest
 * message that has buttons, anything else is sent as a message, and "quit" ends the sandbox.
 */
public final class TerminalChat {
    private final PrintStream out;
    private final Object lock = new Object();
    private List<SimulatedTelegram.Button> pressable = List.of();
    private int pressableMessage;

    public TerminalChat(PrintStream out) {
        this.out = out;
    }

    /** Prints what the bot showed (called from the simulator's threads). */
    public void show(SimulatedTelegram.Shown shown) {
        synchronized (lock) {
            out.println();
            out.println((shown.edit() ? "🤖 (edited #" : "🤖 #") + shown.messageId() + (shown.photo() ? " [QR code image]" : "")
                    + (shown.edit() ? ")" : ""));
            out.println(plain(shown.text()).indent(3).stripTrailing());
            List<SimulatedTelegram.Button> buttons = new ArrayList<>();
            for (List<SimulatedTelegram.Button> row : shown.keyboard()) {
                StringBuilder line = new StringBuilder("  ");
                for (SimulatedTelegram.Button b : row) {
                    if (b.data() != null) {
                        buttons.add(b);
                        line.append(" [").append(buttons.size()).append("] ").append(b.text());
                    } else {
                        line.append(" (").append(b.text()).append(": ").append(b.url() != null ? b.url() : b.copyText()).append(')');
                    }
                }
                out.println(line);
            }
            if (!buttons.isEmpty()) {
                pressable = buttons;
                pressableMessage = shown.messageId();
            }
            out.print("> ");
            out.flush();
        }
    }

    /** Telegram's HTML as a terminal shows it: tags dropped, entities decoded. */
    static String plain(String html) {
        return html.replaceAll("</?(b|i|u|s|code|pre|a)( [^>]*)?>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** Reads the person's input until "quit" or end of input. */
    public void converse(BufferedReader in, SimulatedTelegram telegram) throws IOException {
        out.println("SANDBOX: simulated Telegram, simulated 3x-ui panel, simulated payments. Nothing here is real.");
        out.println("Type /start to begin, a number to press a button, any text to send it, 'quit' to leave.");
        out.print("> ");
        out.flush();
        for (String line; (line = in.readLine()) != null; ) {
            String input = line.strip();
            if (input.equalsIgnoreCase("quit") || input.equalsIgnoreCase("exit")) return;
            if (input.isEmpty()) continue;
            SimulatedTelegram.Button button = button(input);
            if (button != null) {
                telegram.press(pressableMessage, button.data());
            } else {
                telegram.type(input);
            }
        }
    }

    private SimulatedTelegram.Button button(String input) {
        if (!input.matches("\\d{1,2}")) return null;
        synchronized (lock) {
            int n = Integer.parseInt(input);
            return n >= 1 && n <= pressable.size() ? pressable.get(n - 1) : null;
        }
    }
}
