package dev.vpnbot.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryServerGroups;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.InMemoryTariffs;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renaming and deleting server groups: the CLI's name rules, and no group deleted while a tariff sells it. */
class ServerGroupAdministrationTest {
    private static final UserId ADMIN = new UserId(1);
    private final InMemoryServerGroups groups = new InMemoryServerGroups();
    private final InMemoryTariffs tariffs = new InMemoryTariffs();
    private final InMemoryServers servers = new InMemoryServers(new InMemoryKeys(), new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
    private final ServerGroupAdministration admin = new ServerGroupAdministration(new Admins(Set.of(ADMIN)), groups, servers, tariffs);

    @BeforeEach
    void aServerAndATariff() {
        servers.save(ServerMother.server(1, "Helsinki"));
        tariffs.save(TariffMother.oneMonth(1));
    }

    @Test
    void a_group_is_renamed_unless_the_name_is_bad_or_taken_and_all_keeps_its_name() {
        admin.create(ADMIN, "Nordic");
        admin.create(ADMIN, "Baltic");
        assertThat(admin.rename(ADMIN, "nordic", " Scandinavia ").name()).isEqualTo("Scandinavia");

        refused(() -> admin.rename(ADMIN, "Scandinavia", "BALTIC"), "exists already");
        refused(() -> admin.rename(ADMIN, "Scandinavia", "x".repeat(65)), "1 to 64");
        refused(() -> admin.rename(ADMIN, "Scandinavia", " "), "1 to 64");
        refused(() -> admin.rename(ADMIN, "all", "everything"), "holds every server");
        refused(() -> admin.rename(ADMIN, "Atlantis", "Sea"), "no server group");
        assertThat(groups.all()).extracting(ServerGroup::name).containsExactly("all", "Scandinavia", "Baltic");
        assertThatThrownBy(() -> admin.rename(new UserId(2), "Baltic", "Mine")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_ADMIN));
    }

    @Test
    void a_group_a_tariff_sells_is_not_deleted_until_the_tariff_sells_another() {
        admin.create(ADMIN, "Nordic");
        admin.addServer(ADMIN, "Nordic", new ServerId(1));
        admin.setTariffGroup(ADMIN, new TariffId(1), "Nordic");

        refused(() -> admin.delete(ADMIN, "Nordic"), "sold by tariff(s) #1");
        assertThat(groups.findByName("Nordic")).isPresent();
        refused(() -> admin.delete(ADMIN, "all"), "holds every server");

        admin.setTariffGroup(ADMIN, new TariffId(1), "all");
        admin.delete(ADMIN, "nordic");
        assertThat(groups.findByName("Nordic")).isEmpty();
        assertThat(admin.groupOfTariff(ADMIN, new TariffId(1))).map(ServerGroup::name).contains("all");
        refused(() -> admin.delete(ADMIN, "Nordic"), "no server group");
    }

    private static void refused(ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.reason()).isEqualTo(Refusal.Reason.INVALID_INPUT);
            assertThat(r.getMessage()).contains(detail);
        });
    }
}
