package dev.vpnbot.domain.order;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The order id the payment gateway sees (Heleket's {@code order_id}): 1–128 characters of
 * {@code [A-Za-z0-9_-]}, unique for ever. It is not our database id, so nobody can guess
 * other people's orders from it.
 */
public record PublicOrderId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public PublicOrderId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("public order id must be 1-128 chars of [A-Za-z0-9_-], got '" + value + "'");
        }
    }

    /** "vpn-42-k3x9q7": readable in the gateway's dashboard, unguessable thanks to the nonce. */
    public static PublicOrderId of(OrderId id, String nonce) {
        return new PublicOrderId("vpn-" + id.value() + "-" + nonce);
    }

    @Override
    public String toString() {
        return value;
    }
}
