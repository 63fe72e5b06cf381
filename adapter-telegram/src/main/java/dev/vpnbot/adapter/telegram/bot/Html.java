package dev.vpnbot.adapter.telegram.bot;

/** Escaping for Telegram's HTML parse mode: names and links from outside never become markup. */
public final class Html {
    private Html() {}

    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A link users can copy with one tap. */
    public static String code(String text) {
        return "<code>" + escape(text) + "</code>";
    }
}
