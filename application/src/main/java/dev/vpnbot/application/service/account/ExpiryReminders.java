package dev.vpnbot.application.service.account;

import dev.vpnbot.application.port.in.account.SendExpiryRemindersUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.port.out.notify.ReminderKind;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Sends expiry reminders. Each (reminder, key expiry) pair is claimed in the once-only ledger
 * before the message goes out, so two instances or a restart never send it twice; a crash
 * between claim and send loses that one reminder rather than repeating it.
 *
 * <p>Windows: "3 days" covers keys expiring in (now+1d, now+3d], "1 day" in (now, now+1d],
 * "expired" keys that ran out within the last day. A key bought with less time left than a
 * window simply gets the later reminders.
 */
public final class ExpiryReminders implements SendExpiryRemindersUseCase {
    private static final Duration EXPIRED_LOOKBACK = Duration.ofDays(1);

    private final Keys keys;
    private final Users users;
    private final Servers servers;
    private final Placements placements;
    private final SentNotifications ledger;
    private final Notifier notifier;
    private final Clock clock;
    private final int batchSize;
    private final Predicate<KeyId> isTrialKey;

    public ExpiryReminders(Keys keys, Users users, Servers servers, SentNotifications ledger, Notifier notifier, Clock clock, int batchSize) {
        this(keys, users, servers, ledger, notifier, clock, batchSize, null, key -> false);
    }

    /**
     * @param placements names every location of a key in its reminders; null: its home server only
     * @param isTrialKey trial keys get the trial's reminders (a day before and at expiry) that offer the tariffs
     */
    public ExpiryReminders(Keys keys, Users users, Servers servers, SentNotifications ledger, Notifier notifier, Clock clock, int batchSize,
                           Placements placements, Predicate<KeyId> isTrialKey) {
        this.placements = placements;
        this.isTrialKey = isTrialKey;
        this.keys = keys;
        this.users = users;
        this.servers = servers;
        this.ledger = ledger;
        this.notifier = notifier;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public int sendDueReminders() {
        Instant now = clock.instant();
        int sent = 0;
        sent += send(ReminderKind.THREE_DAYS_BEFORE, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)));
        sent += send(ReminderKind.ONE_DAY_BEFORE, now, now.plus(Duration.ofDays(1)));
        sent += send(ReminderKind.EXPIRED, now.minus(EXPIRED_LOOKBACK), now);
        return sent;
    }

    private int send(ReminderKind kind, Instant from, Instant to) {
        int sent = 0;
        for (VpnKey key : keys.expiringWithoutReminder(from, to, kind.name(), batchSize)) {
            if (!ledger.claim(kind.name(), Keys.reminderSubject(key))) continue;
            Optional<User> owner = users.find(key.owner());
            // banned users hear nothing from the bot but the short notice their own messages get
            if (owner.map(u -> !u.blocked() && !u.banned()).orElse(false)) {
                if (!isTrialKey.test(key.id())) {
                    notifier.expiryReminder(Recipient.of(key.owner(), owner), key, serverName(key), kind);
                } else if (kind == ReminderKind.THREE_DAYS_BEFORE) {
                    continue; // a trial is reminded a day before and at its end only
                } else {
                    notifier.trialReminder(Recipient.of(key.owner(), owner), key, serverName(key), kind);
                }
                sent++;
            }
        }
        return sent;
    }

    /** As the user's key list names it; a server that is gone by its id. */
    private String serverName(VpnKey key) {
        List<String> names = placements == null ? List.of() : placements.locationNames(key.id());
        if (!names.isEmpty()) return String.join(", ", names);
        return servers.names().getOrDefault(key.serverId(), "#" + key.serverId());
    }
}
