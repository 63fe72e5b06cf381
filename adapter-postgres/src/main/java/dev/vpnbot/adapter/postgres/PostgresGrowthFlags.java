package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.growth.GrowthFlags;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.HashSet;
import java.util.Set;

/** Persistence adapter: {@code servers.for_trials} and {@code tariffs.once_per_user}. */
final class PostgresGrowthFlags implements GrowthFlags {
    private final Database db;

    PostgresGrowthFlags(Database db) {
        this.db = db;
    }

    @Override
    public Set<ServerId> trialServers() {
        return db.withHandle(h -> new HashSet<>(h.createQuery("SELECT id FROM servers WHERE for_trials")
                .map((rs, ctx) -> new ServerId(rs.getLong("id"))).list()));
    }

    @Override
    public void markTrialServer(ServerId server, boolean forTrials) {
        db.withHandle(h -> h.createUpdate("UPDATE servers SET for_trials = :on WHERE id = :id")
                .bind("on", forTrials).bind("id", server.value()).execute());
    }

    @Override
    public boolean oncePerUser(TariffId tariff) {
        return db.withHandle(h -> h.createQuery("SELECT once_per_user FROM tariffs WHERE id = :id")
                .bind("id", tariff.value()).mapTo(Boolean.class).findOne().orElse(false));
    }

    @Override
    public void markOncePerUser(TariffId tariff, boolean once) {
        db.withHandle(h -> h.createUpdate("UPDATE tariffs SET once_per_user = :on WHERE id = :id")
                .bind("on", once).bind("id", tariff.value()).execute());
    }

    @Override
    public boolean boughtBefore(UserId user, TariffId tariff) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM orders WHERE user_id = :user AND tariff_id = :tariff
                                       AND status IN ('CREATED', 'AWAITING_PAYMENT', 'PAID', 'FULFILLED', 'UNDERPAID'))""")
                .bind("user", user.telegramId()).bind("tariff", tariff.value()).mapTo(Boolean.class).one());
    }
}
