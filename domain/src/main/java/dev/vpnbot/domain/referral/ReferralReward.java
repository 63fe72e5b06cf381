package dev.vpnbot.domain.referral;

/**
 * What a referrer gets for a friend's first paid order. Sealed so that every place that grants,
 * shows or reverses a reward must handle each kind; a "discount on the next order" kind can be
 * added here later (docs/GROWTH.md).
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

    static ReferralReward of(String kind, int days) {
        if ("EXTRA_DAYS".equals(kind)) return new ExtraDays(days);
        throw new IllegalArgumentException("unknown reward kind " + kind);
    }
}
