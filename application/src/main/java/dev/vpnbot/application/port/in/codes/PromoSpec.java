package dev.vpnbot.application.port.in.codes;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.promo.Benefit;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.tariff.TariffId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new promo code as the operator writes it, the same words in the admin panel and the CLI:
 * {@code CODE percent=20|amount=2.50USD|days=7|free=<tariff> [uses=N] [per-user=N]
 * [expires=YYYY-MM-DD|<instant>] [tariffs=1,2] [new-users]}. A date expires at the end of that day (UTC).
 */
public record PromoSpec(String code, Benefit benefit, int maxUses, int maxUsesPerUser, Instant expiresAt,
                        Set<TariffId> tariffs, boolean newUsersOnly) {
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9}(?:[.,]\\d{1,9})?)([A-Za-z]{3})");
    private static final int MAX_WORDS_LENGTH = 500;

    public PromoSpec {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(benefit, "benefit");
        tariffs = Set.copyOf(tariffs);
    }

    /** The code as it will be stored, from this spec (its text checked again there). */
    public PromoCode toCode(String text, int uses, int usesPerUser, Instant now) {
        return new PromoCode(0, text, benefit, uses, usesPerUser, expiresAt, tariffs, newUsersOnly, false, now);
    }

    /** Parses the words; a {@link Refusal} ({@code INVALID_INPUT}) names the first word that makes no sense. */
    public static PromoSpec parse(String words) {
        if (words == null || words.isBlank() || words.length() > MAX_WORDS_LENGTH) throw invalid("write a code and what it gives");
        String[] parts = words.strip().split("\\s+");
        String code = PromoCode.normalize(parts[0]).orElseThrow(() -> invalid(
                "'" + parts[0] + "' is no code: 3.." + PromoCode.MAX_LENGTH + " letters, digits, '_' or '-'"));
        Benefit benefit = null;
        int uses = 0;
        int perUser = 1;
        Instant expires = null;
        Set<TariffId> tariffs = new HashSet<>();
        boolean newUsers = false;
        for (int i = 1; i < parts.length; i++) {
            String word = parts[i];
            if (word.equalsIgnoreCase("new-users")) {
                newUsers = true;
                continue;
            }
            int eq = word.indexOf('=');
            if (eq < 1) throw invalid("'" + word + "' is not name=value");
            String name = word.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = word.substring(eq + 1);
            try {
                switch (name) {
                    case "percent" -> benefit = only(benefit, new Benefit.PercentOff(Integer.parseInt(value)));
                    case "amount" -> benefit = only(benefit, new Benefit.AmountOff(amount(value)));
                    case "days" -> benefit = only(benefit, new Benefit.ExtraDays(Integer.parseInt(value)));
                    case "free" -> benefit = only(benefit, new Benefit.FreeKey(new TariffId(Long.parseLong(value))));
                    case "uses" -> uses = count(value);
                    case "per-user" -> perUser = count(value);
                    case "expires" -> expires = instant(value);
                    case "tariffs" -> {
                        for (String id : value.split(",")) tariffs.add(new TariffId(Long.parseLong(id.strip())));
                    }
                    default -> throw invalid("unknown setting '" + name + "'");
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                if (e instanceof Refusal r) throw r;
                throw invalid("'" + word + "': " + e.getMessage());
            }
        }
        if (benefit == null) throw invalid("say what the code gives: percent=, amount=, days= or free=");
        return new PromoSpec(code, benefit, uses, perUser, expires, tariffs, newUsers);
    }

    private static Benefit only(Benefit before, Benefit now) {
        if (before != null) throw invalid("one benefit per code");
        return now;
    }

    private static Money amount(String value) {
        Matcher m = AMOUNT.matcher(value);
        if (!m.matches()) throw invalid("'" + value + "' is no amount: write it like 2.50USD");
        return Money.of(m.group(1).replace(',', '.'), m.group(2));
    }

    private static int count(String value) {
        int n = Integer.parseInt(value);
        if (n < 0) throw invalid("a limit cannot be negative");
        return n;
    }

    private static Instant instant(String value) {
        if (value.length() == 10) return LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Instant.parse(value);
    }

    private static Refusal invalid(String detail) {
        return new Refusal(Refusal.Reason.INVALID_INPUT, detail);
    }
}
