package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: the price list in the {@code tariffs} table (seeded with eight defaults). */
final class PostgresTariffs implements Tariffs {
    private final Database db;

    PostgresTariffs(Database db) {
        this.db = db;
    }

    @Override
    public TariffId nextId() {
        return new TariffId(db.withHandle(h -> h.createQuery("SELECT nextval('tariff_ids')").mapTo(Long.class).one()));
    }

    @Override
    public List<Tariff> all() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM tariffs ORDER BY display_order, days, id")
                .map((rs, ctx) -> tariff(rs))
                .list());
    }

    @Override
    public Optional<Tariff> find(TariffId id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM tariffs WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> tariff(rs))
                .findOne());
    }

    @Override
    public void save(Tariff tariff) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO tariffs (id, days, price, currency, active, display_order, stars_price)
                        VALUES (:id, :days, :price, :currency, :active, :displayOrder, :starsPrice)
                        ON CONFLICT (id) DO UPDATE SET days = excluded.days, price = excluded.price,
                            currency = excluded.currency, active = excluded.active, display_order = excluded.display_order,
                            stars_price = excluded.stars_price""")
                .bind("id", tariff.id().value())
                .bind("days", tariff.days())
                .bind("price", tariff.price().amount())
                .bind("currency", tariff.price().currencyCode())
                .bind("active", tariff.active())
                .bind("displayOrder", tariff.displayOrder())
                .bindByType("starsPrice", tariff.starsPrice() == null ? null : tariff.starsPrice().count(), Long.class)
                .execute());
    }

    @Override
    public void delete(TariffId id) {
        db.withHandle(h -> h.createUpdate("DELETE FROM tariffs WHERE id = :id").bind("id", id.value()).execute());
    }

    private static Tariff tariff(ResultSet rs) throws SQLException {
        return new Tariff(new TariffId(rs.getLong("id")), rs.getInt("days"), Columns.money(rs, "price", "currency"),
                rs.getBoolean("active"), rs.getInt("display_order"), PostgresOrders.stars(rs, "stars_price"));
    }
}
