package dev.vpnbot.bootstrap.config;

import dev.vpnbot.domain.user.Language;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Who runs the shop and how it speaks.
 *
 * @param adminIds       Telegram user ids allowed into the admin panel; they get the alerts
 * @param supportChatId  where support messages go: a chat id ("-100…") or "@channel"; null = to the admins
 * @param timeZone       how dates are shown to users and admins (instants are stored in UTC)
 */
public record OperatorConfig(Set<Long> adminIds, String supportChatId, Language defaultLanguage, ZoneId timeZone) {
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Moscow");

    public OperatorConfig {
        adminIds = Set.copyOf(adminIds);
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
