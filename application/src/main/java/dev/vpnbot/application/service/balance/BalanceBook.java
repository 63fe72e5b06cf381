package dev.vpnbot.application.service.balance;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.balance.ShowBalanceUseCase;
import dev.vpnbot.application.port.out.balance.Balances;
import dev.vpnbot.domain.balance.LedgerPosting;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.user.UserId;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The ledger as the rest of the application uses it. Rules: every posting is in the shop's
 * currency and above zero (bad input is refused before anything is written); a debit the balance
 * does not cover is refused with the shortfall; a posting whose source was written before is
 * not written again (the answer says DUPLICATE).
 */
public final class BalanceBook implements ShowBalanceUseCase {
    /** Top-ups and manual entries larger than this are refused as typing mistakes. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final Balances balances;
    private final ShopCurrency currency;

    public BalanceBook(Balances balances, ShopCurrency currency) {
        this.balances = balances;
        this.currency = currency;
    }

    @Override
    public BalanceView show(UserId user, int historyLimit) {
        return new BalanceView(balanceOf(user), balances.history(user, historyLimit));
    }

    public Money balanceOf(UserId user) {
        return balances.balanceOf(user).orElseGet(() -> new Money(BigDecimal.ZERO, currency.get()));
    }

    @Override
    public Money amount(String typed) {
        if (typed == null || typed.isBlank()) throw invalid("an amount is required");
        Money money;
        try {
            money = Money.of(typed.strip().replace(',', '.'), currency.get().getCurrencyCode());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return requireValid(money);
    }

    /** Above zero, at most {@link #MAX_AMOUNT}, in the shop's currency; Refusal INVALID_INPUT otherwise. */
    public Money requireValid(Money money) {
        Currency shop = currency.get();
        if (!money.currency().equals(shop)) throw invalid(money.currencyCode() + " is not the shop's currency " + shop.getCurrencyCode());
        if (money.amount().signum() <= 0) throw invalid("the amount must be above zero, got " + money);
        if (money.amount().compareTo(MAX_AMOUNT) > 0) throw invalid("the amount is larger than " + MAX_AMOUNT.toPlainString());
        return money;
    }

    /** Writes the posting (joining the caller's transaction); refuses another currency. */
    public Balances.Posted post(LedgerPosting posting) {
        requireValid(posting.amount());
        return balances.post(posting);
    }

    /** As {@link #post}, and a debit the balance does not cover is Refusal BALANCE_TOO_LOW naming the shortfall. */
    public Balances.Posted postOrRefuse(LedgerPosting posting) {
        Balances.Posted posted = post(posting);
        if (posted.result() == Balances.Result.INSUFFICIENT) {
            throw new Refusal(Refusal.Reason.BALANCE_TOO_LOW, shortfall(posting.amount(), posted.balance()).toString());
        }
        return posted;
    }

    /** What {@code balance} lacks to pay {@code price} (zero when it covers it). */
    public static Money shortfall(Money price, Money balance) {
        return balance.isAtLeast(price) ? new Money(BigDecimal.ZERO, price.currency()) : price.minus(balance);
    }

    public java.util.Optional<dev.vpnbot.domain.balance.LedgerEntry> entry(String source) {
        return balances.entry(source);
    }

    private static Refusal invalid(String why) {
        return new Refusal(Refusal.Reason.INVALID_INPUT, why);
    }
}
