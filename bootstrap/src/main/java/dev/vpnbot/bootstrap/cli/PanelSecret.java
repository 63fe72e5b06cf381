package dev.vpnbot.bootstrap.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The panel password (or API token) for {@code server add}, read where no shell history keeps it:
 * the first line of stdin ({@code --password-stdin}), an environment variable, or a prompt on the
 * terminal. The value given on the command line still works, with a warning.
 */
final class PanelSecret {

    /** Asks the person at the terminal without echoing; null when there is no terminal. */
    @FunctionalInterface
    interface Prompt {
        char[] ask(String question);

        static Prompt console() {
            return question -> System.console() == null ? null : System.console().readPassword("%s", question);
        }
    }

    /** What is asked for: its name in sentences, and the variable that may hold it. */
    enum Kind {
        PASSWORD("password", "PANEL_PASSWORD", "--password"),
        API_TOKEN("API token", "PANEL_API_TOKEN", "--api-token");

        final String words;
        final String variable;
        final String flag;

        Kind(String words, String variable, String flag) {
            this.words = words;
            this.variable = variable;
            this.flag = flag;
        }
    }

    /** Where the command found its input and where it may complain. */
    record Sources(Map<String, String> environment, InputStream stdin, Prompt prompt, PrintWriter err) {}

    private PanelSecret() {}

    /**
     * The secret, or a refusal printed on stderr ({@link Launch.Stop} with exit code 2).
     *
     * @param onCommandLine the value given after the flag, or null/blank when none was
     * @param fromStdin     whether {@code --password-stdin} was given
     */
    static String read(Kind kind, String onCommandLine, boolean fromStdin, String forWhom, Sources in) throws Launch.Stop {
        boolean given = onCommandLine != null && !onCommandLine.isBlank();
        if (given && fromStdin) throw refuse(in.err(), "give the " + kind.words + " one way only: " + kind.flag + " VALUE or --password-stdin");
        if (fromStdin) return firstLine(kind, in);
        if (given) {
            in.err().println("warning: the " + kind.words + " given with " + kind.flag + " stays in your shell history; "
                    + "next time leave it out to be asked for it, or use --password-stdin or " + kind.variable);
            in.err().flush();
            return onCommandLine;
        }
        String variable = in.environment().get(kind.variable);
        if (variable != null && !variable.isEmpty()) return variable;
        char[] typed = in.prompt().ask("Panel " + kind.words + " for " + forWhom + ": ");
        if (typed != null && typed.length > 0) return new String(typed);
        throw refuse(in.err(), "no panel " + kind.words + ": type it when asked (that needs a terminal), pipe it in with "
                + "--password-stdin, or set " + kind.variable);
    }

    private static String firstLine(Kind kind, Sources in) throws Launch.Stop {
        String line;
        try {
            line = new BufferedReader(new InputStreamReader(in.stdin(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw refuse(in.err(), "the " + kind.words + " could not be read from standard input: " + e.getMessage());
        }
        if (line != null && line.endsWith("\r")) line = line.substring(0, line.length() - 1); // a file written on Windows
        if (line == null || line.isEmpty()) throw refuse(in.err(), "--password-stdin was given, but standard input held no " + kind.words);
        return line;
    }

    private static Launch.Stop refuse(PrintWriter err, String why) {
        err.println("refused: " + why);
        err.flush();
        return new Launch.Stop(VpnbotCommand.BAD_CONFIGURATION);
    }
}
