package dev.vpnbot.application.service.account;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.ChangeTimeZoneUseCase;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Stores the user's zone, after checking the time zone database knows it. */
public final class TimeZoneChange implements ChangeTimeZoneUseCase {
    private final Users users;

    public TimeZoneChange(Users users) {
        this.users = users;
    }

    @Override
    public User changeTimeZone(UserId userId, String zoneId) {
        ZoneId zone = zone(zoneId);
        User user = users.find(userId).orElseThrow(() -> new Refusal(Refusal.Reason.USER_NOT_REGISTERED, "user " + userId))
                .withTimeZone(zone);
        users.save(user);
        return user;
    }

    /** "Europe/Moscow", "UTC+05:30"; a bare offset ("+03:00") is stored as "UTC+03:00", which names itself on screen. */
    static ZoneId zone(String zoneId) {
        String id = zoneId == null ? "" : zoneId.strip();
        try {
            ZoneId zone = ZoneId.of(id);
            return zone instanceof ZoneOffset offset ? ZoneId.ofOffset("UTC", offset) : zone;
        } catch (DateTimeException e) {
            throw new Refusal(Refusal.Reason.UNKNOWN_TIME_ZONE, "no time zone '" + id + "'");
        }
    }
}
