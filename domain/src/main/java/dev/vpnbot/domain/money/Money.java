package dev.vpnbot.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency. Never a double: prices go to a payment gateway
 * as decimal strings and are compared to what was actually paid.
 *
 * <p>The amount is kept at the currency's own scale (2 for USD and RUB), so "5" and "5.00"
 * are the same Money and equal.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("money cannot be negative: " + amount.toPlainString());
        }
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(
                    currency.getCurrencyCode() + " has " + scale + " decimal places, got " + amount.toPlainString());
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** Parses "4.99" and "USD"; throws a clear error for anything else. */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currencyCode, "currencyCode");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount of money: '" + amount + "'");
        }
        return new Money(value, currency(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: '" + code + "'");
        }
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new IllegalArgumentException("cannot compare " + currencyCode() + " with " + other.currencyCode());
        }
    }

    /** "4.99 USD": the form used in logs and admin screens. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currencyCode();
    }
}
