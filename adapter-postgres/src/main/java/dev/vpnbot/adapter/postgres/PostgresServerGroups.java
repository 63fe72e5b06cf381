package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerGroupId;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Persistence adapter: server groups ({@code server_groups}, {@code server_group_members}) and each tariff's group. */
final class PostgresServerGroups implements ServerGroups {
    private static final String SELECT = """
            SELECT g.id, g.name, g.all_servers,
                   coalesce((SELECT array_agg(m.server_id ORDER BY m.server_id) FROM server_group_members m
                              JOIN servers s ON s.id = m.server_id AND s.retired_at IS NULL
                             WHERE m.group_id = g.id), '{}') AS members
              FROM server_groups g""";

    private final Database db;

    PostgresServerGroups(Database db) {
        this.db = db;
    }

    @Override
    public List<ServerGroup> all() {
        return db.withHandle(h -> h.createQuery(SELECT + " ORDER BY g.id").map((rs, ctx) -> group(rs)).list());
    }

    @Override
    public Optional<ServerGroup> find(ServerGroupId id) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE g.id = :id").bind("id", id.value()).map((rs, ctx) -> group(rs)).findOne());
    }

    @Override
    public Optional<ServerGroup> findByName(String name) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE lower(g.name) = lower(:name)").bind("name", name)
                .map((rs, ctx) -> group(rs)).findOne());
    }

    @Override
    public Optional<ServerGroup> create(String name) {
        Optional<Long> id = db.withHandle(h -> h.createQuery("""
                        INSERT INTO server_groups (id, name) VALUES (nextval('server_group_ids'), :name)
                        ON CONFLICT ((lower(name))) DO NOTHING RETURNING id""")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne());
        return id.flatMap(i -> find(new ServerGroupId(i)));
    }

    @Override
    public boolean addMember(ServerGroupId group, ServerId server) {
        return db.withHandle(h -> h.createUpdate("""
                        INSERT INTO server_group_members (group_id, server_id) VALUES (:group, :server) ON CONFLICT DO NOTHING""")
                .bind("group", group.value())
                .bind("server", server.value())
                .execute()) == 1;
    }

    @Override
    public boolean removeMember(ServerGroupId group, ServerId server) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM server_group_members WHERE group_id = :group AND server_id = :server")
                .bind("group", group.value())
                .bind("server", server.value())
                .execute()) == 1;
    }

    @Override
    public Optional<ServerGroupId> groupOfTariff(TariffId tariff) {
        return db.withHandle(h -> h.createQuery("SELECT server_group_id FROM tariffs WHERE id = :id AND server_group_id IS NOT NULL")
                .bind("id", tariff.value())
                .mapTo(Long.class)
                .findOne()
                .map(ServerGroupId::new));
    }

    @Override
    public void setTariffGroup(TariffId tariff, ServerGroupId group) {
        db.withHandle(h -> h.createUpdate("UPDATE tariffs SET server_group_id = :group WHERE id = :id")
                .bind("id", tariff.value())
                .bindByType("group", group == null ? null : group.value(), Long.class)
                .execute());
    }

    @Override
    public boolean rename(ServerGroupId group, String name) {
        try {
            return db.withHandle(h -> h.createUpdate("""
                            UPDATE server_groups SET name = :name WHERE id = :id AND NOT all_servers
                               AND NOT EXISTS (SELECT 1 FROM server_groups o WHERE lower(o.name) = lower(:name) AND o.id <> :id)""")
                    .bind("id", group.value())
                    .bind("name", name)
                    .execute()) == 1;
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) return false; // taken by a rename or create that committed meanwhile
            throw e;
        }
    }

    @Override
    public List<TariffId> tariffsOf(ServerGroupId group) {
        return db.withHandle(h -> h.createQuery("SELECT id FROM tariffs WHERE server_group_id = :group ORDER BY id")
                .bind("group", group.value())
                .mapTo(Long.class)
                .map(TariffId::new)
                .list());
    }

    /** The group's row is locked first: a tariff given the group meanwhile waits (its foreign key) and then fails. */
    @Override
    public boolean delete(ServerGroupId group) {
        return db.inTransaction(() -> db.withHandle(h -> {
            boolean free = h.createQuery("""
                            SELECT NOT EXISTS (SELECT 1 FROM tariffs t WHERE t.server_group_id = g.id)
                              FROM server_groups g WHERE g.id = :id AND NOT g.all_servers FOR UPDATE OF g""")
                    .bind("id", group.value())
                    .mapTo(Boolean.class)
                    .findOne().orElse(false);
            if (!free) return false;
            h.createUpdate("UPDATE vpn_keys SET server_group_id = NULL WHERE server_group_id = :id").bind("id", group.value()).execute();
            return h.createUpdate("DELETE FROM server_groups WHERE id = :id").bind("id", group.value()).execute() == 1;
        }));
    }

    private static ServerGroup group(java.sql.ResultSet rs) throws java.sql.SQLException {
        Set<ServerId> members = new HashSet<>();
        for (Long id : (Long[]) rs.getArray("members").getArray()) members.add(new ServerId(id));
        return new ServerGroup(new ServerGroupId(rs.getLong("id")), rs.getString("name"), rs.getBoolean("all_servers"), members);
    }
}
