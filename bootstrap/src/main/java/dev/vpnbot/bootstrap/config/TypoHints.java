package dev.vpnbot.bootstrap.config;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which known variable an unknown name was probably meant to be: {@code BOT_TOKNE},
 * {@code bot_token}, {@code ADMIN_ID}, {@code TIMEZONE} or {@code VPNBOT_SECRET_KEY}. Only close
 * names count (two edits at most, or the same letters with other underscores), so the many other
 * variables of a shell environment are never mistaken for ours.
 */
final class TypoHints {
    private static final int MAX_EDITS = 2;
    private static final int MIN_LENGTH = 5;
    /** Our own prefix, which the bot's variables do not carry: VPNBOT_BOT_TOKEN means BOT_TOKEN. */
    private static final String PREFIX = "VPNBOT_";

    private TypoHints() {}

    /** The known name {@code name} was most likely meant to be, if any is close enough. */
    static Optional<String> meant(String name, Set<String> known) {
        if (name.length() < MIN_LENGTH || known.contains(name)) return Optional.empty();
        String upper = name.toUpperCase(Locale.ROOT);
        if (known.contains(upper)) return Optional.of(upper);
        String bare = upper.startsWith(PREFIX) ? upper.substring(PREFIX.length()) : upper;
        if (known.contains(bare)) return Optional.of(bare);
        return known.stream()
                .filter(k -> k.replace("_", "").equals(bare.replace("_", "")) || edits(bare, k) <= MAX_EDITS)
                .min(Comparator.comparingInt((String k) -> edits(bare, k)).thenComparing(k -> k));
    }

    /** Insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
