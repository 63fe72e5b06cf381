package dev.vpnbot.application.service.fulfilment;

import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.model.panel.PanelRepair.Fix;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one drift-repair round tells the admins: one message listing per server what was fixed,
 * and one listing the clients whose panel answer could not be trusted. Both are bounded, because
 * a whole panel restored from a backup would otherwise make a message Telegram refuses.
 */
final class DriftReport {
    /** Keys named per server; the rest are counted. */
    static final int KEYS_NAMED_PER_SERVER = 10;
    /** Untrusted clients named per round; the rest are counted. */
    static final int PROBLEMS_NAMED = 15;
    /** Well under Telegram's 4096 characters, leaving room for the alert's title. */
    static final int MAX_DETAIL = 3500;
    private static final int MAX_PROBLEM_MESSAGE = 160;

    private final Map<ServerId, ServerFixes> fixed = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int problemsNotNamed;

    private static final class ServerFixes {
        final String title;
        final Map<Fix, Integer> counts = new EnumMap<>(Fix.class);
        final List<String> keys = new ArrayList<>();
        int keysRepaired;

        ServerFixes(Server server) {
            title = server.name() + " (server " + server.id() + ")";
        }
    }

    void fixed(Server server, VpnKey key, Set<Fix> fixes) {
        ServerFixes s = fixed.computeIfAbsent(server.id(), id -> new ServerFixes(server));
        s.keysRepaired++;
        fixes.forEach(f -> s.counts.merge(f, 1, Integer::sum));
        if (s.keys.size() < KEYS_NAMED_PER_SERVER) s.keys.add("#" + key.id() + " " + key.client().email() + ": " + names(fixes));
    }

    void untrusted(Server server, VpnKey key, String problem, String message) {
        if (problems.size() >= PROBLEMS_NAMED) {
            problemsNotNamed++;
            return;
        }
        String why = message == null ? "" : " — " + shorten(message);
        problems.add(server.name() + " (server " + server.id() + "), key #" + key.id() + " " + key.client().email()
                + ": " + problem + why);
    }

    /** The round's report of repairs, if anything was repaired. */
    Optional<AdminAlert> fixedAlert() {
        if (fixed.isEmpty()) return Optional.empty();
        StringBuilder text = new StringBuilder();
        for (ServerFixes s : fixed.values()) {
            if (!text.isEmpty()) text.append('\n');
            text.append(s.title).append(": ").append(s.keysRepaired).append(" key(s) put back as paid — ");
            List<String> counts = new ArrayList<>();
            s.counts.forEach((fix, n) -> counts.add(fix.name() + " " + n));
            text.append(String.join(", ", counts));
            for (String key : s.keys) text.append("\n• ").append(key);
            if (s.keysRepaired > s.keys.size()) text.append("\n• … and ").append(s.keysRepaired - s.keys.size()).append(" more");
        }
        return Optional.of(new AdminAlert(AdminAlert.Kind.PANEL_DRIFT_REPAIRED, bounded(text)));
    }

    /** The round's newly seen untrustworthy answers, if there were any. */
    Optional<AdminAlert> untrustedAlert() {
        if (problems.isEmpty()) return Optional.empty();
        StringBuilder text = new StringBuilder("Nothing was written for these clients; they are tried again every round:");
        for (String p : problems) text.append("\n• ").append(p);
        if (problemsNotNamed > 0) text.append("\n• … and ").append(problemsNotNamed).append(" more");
        return Optional.of(new AdminAlert(AdminAlert.Kind.PANEL_CLIENT_UNTRUSTED, bounded(text)));
    }

    private static String names(Set<Fix> fixes) {
        return String.join(", ", EnumSet.copyOf(fixes).stream().map(Fix::name).toList());
    }

    private static String shorten(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_PROBLEM_MESSAGE ? oneLine : oneLine.substring(0, MAX_PROBLEM_MESSAGE - 1) + "…";
    }

    private static String bounded(StringBuilder text) {
        return text.length() <= MAX_DETAIL ? text.toString() : text.substring(0, MAX_DETAIL - 1) + "…";
    }
}
