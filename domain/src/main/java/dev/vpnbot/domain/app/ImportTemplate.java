package dev.vpnbot.domain.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a VPN app imports a subscription in one tap: its own link with the subscription URL put in
 * {@value #URL} (as is) or {@value #URL_ENCODED} (percent-encoded), e.g. {@code happ://add/{url}}.
 *
 * <p>This is the scheme allowlist of {@code /connect}, which redirects to nothing else: the scheme
 * must be an app's own (lower-case letters, digits, {@code + . -}), never one that opens a web
 * page, a file, inline data or a script, so the page can neither run code nor redirect a visitor
 * to a site of someone's choosing; the one variable part is our own URL, after the scheme.
 */
public record ImportTemplate(String pattern) {
    public static final String URL = "{url}";
    public static final String URL_ENCODED = "{url_encoded}";
    public static final int MAX_LENGTH = 512;
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{1,31}");
    /** Schemes that open something other than an app: web pages (an open redirect), files, data, scripts, other apps' intents. */
    static final Set<String> FORBIDDEN = Set.of("javascript", "vbscript", "data", "file", "filesystem", "blob", "about", "http", "https",
            "ftp", "ws", "wss", "intent", "content", "jar", "view-source", "chrome", "mailto", "tel", "sms", "tg", "ms-settings");

    /** Why a pattern is refused. */
    public enum Problem { EMPTY, TOO_LONG, BAD_CHARACTERS, NO_SCHEME, FORBIDDEN_SCHEME, NO_PLACEHOLDER, PLACEHOLDER_IN_SCHEME, TWO_PLACEHOLDERS }

    public ImportTemplate {
        Optional<Problem> problem = problem(pattern);
        if (problem.isPresent()) throw new IllegalArgumentException(explain(problem.get(), pattern));
    }

    /** What is wrong with {@code pattern} as an import template, if anything. */
    public static Optional<Problem> problem(String pattern) {
        if (pattern == null || pattern.isBlank()) return Optional.of(Problem.EMPTY);
        if (pattern.length() > MAX_LENGTH) return Optional.of(Problem.TOO_LONG);
        if (pattern.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || "\"'<>\\`".indexOf(c) >= 0)) return Optional.of(Problem.BAD_CHARACTERS);
        int colon = pattern.indexOf(':');
        String scheme = colon < 0 ? "" : pattern.substring(0, colon);
        if (FORBIDDEN.contains(scheme.toLowerCase(Locale.ROOT))) return Optional.of(Problem.FORBIDDEN_SCHEME);
        if (scheme.contains("{")) return Optional.of(Problem.PLACEHOLDER_IN_SCHEME);
        if (!SCHEME.matcher(scheme).matches()) return Optional.of(Problem.NO_SCHEME);
        String rest = pattern.substring(colon + 1).replace(URL_ENCODED, "\u0001").replace(URL, "\u0001");
        long placeholders = rest.chars().filter(c -> c == 1).count();
        if (placeholders == 0) return Optional.of(Problem.NO_PLACEHOLDER);
        if (placeholders > 1) return Optional.of(Problem.TWO_PLACEHOLDERS);
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) return Optional.of(Problem.BAD_CHARACTERS);
        if (rest.startsWith("\u0001") || rest.startsWith("//\u0001")) return Optional.of(Problem.PLACEHOLDER_IN_SCHEME);
        return Optional.empty();
    }

    /** The scheme a pattern starts with ("javascript"), for messages; empty when it has none. */
    public static String schemeOf(String pattern) {
        int colon = pattern == null ? -1 : pattern.indexOf(':');
        return colon < 0 ? "" : pattern.substring(0, colon);
    }

    public String scheme() {
        return schemeOf(pattern);
    }

    /** The app's link for {@code url}; characters a Location header cannot carry are escaped. */
    public String render(String url) {
        String filled = pattern.contains(URL_ENCODED)
                ? pattern.replace(URL_ENCODED, URLEncoder.encode(url, StandardCharsets.UTF_8))
                : pattern.replace(URL, url);
        return asciiOnly(filled);
    }

    private static String explain(Problem problem, String pattern) {
        return switch (problem) {
            case EMPTY -> "an import template cannot be empty";
            case TOO_LONG -> "an import template is at most " + MAX_LENGTH + " characters";
            case BAD_CHARACTERS -> "an import template has no spaces, quotes, angle brackets or braces but its placeholder";
            case NO_SCHEME -> "an import template starts with the app's own scheme, e.g. happ://add/{url}";
            case FORBIDDEN_SCHEME -> "the scheme '" + schemeOf(pattern) + ":' is not allowed: an import link opens a VPN app, never a web page,"
                    + " a file, data or a script";
            case NO_PLACEHOLDER -> "an import template needs {url} or {url_encoded} where the subscription link goes";
            case PLACEHOLDER_IN_SCHEME -> "the link must come after the scheme and the app's path, e.g. happ://add/{url}";
            case TWO_PLACEHOLDERS -> "an import template takes the link once";
        };
    }

    private static String asciiOnly(String link) {
        StringBuilder out = new StringBuilder(link.length());
        for (byte b : link.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\') out.append((char) c);
            else out.append('%').append(String.format("%02X", c));
        }
        return out.toString();
    }
}
