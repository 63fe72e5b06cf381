package dev.vpnbot.application.service.growth;

import dev.vpnbot.application.port.out.codes.PromoCodes;
import dev.vpnbot.domain.promo.Benefit;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.referral.ReferralReward;
import dev.vpnbot.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The discount kind of referral reward: a promo code of the referrer's own (nobody else can use
 * it), percent off, usable once, kept for their next order. Runs inside the referral's transaction.
 */
final class ReferralDiscounts {
    static final String PREFIX = "REF-";
    /** No look-alikes (0/O, 1/I): the code may be typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 8;

    private final PromoCodes codes;
    private final SecureRandom random = new SecureRandom();

    ReferralDiscounts(PromoCodes codes) {
        this.codes = codes;
    }

    /** Issues the code; a code that takes a taken text (unlikely: 40 random bits) tries again. */
    ReferralReward.Discount issue(UserId referrer, ReferralReward.Discount reward, Instant now) {
        for (int attempt = 0; attempt < 5; attempt++) {
            PromoCode wanted = new PromoCode(0, freshCode(), new Benefit.PercentOff(reward.percent()), 1, 1, null, Set.of(), false, false,
                    now, referrer);
            Optional<PromoCode> made = codes.create(wanted);
            if (made.isPresent()) {
                // applied to the next order by itself, unless the referrer brought another code by a link
                if (codes.remembered(referrer).isEmpty()) codes.remember(referrer, made.get().code());
                return reward.issued(made.get().code());
            }
        }
        throw new IllegalStateException("no free reward code after 5 attempts");
    }

    /** The refund takes the reward back: an unused code is disabled; a used one stays (the order it discounted is honoured). */
    boolean takeBack(ReferralReward.Discount reward) {
        Optional<PromoCode> code = codes.findForUpdate(reward.code());
        if (code.isEmpty() || code.get().disabled() || codes.uses(code.get().id()) > 0) return false;
        codes.save(code.get().disable());
        return true;
    }

    private String freshCode() {
        StringBuilder code = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return code.toString();
    }
}
