package dev.vpnbot.domain.promo;

import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A promo code the operator created, and the rules of its use. Uses are counted by the store
 * (a use is an order placed with the code that was not cancelled or left to expire).
 *
 * @param id             0 until stored
 * @param code           upper case, 3..32 of {@code A-Z 0-9 _ -}; typed case-insensitively
 * @param maxUses        uses in total, 0 = no limit
 * @param maxUsesPerUser uses by one user, 0 = no limit
 * @param expiresAt      no use at or after this instant; null = never expires
 * @param tariffs        the tariffs it applies to; empty = all (a free key applies to its own tariff only)
 * @param newUsersOnly   only for users without a paid order
 * @param owner          the one user who may use it (a referral reward); null = anybody
 */
public record PromoCode(long id, String code, Benefit benefit, int maxUses, int maxUsesPerUser, Instant expiresAt,
                        Set<TariffId> tariffs, boolean newUsersOnly, boolean disabled, Instant createdAt, UserId owner) {
    public static final int MAX_LENGTH = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9_-]{3," + MAX_LENGTH + "}");

    public PromoCode {
        code = normalize(code).orElseThrow(() -> new IllegalArgumentException(
                "a code is 3.." + MAX_LENGTH + " letters, digits, '_' or '-'"));
        Objects.requireNonNull(benefit, "benefit");
        Objects.requireNonNull(createdAt, "createdAt");
        if (maxUses < 0 || maxUsesPerUser < 0) throw new IllegalArgumentException("use limits cannot be negative");
        tariffs = Set.copyOf(tariffs);
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A code anybody may use (the operator's codes). */
    public PromoCode(long id, String code, Benefit benefit, int maxUses, int maxUsesPerUser, Instant expiresAt,
                     Set<TariffId> tariffs, boolean newUsersOnly, boolean disabled, Instant createdAt) {
        this(id, code, benefit, maxUses, maxUsesPerUser, expiresAt, tariffs, newUsersOnly, disabled, createdAt, null);
    }

    /** A personal code is no code at all for anybody else (they are told it does not exist). */
    public boolean usableBy(UserId user) {
        return owner == null || owner.equals(user);
    }

    /** The code as stored, or empty for anything that cannot be a code (garbage, too long). */
    public static Optional<String> normalize(String typed) {
        if (typed == null) return Optional.empty();
        String code = typed.strip().toUpperCase(Locale.ROOT);
        return SHAPE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    public PromoCode withId(long newId) {
        return new PromoCode(newId, code, benefit, maxUses, maxUsesPerUser, expiresAt, tariffs, newUsersOnly, disabled, createdAt, owner);
    }

    public PromoCode disable() {
        return new PromoCode(id, code, benefit, maxUses, maxUsesPerUser, expiresAt, tariffs, newUsersOnly, true, createdAt, owner);
    }

    public boolean appliesTo(TariffId tariff) {
        if (benefit instanceof Benefit.FreeKey free) return free.tariffId().equals(tariff);
        return tariffs.isEmpty() || tariffs.contains(tariff);
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * The first rule that forbids this use, checked in the order a user understands best.
     *
     * @param tariff     the order's tariff; null before there is an order (a start link): the tariff is not checked
     * @param uses       uses of the code so far (all users)
     * @param usesByUser uses by this user so far
     * @param newUser    the user has never paid an order
     */
    public Optional<CodeProblem> problemWith(TariffId tariff, Instant now, long uses, long usesByUser, boolean newUser) {
        if (disabled) return Optional.of(CodeProblem.DISABLED);
        if (isExpired(now)) return Optional.of(CodeProblem.EXPIRED);
        if (tariff != null && !appliesTo(tariff)) return Optional.of(CodeProblem.WRONG_TARIFF);
        if (newUsersOnly && !newUser) return Optional.of(CodeProblem.NEW_USERS_ONLY);
        if (maxUsesPerUser > 0 && usesByUser >= maxUsesPerUser) return Optional.of(CodeProblem.USED_UP_BY_USER);
        if (maxUses > 0 && uses >= maxUses) return Optional.of(CodeProblem.EXHAUSTED);
        return Optional.empty();
    }
}
