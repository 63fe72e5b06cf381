package dev.vpnbot.domain.key;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in a key's subscription URL ({@code /sub/<token>}): 256 bits written as 43 URL-safe
 * base64 characters. Whoever holds it may fetch the key's links, so it is never logged and the
 * database keeps only its hash.
 */
public record SubscriptionToken(String value) {
    public static final int LENGTH = 43;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");

    public SubscriptionToken {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) throw new IllegalArgumentException("not a subscription token");
    }

    /**
     * Rule: a text of the wrong length or alphabet is no token at all, decided without a lookup;
     * the caller answers it exactly as an unknown token.
     */
    public static Optional<SubscriptionToken> parse(String text) {
        if (text == null || text.length() != LENGTH || !SHAPE.matcher(text).matches()) return Optional.empty();
        return Optional.of(new SubscriptionToken(text));
    }

    /** Never the secret itself: records end up in logs. */
    @Override
    public String toString() {
        return "SubscriptionToken[***]";
    }
}
