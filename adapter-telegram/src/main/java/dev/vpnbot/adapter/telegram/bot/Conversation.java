package dev.vpnbot.adapter.telegram.bot;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a chat stands in a multi-step flow, stored through the ConversationStates port as
 * {@code step:id:choice}. Only steps that change what the bot does next are kept: a text
 * message while writing to support goes to support; a repeated tap on the button that placed an
 * order shows that order again instead of placing a second one.
 *
 * <p>Admin steps wait for the admin's next text (a new name, a price, a broadcast text…); the
 * server being added keeps its draft in {@code choice} (see the admin screens' {@code ServerDraft}).
 *
 * @param id     the tariff, key, order or server the step is about (0 when none)
 * @param choice for PAYING and ADMIN_GRANTED: the callback data that did it; for ADMIN_ADD_SERVER:
 *               the draft; for ADMIN_BROADCAST_TEXT: the audience
 */
public record Conversation(Step step, long id, String choice) {

    public enum Step {
        BUYING, EXTENDING, PAYING, SUPPORT,
        ADMIN_ADD_SERVER, ADMIN_SERVER_RENAME, ADMIN_SERVER_MAX_CLIENTS, ADMIN_SERVER_CREDENTIALS,
        ADMIN_TARIFF_PRICE, ADMIN_TARIFF_ADD, ADMIN_BROADCAST_TEXT, ADMIN_USER_LOOKUP, ADMIN_ENROLL_TOKEN,
        /** maintenance: the next text is the message buyers read while sales are paused */
        ADMIN_SALES_PAUSE_MESSAGE,
        /** a grant was made by the button in {@code choice}: pressing it again shows the grant, never a second one */
        ADMIN_GRANTED,
        /** the Stars price of the tariff in {@code id} */
        ADMIN_TARIFF_STARS,
        /** the device and traffic limits of the tariff in {@code id} */
        ADMIN_TARIFF_LIMITS,
        /** a tariff's traffic pack size in GB (issue 22) */
        ADMIN_TARIFF_PACK,
        /** the time zone screen is open: typed text searches zones */
        TIME_ZONE,
        /** "I have a code" on the order in {@code id}: typed text is the promo code */
        PROMO_CODE,
        /** the words of a new promo code (docs/CODES.md) */
        ADMIN_PROMO_NEW,
        /** "Top up balance" is open: typed text is the amount */
        BALANCE_TOP_UP,
        /** the next text is "amount reason" for a manual entry on user {@code id}; choice "credit" or "debit" */
        ADMIN_LEDGER_ENTRY,
        /** an app of the app list, typed line by line: "add:PLATFORM" or "edit:PLATFORM:code" in {@code choice} */
        ADMIN_APP,
        /** a server group's name: {@code id} the group renamed, 0 a new group */
        ADMIN_GROUP_NAME;

        public boolean adminOnly() {
            return name().startsWith("ADMIN_");
        }
    }

    public Conversation {
        Objects.requireNonNull(step, "step");
        if (id < 0) throw new IllegalArgumentException("id cannot be negative");
        choice = choice == null ? "" : choice;
    }

    public static Conversation buying() {
        return new Conversation(Step.BUYING, 0, "");
    }

    public static Conversation extending(long keyId) {
        return new Conversation(Step.EXTENDING, keyId, "");
    }

    public static Conversation paying(long orderId, String choice) {
        return new Conversation(Step.PAYING, orderId, choice);
    }

    public static Conversation support() {
        return new Conversation(Step.SUPPORT, 0, "");
    }

    public static Conversation promoCode(long orderId) {
        return new Conversation(Step.PROMO_CODE, orderId, "");
    }

    public static Conversation timeZone() {
        return new Conversation(Step.TIME_ZONE, 0, "");
    }

    public static Conversation admin(Step step, long id, String choice) {
        if (!step.adminOnly()) throw new IllegalArgumentException(step + " is not an admin step");
        return new Conversation(step, id, choice);
    }

    public String encode() {
        return step.name().toLowerCase(Locale.ROOT) + ":" + id + ":" + choice;
    }

    /** Empty for anything this version did not write: a stale or foreign state is no state. */
    public static Optional<Conversation> decode(String stored) {
        if (stored == null) return Optional.empty();
        String[] parts = stored.split(":", 3);
        if (parts.length != 3) return Optional.empty();
        try {
            return Optional.of(new Conversation(Step.valueOf(parts[0].toUpperCase(Locale.ROOT)), Long.parseLong(parts[1]), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
