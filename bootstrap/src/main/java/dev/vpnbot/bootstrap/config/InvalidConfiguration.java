package dev.vpnbot.bootstrap.config;

import java.util.List;

/** The configuration cannot start the bot. Each problem is one line an operator can act on. */
public final class InvalidConfiguration extends RuntimeException {
    private final List<String> problems;

    public InvalidConfiguration(List<String> problems) {
        super(problems.size() + " configuration problem(s): " + String.join("; ", problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems to report");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
