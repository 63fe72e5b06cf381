package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.domain.user.Language;
import java.time.ZoneId;
import java.util.Set;

/** What the shop's screens need of the operator's settings (the bot's settings provide it). */
public interface ShopSettings {

    /** Admins see the admin button in the menu and may answer support tickets from their own chats. */
    boolean isAdmin(long userId);

    /** The chat (usually a group) where support tickets go and are answered; null when tickets go to the admins. */
    Long supportChatId();

    /** Where a support ticket goes: the support chat, else every admin. */
    Set<Long> supportDestinations();

    /** The language of support tickets (read by the operators). */
    Language defaultLanguage();

    /** The zone for dates of users who have not chosen one. */
    ZoneId defaultZone();

    /** Order summaries get a "Pay (test)" button (the use cases then include the test payment). */
    boolean paymentTestMode();

    /** The crypto gateway is configured: order summaries get its Pay button. */
    boolean cryptoPayments();

    /** Where this server is reached from outside, for the bot's own subscription links; null when it is not. */
    default String subscriptionBaseUrl() {
        return null;
    }
}
