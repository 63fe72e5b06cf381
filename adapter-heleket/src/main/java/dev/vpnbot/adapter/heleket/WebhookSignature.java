package dev.vpnbot.adapter.heleket;

import java.util.Objects;

/**
 * Checks the {@code sign} inside a Heleket webhook body (reference §5): parse keeping member
 * order and number text, take {@code sign} out, re-encode the rest as PHP would, and compare
 * MD5(Base64(that) + payment key) in constant time. Re-encoding, rather than cutting
 * {@code "sign":"…"} out of the raw bytes, is what lets a body that escapes its unicode verify
 * as well as one that does not.
 */
final class WebhookSignature {
    private final String apiKey;

    WebhookSignature(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    }

    /** Why a body was refused. */
    enum Flaw {
        MALFORMED, NOT_AN_OBJECT, UNSIGNED, FORGED
    }

    static final class Refused extends Exception {
        private final Flaw flaw;

        Refused(Flaw flaw, String message) {
            super(message);
            this.flaw = flaw;
        }

        Flaw flaw() {
            return flaw;
        }
    }

    /** The body's members without {@code sign}, once the sign proved them Heleket's. */
    ReceivedJson.Obj verify(byte[] body) throws Refused {
        ReceivedJson parsed;
        try {
            parsed = ReceivedJson.parse(body);
        } catch (ReceivedJson.Malformed e) {
            throw new Refused(Flaw.MALFORMED, "not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof ReceivedJson.Obj object)) throw new Refused(Flaw.NOT_AN_OBJECT, "body is not a JSON object");
        if (!(object.get("sign").orElse(null) instanceof ReceivedJson.Str sign)) {
            throw new Refused(Flaw.UNSIGNED, "no string 'sign' at the top level");
        }
        ReceivedJson.Obj signed = object.without("sign");
        byte[] canonical;
        try {
            canonical = PhpJson.encode(signed);
        } catch (PhpJson.Unencodable e) {
            throw new Refused(Flaw.MALFORMED, e.getMessage());
        }
        if (!HeleketSign.matches(canonical, apiKey, sign.value())) throw new Refused(Flaw.FORGED, "sign does not match");
        return signed;
    }
}
