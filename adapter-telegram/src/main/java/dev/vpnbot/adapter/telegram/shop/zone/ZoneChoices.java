package dev.vpnbot.adapter.telegram.shop.zone;

import dev.vpnbot.domain.user.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time zones a user is offered (by language: Russia's zones and neighbours for Russian, the
 * world's big cities for English) and the search behind "type a city or an offset": a city in
 * Russian or English ("Новосибирск", "berlin", "New York"), a zone id ("Asia/Omsk"), or an offset
 * ("+3", "UTC-5:30", "gmt+4"). Names come from the time zone database; Russian names and a few
 * cities without a zone of their own ("Санкт-Петербург", "Mumbai") are listed here.
 */
final class ZoneChoices {
    static final int MAX = 8;
    private static final Pattern OFFSET = Pattern.compile("(?:utc|gmt)?\\s*([+\\-−–])\\s*(\\d{1,2})(?:[:.]?(\\d{2}))?");

    private static final List<String> RUSSIAN = List.of("Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg",
            "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan",
            "Asia/Kamchatka", "Europe/Minsk", "Europe/Kyiv", "Asia/Almaty", "Asia/Tashkent");
    private static final List<String> ENGLISH = List.of("Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago",
            "America/Denver", "America/Los_Angeles", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "UTC");

    /** Russian names of zones: shown on buttons to Russian readers and found by search. */
    private static final Map<String, String> RUSSIAN_NAMES = names("""
            Europe/Kaliningrad=Калининград, Europe/Moscow=Москва, Europe/Samara=Самара, Asia/Yekaterinburg=Екатеринбург,
            Asia/Omsk=Омск, Asia/Novosibirsk=Новосибирск, Asia/Krasnoyarsk=Красноярск, Asia/Irkutsk=Иркутск, Asia/Yakutsk=Якутск,
            Asia/Vladivostok=Владивосток, Asia/Magadan=Магадан, Asia/Kamchatka=Камчатка, Europe/Minsk=Минск, Europe/Kyiv=Киев,
            Asia/Almaty=Алматы, Asia/Tashkent=Ташкент, Asia/Tbilisi=Тбилиси, Asia/Yerevan=Ереван, Asia/Baku=Баку,
            Asia/Bishkek=Бишкек, Europe/Istanbul=Стамбул, Europe/Berlin=Берлин, Europe/London=Лондон, Europe/Paris=Париж,
            Europe/Riga=Рига, Europe/Warsaw=Варшава, Europe/Volgograd=Волгоград, Europe/Saratov=Саратов, Europe/Astrakhan=Астрахань,
            Europe/Ulyanovsk=Ульяновск, Asia/Barnaul=Барнаул, Asia/Tomsk=Томск, Asia/Novokuznetsk=Новокузнецк, Asia/Chita=Чита,
            Asia/Sakhalin=Сахалин, Asia/Dubai=Дубай, Asia/Bangkok=Бангкок, Asia/Jerusalem=Иерусалим, Asia/Tokyo=Токио,
            Asia/Shanghai=Шанхай, America/New_York=Нью-Йорк, UTC=UTC""");
    /** Cities that share another city's zone. */
    private static final Map<String, String> ALIASES = names("""
            санкт-петербург=Europe/Moscow, петербург=Europe/Moscow, питер=Europe/Moscow, казань=Europe/Moscow,
            нижний новгород=Europe/Moscow, сочи=Europe/Moscow, краснодар=Europe/Moscow, ростов-на-дону=Europe/Moscow,
            воронеж=Europe/Moscow, пермь=Asia/Yekaterinburg, челябинск=Asia/Yekaterinburg, уфа=Asia/Yekaterinburg,
            тюмень=Asia/Yekaterinburg, хабаровск=Asia/Vladivostok, кемерово=Asia/Novokuznetsk, saint petersburg=Europe/Moscow,
            st petersburg=Europe/Moscow, kiev=Europe/Kyiv, san francisco=America/Los_Angeles, seattle=America/Los_Angeles,
            boston=America/New_York, washington=America/New_York, miami=America/New_York, mumbai=Asia/Kolkata,
            delhi=Asia/Kolkata, new delhi=Asia/Kolkata, bangalore=Asia/Kolkata, beijing=Asia/Shanghai, munich=Europe/Berlin""");

    private ZoneChoices() {}

    static List<ZoneId> offered(Language language) {
        return (language == Language.RU ? RUSSIAN : ENGLISH).stream().map(ZoneId::of).toList();
    }

    /** "Москва (UTC+3)", "New York (UTC-5)", "UTC+05:30". */
    static String label(ZoneId zone, Language language, Instant now) {
        String offset = offset(zone, now);
        if (zone.normalized() instanceof ZoneOffset || zone.getId().equals("UTC")) return offset;
        return city(zone, language) + " (" + offset + ")";
    }

    static String city(ZoneId zone, Language language) {
        if (language == Language.RU && RUSSIAN_NAMES.containsKey(zone.getId())) return RUSSIAN_NAMES.get(zone.getId());
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }

    /** "UTC+3", "UTC+5:30", "UTC-4", "UTC". */
    static String offset(ZoneId zone, Instant now) {
        int seconds = zone.getRules().getOffset(now).getTotalSeconds();
        if (seconds == 0) return "UTC";
        int minutes = Math.abs(seconds) / 60;
        return "UTC" + (seconds < 0 ? "-" : "+") + minutes / 60 + (minutes % 60 == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes % 60));
    }

    /** Zones that match what the user typed, best first, at most {@link #MAX}; empty when nothing does. */
    static List<ZoneId> search(String typed, Language language, Instant now) {
        String q = normal(typed);
        if (q.isEmpty()) return List.of();
        if (q.equals("utc") || q.equals("gmt")) return List.of(ZoneId.of("UTC"));
        Matcher offset = OFFSET.matcher(typed.strip().toLowerCase(Locale.ROOT));
        if (offset.matches()) return byOffset(offset, language, now);
        if (q.length() < 2) return List.of();
        Set<ZoneId> exact = new LinkedHashSet<>();
        Set<ZoneId> prefix = new LinkedHashSet<>();
        ALIASES.forEach((name, id) -> collect(q, normal(name), ZoneId.of(id), exact, prefix));
        RUSSIAN_NAMES.forEach((id, name) -> collect(q, normal(name), ZoneId.of(id), exact, prefix));
        for (String id : regions()) {
            ZoneId zone = ZoneId.of(id);
            if (normal(id).equals(q)) exact.add(zone);
            collect(q, normal(city(zone, Language.EN)), zone, exact, prefix);
        }
        exact.addAll(prefix);
        return exact.stream().limit(MAX).toList();
    }

    private static List<ZoneId> byOffset(Matcher m, Language language, Instant now) {
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (hours > 14 || minutes > 59) return List.of();
        int sign = m.group(1).equals("+") ? 1 : -1;
        ZoneOffset wanted = ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
        Set<ZoneId> found = new LinkedHashSet<>();
        List<String> known = new ArrayList<>(language == Language.RU ? RUSSIAN : ENGLISH);
        known.addAll(language == Language.RU ? ENGLISH : RUSSIAN);
        known.addAll(RUSSIAN_NAMES.keySet());
        for (String id : known) {
            ZoneId zone = ZoneId.of(id);
            if (zone.getRules().getOffset(now).equals(wanted) && found.size() < MAX - 1) found.add(zone);
        }
        found.add(wanted.getTotalSeconds() == 0 ? ZoneId.of("UTC") : ZoneId.ofOffset("UTC", wanted));
        return List.copyOf(found);
    }

    private static void collect(String q, String name, ZoneId zone, Set<ZoneId> exact, Set<ZoneId> prefix) {
        if (name.equals(q)) exact.add(zone);
        else if (name.startsWith(q)) prefix.add(zone);
    }

    private static List<String> regions() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/") && Character.isUpperCase(id.charAt(0)))
                .sorted().toList();
    }

    /** Lower case, "ё" as "е", '_' and '-' as spaces, single spaces. */
    static String normal(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replace('_', ' ').replace('-', ' ')
                .replaceAll("\\s+", " ");
    }

    private static Map<String, String> names(String pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs.split(",")) {
            String[] kv = pair.strip().split("=", 2);
            map.put(kv[0].strip(), kv[1].strip());
        }
        return map;
    }
}
