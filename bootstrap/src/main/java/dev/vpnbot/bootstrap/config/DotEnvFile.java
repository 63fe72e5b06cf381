package dev.vpnbot.bootstrap.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file: {@code NAME=value} lines, optional {@code export }, {@code #}
 * comments, single quotes (taken literally) and double quotes (with \n, \" and \\ escapes).
 * Lines it cannot read are reported with their number, never with their content (they may
 * hold a secret).
 */
public final class DotEnvFile {
    private static final Pattern LINE = Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$");

    /** What the file held, and the lines that made no sense. */
    public record Contents(Map<String, String> variables, List<String> problems) {
        public Contents {
            variables = Map.copyOf(variables);
            problems = List.copyOf(problems);
        }
    }

    private DotEnvFile() {}

    /** An absent file is empty, not an error: the environment alone may configure the bot. */
    public static Contents read(Path file) {
        if (!Files.isRegularFile(file)) return new Contents(Map.of(), List.of());
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Contents(Map.of(), List.of(file + " cannot be read: " + e.getMessage()));
        }
    }

    /** The file's permissions ("rw-r--r--") when users other than its owner and group may read it; empty otherwise or off POSIX. */
    public static Optional<String> readableByOthers(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            return mode.contains(PosixFilePermission.OTHERS_READ) ? Optional.of(PosixFilePermissions.toString(mode)) : Optional.empty();
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty(); // not a POSIX file system: nothing to say
        }
    }

    static Contents parse(String name, List<String> lines) {
        Map<String, String> vars = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(name + " line " + (i + 1) + ": expected NAME=value");
                continue;
            }
            try {
                vars.put(m.group(1), value(m.group(2)));
            } catch (IllegalArgumentException e) {
                problems.add(name + " line " + (i + 1) + " (" + m.group(1) + "): " + e.getMessage());
            }
        }
        return new Contents(vars, problems);
    }

    private static String value(String raw) {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            if (end < 0) throw new IllegalArgumentException("the single quote is not closed");
            requireOnlyComment(raw.substring(end + 1));
            return raw.substring(1, end);
        }
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    requireOnlyComment(raw.substring(i + 1));
                    return out.toString();
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    out.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> next;
                    });
                } else {
                    out.append(c);
                }
            }
            throw new IllegalArgumentException("the double quote is not closed");
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }

    private static void requireOnlyComment(String rest) {
        String r = rest.strip();
        if (!r.isEmpty() && !r.startsWith("#")) throw new IllegalArgumentException("text after the closing quote");
    }
}
