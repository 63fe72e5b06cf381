package dev.vpnbot.adapter.simulated;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** SANDBOX ONLY — a multipart/form-data body (RFC 7578) read as bytes: text fields, and the one file. */
final class Multipart {
    private Multipart() {}

    /** Puts the text fields into {@code fields} (a file's name under "file_name"); returns the file's bytes or null. */
    static byte[] read(byte[] body, String boundary, Map<String, String> fields) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = null;
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') break; // the closing delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) break;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd > 0 && headersEnd < next) {
                String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
                int contentEnd = next - 2; // the CRLF before the delimiter belongs to it
                byte[] content = Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, contentEnd));
                String name = attribute(headers, "name");
                String fileName = attribute(headers, "filename");
                if (fileName != null) {
                    file = content;
                    fields.put("file_name", fileName);
                } else if (name != null) {
                    fields.put(name, new String(content, StandardCharsets.UTF_8));
                }
            }
            at = next;
        }
        return file;
    }

    private static String attribute(String headers, String attribute) {
        String marker = " " + attribute + "=\"";
        int from = headers.indexOf(marker);
        if (from < 0) marker = ";" + attribute + "=\"";
        from = headers.indexOf(marker);
        if (from < 0) return null;
        int end = headers.indexOf('"', from + marker.length());
        return end < 0 ? null : headers.substring(from + marker.length(), end);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
