package dev.vpnbot.adapter.postgres;

import dev.vpnbot.domain.money.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads our column types from result rows: timestamptz as Instant, numeric + currency as Money. */
final class Columns {
    private Columns() {}

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Money money(ResultSet rs, String amountColumn, String currencyColumn) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(amountColumn);
        String currency = rs.getString(currencyColumn);
        return amount == null || currency == null ? null : Money.of(amount.stripTrailingZeros(), currency);
    }

    /** A nullable bigint column; null when SQL NULL. */
    static Long optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
