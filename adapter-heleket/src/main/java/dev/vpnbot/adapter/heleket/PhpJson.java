package dev.vpnbot.adapter.heleket;

import java.nio.charset.StandardCharsets;

/**
 * Writes a received JSON tree back byte for byte as PHP's
 * {@code json_encode($value, JSON_UNESCAPED_UNICODE)} would, which is what Heleket signs
 * webhooks over. Stock serializers differ in small ways that break the signature (Jackson
 * leaves {@code /} alone and writes <code>&#92;u001F</code> in upper case), hence this writer.
 *
 * <p>Rules, checked against PHP 8.2: no whitespace; members in received order; {@code "} and
 * {@code \} escaped, {@code /} as {@code \/}; {@code \b \f \n \r \t}; other controls as
 * lower-case <code>&#92;u00xx</code>; U+2028 and U+2029 escaped; everything else raw UTF-8; numbers
 * as their received text; an empty array stays {@code []} and an empty object {@code {}}.
 */
final class PhpJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PhpJson() {}

    /** Refused like PHP refuses it: a lone UTF-16 surrogate has no UTF-8 form. */
    static final class Unencodable extends Exception {
        Unencodable(String message) {
            super(message);
        }
    }

    static byte[] encode(ReceivedJson value) throws Unencodable {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ReceivedJson value, StringBuilder out) throws Unencodable {
        if (value instanceof ReceivedJson.Obj obj) {
            out.append('{');
            boolean first = true;
            for (ReceivedJson.Member m : obj.members()) {
                if (!first) out.append(',');
                first = false;
                string(m.name(), out);
                out.append(':');
                write(m.value(), out);
            }
            out.append('}');
        } else if (value instanceof ReceivedJson.Arr arr) {
            out.append('[');
            boolean first = true;
            for (ReceivedJson item : arr.items()) {
                if (!first) out.append(',');
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof ReceivedJson.Str str) {
            string(str.value(), out);
        } else if (value instanceof ReceivedJson.Num num) {
            out.append(num.lexeme());
        } else if (value instanceof ReceivedJson.Bool bool) {
            out.append(bool.value());
        } else {
            out.append("null");
        }
    }

    private static void string(String s, StringBuilder out) throws Unencodable {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028', '\u2029' -> unicodeEscape(c, out);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i)); // a pair: one 4-byte UTF-8 character, raw
                    } else if (Character.isSurrogate(c)) {
                        throw new Unencodable("lone UTF-16 surrogate U+" + Integer.toHexString(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }
}
