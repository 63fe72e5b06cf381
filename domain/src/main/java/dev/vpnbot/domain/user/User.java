package dev.vpnbot.domain.user;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Somebody who has talked to the bot.
 *
 * @param username Telegram @username without the '@', or null
 * @param timeZone the zone we show dates in; null means the operator's default zone
 * @param blocked  true once Telegram said the user blocked the bot: we stop writing to them
 * @param banned   an admin banned the user: their updates are ignored but for a short notice, their keys are off
 */
public record User(UserId id, String firstName, String username, Language language, ZoneId timeZone,
                   boolean blocked, Instant registeredAt, boolean banned) {

    /** A user who is not banned. */
    public User(UserId id, String firstName, String username, Language language, ZoneId timeZone, boolean blocked, Instant registeredAt) {
        this(id, firstName, username, language, timeZone, blocked, registeredAt, false);
    }

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(registeredAt, "registeredAt");
        firstName = firstName == null ? "" : firstName.strip();
        username = username == null || username.isBlank() ? null : username.strip().replaceFirst("^@", "");
    }

    public static User register(UserId id, String firstName, String username, Language language, Instant now) {
        return new User(id, firstName, username, language, null, false, now);
    }

    public ZoneId zoneOr(ZoneId fallback) {
        return timeZone != null ? timeZone : fallback;
    }

    public User withLanguage(Language newLanguage) {
        return new User(id, firstName, username, newLanguage, timeZone, blocked, registeredAt, banned);
    }

    public User withTimeZone(ZoneId zone) {
        return new User(id, firstName, username, language, zone, blocked, registeredAt, banned);
    }

    public User withBlocked(boolean isBlocked) {
        return new User(id, firstName, username, language, timeZone, isBlocked, registeredAt, banned);
    }

    /** Names change in Telegram; we keep the latest we saw. */
    public User withNames(String newFirstName, String newUsername) {
        return new User(id, newFirstName, newUsername, language, timeZone, blocked, registeredAt, banned);
    }

    public User withBanned(boolean isBanned) {
        return new User(id, firstName, username, language, timeZone, blocked, registeredAt, isBanned);
    }
}
