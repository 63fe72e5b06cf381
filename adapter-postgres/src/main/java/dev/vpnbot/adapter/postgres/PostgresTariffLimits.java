package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffLimits;

/**
 * Persistence adapter: the limit columns of {@code tariffs} (V16). Kept out of
 * {@link PostgresTariffs}' upsert, so a price change never touches them.
 */
final class PostgresTariffLimits implements TariffLimitBook {
    private final Database db;

    PostgresTariffLimits(Database db) {
        this.db = db;
    }

    @Override
    public TariffLimits limitsOf(TariffId tariff) {
        return db.withHandle(h -> h.createQuery("SELECT ip_limit, traffic_gb, monthly_reset FROM tariffs WHERE id = :id")
                .bind("id", tariff.value())
                .map((rs, ctx) -> new TariffLimits(rs.getInt("ip_limit"), rs.getInt("traffic_gb"), rs.getBoolean("monthly_reset")))
                .findOne()
                .orElse(TariffLimits.NONE));
    }

    @Override
    public boolean setLimits(TariffId tariff, TariffLimits limits) {
        return db.withHandle(h -> h.createUpdate(
                        "UPDATE tariffs SET ip_limit = :ips, traffic_gb = :gb, monthly_reset = :monthly WHERE id = :id")
                .bind("id", tariff.value())
                .bind("ips", limits.devices())
                .bind("gb", limits.trafficGb())
                .bind("monthly", limits.monthlyReset())
                .execute()) == 1;
    }
}
