package dev.vpnbot.domain.user;

/** A user is known by their Telegram user id. */
public record UserId(long telegramId) {
    public UserId {
        if (telegramId <= 0) throw new IllegalArgumentException("telegram id must be positive: " + telegramId);
    }

    @Override
    public String toString() {
        return Long.toString(telegramId);
    }
}
