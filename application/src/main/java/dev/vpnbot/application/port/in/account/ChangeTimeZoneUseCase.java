package dev.vpnbot.application.port.in.account;

import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;

/** Use case: the user picks the time zone every date the bot shows them is written in. */
public interface ChangeTimeZoneUseCase {

    /**
     * @param zoneId a zone of the time zone database ("Europe/Moscow") or a fixed offset ("UTC+05:30");
     *               anything else is refused with {@code UNKNOWN_TIME_ZONE} and nothing is stored
     */
    User changeTimeZone(UserId userId, String zoneId);
}
