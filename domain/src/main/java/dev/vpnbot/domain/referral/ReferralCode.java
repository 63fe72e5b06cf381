package dev.vpnbot.domain.referral;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A user's own invitation code: the part after {@code ref_} in their start link. */
public record ReferralCode(String value) {
    public static final String PREFIX = "ref_";
    /** Telegram allows at most 64 characters in a start parameter. */
    public static final int MAX_PAYLOAD = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9]{6,16}");

    public ReferralCode {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) throw new IllegalArgumentException("a referral code is 6 to 16 letters or digits");
    }

    /** The code a start payload carries; garbage, an unknown prefix or an over-long payload give nothing. */
    public static Optional<ReferralCode> fromStartPayload(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD || !payload.startsWith(PREFIX)) return Optional.empty();
        String code = payload.substring(PREFIX.length());
        return SHAPE.matcher(code).matches() ? Optional.of(new ReferralCode(code)) : Optional.empty();
    }

    public String startPayload() {
        return PREFIX + value;
    }
}
