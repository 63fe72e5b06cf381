package dev.vpnbot.adapter.heleket.fake;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The fake's own writer of PHP {@code json_encode} output, kept apart from the adapter's
 * verifier on purpose: both are pinned to real PHP output by tests, never to each other.
 * Values: ordered {@code Map<String, ?>}, {@code List<?>}, String, Boolean, null, Integer,
 * Long, BigDecimal (written plain).
 */
final class PhpStyleJson {
    private PhpStyleJson() {}

    /**
     * @param escapeUnicode PHP's default (true) or {@code JSON_UNESCAPED_UNICODE} (false)
     * @param escapeSlashes PHP's default (true) or {@code JSON_UNESCAPED_SLASHES} (false)
     */
    static String encode(Object value, boolean escapeUnicode, boolean escapeSlashes) {
        StringBuilder out = new StringBuilder();
        write(value, out, escapeUnicode, escapeSlashes);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, boolean escapeUnicode, boolean escapeSlashes) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out, escapeUnicode, escapeSlashes);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("[]"); // an empty PHP array is a list
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) out.append(',');
                first = false;
                string(String.valueOf(e.getKey()), out, escapeUnicode, escapeSlashes);
                out.append(':');
                write(e.getValue(), out, escapeUnicode, escapeSlashes);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(',');
                write(list.get(i), out, escapeUnicode, escapeSlashes);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot encode " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out, boolean escapeUnicode, boolean escapeSlashes) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') out.append("\\\"");
            else if (c == '\\') out.append("\\\\");
            else if (c == '/' && escapeSlashes) out.append("\\/");
            else if (c == '\b') out.append("\\b");
            else if (c == '\f') out.append("\\f");
            else if (c == '\n') out.append("\\n");
            else if (c == '\r') out.append("\\r");
            else if (c == '\t') out.append("\\t");
            else if (c < 0x20 || c == 0x2028 || c == 0x2029 || (escapeUnicode && c > 0x7f)) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }
}
