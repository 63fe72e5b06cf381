package dev.vpnbot.domain.trial;

import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's free trial: whether there is one, who may take it, and what it gives.
 * The gates apply to the trial only, never to buying or renewing.
 *
 * @param usernameRequired the Telegram account must have a @username
 * @param minAccountAge    the bot must have first seen the account at least this long ago (zero: no gate)
 * @param channel          a channel (@name or numeric id) the user must be a member of; null: no gate
 * @param days             how long the trial key lasts
 * @param limitIp          devices (source IPs) the trial key allows at once, 0 = no limit
 * @param totalBytes       the trial key's traffic quota, 0 = unlimited
 */
public record TrialPolicy(boolean enabled, boolean usernameRequired, Duration minAccountAge, String channel,
                          int days, int limitIp, long totalBytes) {

    /** Why a user may not take the trial (before the one-per-account rule, which the database enforces). */
    public enum Gate { DISABLED, USERNAME_REQUIRED, ACCOUNT_TOO_NEW }

    public TrialPolicy {
        Objects.requireNonNull(minAccountAge, "minAccountAge");
        if (minAccountAge.isNegative()) throw new IllegalArgumentException("the account age gate cannot be negative");
        channel = channel == null || channel.isBlank() ? null : channel.strip();
        if (days < 1 || days > 365) throw new IllegalArgumentException("a trial lasts 1 to 365 days, not " + days);
        if (limitIp < 0 || totalBytes < 0) throw new IllegalArgumentException("trial limits cannot be negative");
    }

    /** Off: the operator has to switch the trial on. */
    public static TrialPolicy off() {
        return new TrialPolicy(false, false, Duration.ZERO, null, 1, 1, 0);
    }

    public Duration duration() {
        return Duration.ofDays(days);
    }

    /** The first gate the user does not pass, if any (the channel gate needs Telegram: the service asks). */
    public Optional<Gate> closedGate(User user, Instant now) {
        if (!enabled) return Optional.of(Gate.DISABLED);
        if (usernameRequired && user.username() == null) return Optional.of(Gate.USERNAME_REQUIRED);
        if (user.registeredAt().plus(minAccountAge).isAfter(now)) return Optional.of(Gate.ACCOUNT_TOO_NEW);
        return Optional.empty();
    }

    public boolean needsChannel() {
        return channel != null;
    }
}
