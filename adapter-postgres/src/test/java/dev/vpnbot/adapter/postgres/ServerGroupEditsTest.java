package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.contract.PostgresPorts;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerGroupId;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Renaming and deleting server groups in PostgreSQL: taken names, "all", tariffs that sell a group, keys sold for it. */
@PostgresTest
class ServerGroupEditsTest {

    @Test
    void a_group_is_renamed_unless_taken_and_deleted_only_when_no_tariff_sells_it_its_keys_losing_the_group(
            PostgresPersistence db, TestSchema schema, MutableClock clock) {
        Persistence ports = PostgresPorts.emptied(db, schema, clock);
        ServerGroups groups = db.serverGroups();
        ports.users().save(UserMother.russian(101));
        ports.servers().save(ServerMother.server(1, "Helsinki"));
        ports.tariffs().save(TariffMother.oneMonth(1));
        ServerGroup nordic = groups.create("Nordic").orElseThrow();
        ServerGroup baltic = groups.create("Baltic").orElseThrow();
        groups.addMember(nordic.id(), new ServerId(1));

        assertThat(groups.rename(nordic.id(), "BALTIC")).isFalse();
        assertThat(groups.rename(ServerGroupId.ALL, "everything")).isFalse();
        assertThat(groups.rename(nordic.id(), "Scandinavia")).isTrue();
        assertThat(groups.rename(nordic.id(), "scandinavia")).isTrue(); // its own name in another case
        assertThat(groups.find(nordic.id()).map(ServerGroup::name)).contains("scandinavia");

        KeyId key = ports.keys().nextId();
        PanelClientId client = new PanelClientId(UUID.randomUUID(), "grp-k" + key, "grp" + key + "sub");
        ports.keys().save(new VpnKey(key, new UserId(101), new ServerId(1), client, clock.instant().plus(Duration.ofDays(30)),
                KeyStatus.ACTIVE, new KeyLinks("https://sub.example/1", "vless://1@x.example:443#1"), clock.instant()));
        db.placements().assignGroup(key, nordic.id());
        groups.setTariffGroup(new TariffId(1), nordic.id());

        assertThat(groups.tariffsOf(nordic.id())).containsExactly(new TariffId(1));
        assertThat(groups.delete(nordic.id())).isFalse();
        assertThat(groups.delete(ServerGroupId.ALL)).isFalse();
        assertThat(groups.find(nordic.id())).isPresent();

        groups.setTariffGroup(new TariffId(1), baltic.id());
        assertThat(groups.delete(nordic.id())).isTrue();
        assertThat(groups.find(nordic.id())).isEmpty();
        assertThat(db.placements().groupOf(key)).isEmpty();
        assertThat(schema.queryLong("SELECT count(*) FROM server_group_members WHERE group_id = " + nordic.id().value())).isZero();
        assertThat(groups.delete(nordic.id())).isFalse();
        assertThat(groups.all()).extracting(ServerGroup::name).containsExactly("all", "Baltic");
    }
}
