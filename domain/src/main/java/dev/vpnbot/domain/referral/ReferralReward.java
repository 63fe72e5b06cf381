package dev.vpnbot.domain.referral;

/**
 * What a referrer gets for a friend's first paid order, the operator's choice. Sealed so that every
 * place that grants, shows or reverses a reward handles each kind (docs/GROWTH.md).
 */
public sealed interface ReferralReward {

    /** The stored name of the kind. */
    String kind();

    /** Days added to the referrer's most recent usable key. */
    record ExtraDays(int days) implements ReferralReward {
        public ExtraDays {
            if (days < 1 || days > 365) throw new IllegalArgumentException("a reward of 1 to 365 days, not " + days);
        }

        @Override
        public String kind() {
            return "EXTRA_DAYS";
        }
    }

    /**
     * A personal single-use promo code, percent off the referrer's next order.
     *
     * @param code the issued code; null in the operator's setting, before one is issued
     */
    record Discount(int percent, String code) implements ReferralReward {
        public Discount {
            if (percent < 1 || percent > 100) throw new IllegalArgumentException("a discount of 1 to 100 %, not " + percent);
        }

        public Discount issued(String issuedCode) {
            return new Discount(percent, java.util.Objects.requireNonNull(issuedCode, "issuedCode"));
        }

        @Override
        public String kind() {
            return "DISCOUNT";
        }
    }

    static ReferralReward of(String kind, int days) {
        return of(kind, days, 0, null);
    }

    static ReferralReward of(String kind, int days, int percent, String code) {
        if ("EXTRA_DAYS".equals(kind)) return new ExtraDays(days);
        if ("DISCOUNT".equals(kind)) return new Discount(percent, code);
        throw new IllegalArgumentException("unknown reward kind " + kind);
    }
}
