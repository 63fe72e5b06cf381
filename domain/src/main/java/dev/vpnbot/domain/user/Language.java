package dev.vpnbot.domain.user;

import java.util.Locale;

/** The languages the bot speaks. Russian first: most buyers of this product write Russian. */
public enum Language {
    RU, EN;

    public static final Language DEFAULT = RU;

    /** Telegram's language_code ("ru", "en-US", "uk"…) to the closest language we speak. */
    public static Language fromTelegramCode(String code) {
        if (code == null || code.isBlank()) return DEFAULT;
        String lang = code.toLowerCase(Locale.ROOT);
        if (lang.startsWith("en")) return EN;
        return RU;
    }

    public static Language parse(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown language '" + code + "', expected ru or en");
        }
    }

    public Locale locale() {
        return this == RU ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    }
}
