package dev.vpnbot.application.model.statistics;

import dev.vpnbot.domain.money.Money;
import java.util.List;

/**
 * Referrals, all time: invitations recorded, rewards granted and reversed, and what invited users
 * paid (orders paid with money; crypto totals per currency, Stars in stars).
 */
public record ReferralFigures(long invited, long rewardsGranted, long rewardsReversed, long paidOrders,
                              List<Money> cryptoTotals, long stars) {
    public ReferralFigures {
        cryptoTotals = List.copyOf(cryptoTotals);
    }
}
