package dev.vpnbot.adapter.telegram;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a chat stands in a multi-step flow, stored through the ConversationStates port as
 * {@code step:id:choice}. Only steps that change what the bot does next are kept: a text
 * message while writing to support goes to support; a repeated tap on the button that placed an
 * order shows that order again instead of placing a second one.
 *
 * @param id     the tariff, key or order the step is about (0 when none)
 * @param choice for PAYING: the callback data that placed the order
 */
record Conversation(Step step, long id, String choice) {

    enum Step { BUYING, EXTENDING, PAYING, SUPPORT }

    Conversation {
        Objects.requireNonNull(step, "step");
        if (id < 0) throw new IllegalArgumentException("id cannot be negative");
        choice = choice == null ? "" : choice;
    }

    static Conversation buying() {
        return new Conversation(Step.BUYING, 0, "");
    }

    static Conversation extending(long keyId) {
        return new Conversation(Step.EXTENDING, keyId, "");
    }

    static Conversation paying(long orderId, String choice) {
        return new Conversation(Step.PAYING, orderId, choice);
    }

    static Conversation support() {
        return new Conversation(Step.SUPPORT, 0, "");
    }

    String encode() {
        return step.name().toLowerCase(Locale.ROOT) + ":" + id + ":" + choice;
    }

    /** Empty for anything this version did not write: a stale or foreign state is no state. */
    static Optional<Conversation> decode(String stored) {
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
