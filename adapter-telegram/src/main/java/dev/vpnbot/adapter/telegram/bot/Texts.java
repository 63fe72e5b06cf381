package dev.vpnbot.adapter.telegram.bot;

import com.ibm.icu.text.PluralRules;
import dev.vpnbot.domain.key.RemainingTime;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.user.Language;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The bot's words in one language, from {@code i18n/messages*.properties} (Russian is the base
 * bundle, English the {@code _en} one). Placeholders are {@code {0}}, {@code {1}}…; no
 * MessageFormat, so apostrophes and numbers come out exactly as written.
 *
 * <p>{@link #html} escapes its arguments for Telegram's HTML mode; {@link #label} is for button
 * labels, which are plain text.
 */
public final class Texts {
    private static final String BUNDLE = "i18n/messages";
    private static final Map<Language, Texts> CACHE = new EnumMap<>(Language.class);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Language language;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dateFormat;
    private final PluralRules plurals;

    private Texts(Language language) {
        this.language = language;
        // no fallback to the JVM's locale: "ru" must find the base bundle, not an English default
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dateFormat = DateTimeFormatter.ofPattern(bundle.getString("format.date"), language.locale());
        this.plurals = PluralRules.forLocale(language.locale());
    }

    public static synchronized Texts of(Language language) {
        return CACHE.computeIfAbsent(language, Texts::new);
    }

    public Language language() {
        return language;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A text for an HTML message; arguments are escaped. */
    public String html(String key, Object... args) {
        Object[] escaped = new Object[args.length];
        for (int i = 0; i < args.length; i++) escaped[i] = Html.escape(String.valueOf(args[i]));
        return fill(pattern(key), escaped);
    }

    /** A text for an HTML message whose arguments are already HTML. */
    public String htmlRaw(String key, Object... htmlArgs) {
        return fill(pattern(key), htmlArgs);
    }

    /** A button label or other plain text. */
    public String label(String key, Object... args) {
        return fill(pattern(key), args);
    }

    /** "1 месяц", "3 месяца", "10 дней"; "1 month", "3 months", "10 days". */
    public String period(int days) {
        if (days % 30 == 0) return plural("unit.month", days / 30);
        return plural("unit.day", days);
    }

    public String plural(String key, long n) {
        return label(key + "." + pluralForm(n), n);
    }

    /** An instant as the user reads it: in their zone, with the zone named. */
    public String date(Instant instant, ZoneId zone) {
        return dateFormat.format(instant.atZone(zone));
    }

    /** The time of day ("14:05") in the reader's zone. */
    public String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** "23 d 4 h" / "23 дн 4 ч"; under a day, hours and minutes; "expired" when nothing is left. */
    public String remaining(RemainingTime left) {
        if (left.isOver()) return label("time.over");
        if (left.days() > 0) return label("time.days_hours", left.days(), left.hours());
        if (left.hours() > 0) return label("time.hours_minutes", left.hours(), left.minutes());
        return label("time.minutes", Math.max(1, left.minutes()));
    }

    /** "4.99 USD" / "4,99 USD": the amount in the language's digits, the ISO code after it. */
    public String money(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(language.locale()));
        int scale = money.amount().scale();
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        return format.format(money.amount()) + " " + money.currencyCode();
    }

    /** The CLDR plural category (ICU's rules) as our keys name it: one, few or many ("other" reads as many). */
    private String pluralForm(long n) {
        String category = plurals.select(n);
        return switch (category) {
            case "one", "few" -> category;
            default -> "many";
        };
    }

    private String pattern(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' for " + language, e);
        }
    }

    /** One pass over the pattern, so a "{1}" inside an argument (a user's name, say) stays text. */
    static String fill(String pattern, Object[] args) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit) && close - i <= 3) {
                int index = Integer.parseInt(pattern.substring(i + 1, close));
                if (index < args.length) {
                    out.append(args[index]);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
