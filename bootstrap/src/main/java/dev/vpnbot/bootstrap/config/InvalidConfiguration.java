package dev.vpnbot.bootstrap.config;

import java.util.List;

/**
 * The configuration cannot start the bot. Each problem is one line an operator can act on; the
 * likely typos found on the way come along, since a misspelt name is often why a value is missing.
 */
public final class InvalidConfiguration extends RuntimeException {
    private final List<String> problems;
    private final List<String> typos;

    public InvalidConfiguration(List<String> problems) {
        this(problems, List.of());
    }

    public InvalidConfiguration(List<String> problems, List<String> typos) {
        super(problems.size() + " configuration problem(s): " + String.join("; ", problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems to report");
        this.problems = List.copyOf(problems);
        this.typos = List.copyOf(typos);
    }

    public List<String> problems() {
        return problems;
    }

    /** Unknown variable names that look like misspellings of known ones. */
    public List<String> typos() {
        return typos;
    }
}
