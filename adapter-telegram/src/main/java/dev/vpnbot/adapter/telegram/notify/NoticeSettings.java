package dev.vpnbot.adapter.telegram.notify;

import dev.vpnbot.domain.user.Language;
import java.time.ZoneId;
import java.util.Set;

/** What notices need of the operator's settings (the bot's settings provide it). */
public interface NoticeSettings {

    /** The language of alerts, and of notices to users we do not know. */
    Language defaultLanguage();

    /** The zone for dates of users who have not chosen one. */
    ZoneId defaultZone();

    /** Where alerts go: the admins, else the support chat. */
    Set<Long> alertDestinations();

    /** This server's public address: "key ready" then leads with the bot's own subscription link; null: the panel's links. */
    default String subscriptionBaseUrl() {
        return null;
    }
}
