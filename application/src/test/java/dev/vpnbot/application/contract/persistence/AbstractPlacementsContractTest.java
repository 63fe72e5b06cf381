package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.application.port.out.Placements.Listed;
import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.PlacementStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.server.ServerGroupId;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code Placements} and {@code ServerGroups} contracts, for every implementation. */
public abstract class AbstractPlacementsContractTest extends PersistenceContract {
    private final Function<Persistence, Placements> placementsOf;
    private final Function<Persistence, ServerGroups> groupsOf;
    private Placements placements;
    private ServerGroups groups;
    private User owner;
    private Server frankfurt;
    private Server helsinki;
    private Server warsaw;

    protected AbstractPlacementsContractTest(Supplier<Persistence> freshPorts, Function<Persistence, Placements> placementsOf,
                                             Function<Persistence, ServerGroups> groupsOf) {
        super(freshPorts);
        this.placementsOf = placementsOf;
        this.groupsOf = groupsOf;
    }

    @BeforeEach
    void threeServers() {
        placements = placementsOf.apply(ports);
        groups = groupsOf.apply(ports);
        owner = savedUser(42);
        frankfurt = savedServer("Frankfurt");
        helsinki = savedServer("Helsinki");
        warsaw = savedServer("Warsaw");
    }

    private VpnKey activeKey() {
        return savedKey(owner, frankfurt, NOW.plus(Duration.ofDays(30)), KeyStatus.ACTIVE);
    }

    private Placement active(VpnKey key, Server server) {
        return Placement.pending(key, server.id(), NOW).activated(links(server, key.client()));
    }

    @Test
    void a_keys_placements_come_in_server_order_and_a_second_add_on_the_same_server_changes_nothing() {
        VpnKey key = activeKey();
        assertThat(placements.addIfMissing(Placement.pending(key, warsaw.id(), NOW))).isTrue();
        placements.save(active(key, frankfurt));
        assertThat(placements.addIfMissing(Placement.pending(key, frankfurt.id(), NOW))).isFalse();

        assertThat(placements.of(key.id())).extracting(Placement::server).containsExactly(frankfurt.id(), warsaw.id());
        assertThat(placements.find(key.id(), frankfurt.id()).orElseThrow().status()).isEqualTo(PlacementStatus.ACTIVE);
        assertThat(placements.find(key.id(), frankfurt.id()).orElseThrow().links()).isEqualTo(links(frankfurt, key.client()));
        assertThat(placements.find(key.id(), warsaw.id()).orElseThrow().panelEmail()).isEqualTo(key.client().email());
        assertThat(placements.find(key.id(), helsinki.id())).isEmpty();
    }

    @Test
    void a_page_of_keys_gets_each_keys_placements_in_server_order_in_one_go_and_keys_without_any_are_left_out() {
        VpnKey first = activeKey();
        VpnKey second = activeKey();
        VpnKey bare = activeKey();
        placements.save(active(first, warsaw));
        placements.save(active(first, frankfurt));
        placements.save(Placement.pending(second, helsinki.id(), NOW));

        var found = placements.ofKeys(java.util.List.of(second.id(), bare.id(), first.id()));

        assertThat(found).containsOnlyKeys(first.id(), second.id());
        assertThat(found.get(first.id())).isEqualTo(placements.of(first.id()));
        assertThat(found.get(first.id())).extracting(Placement::server).containsExactly(frankfurt.id(), warsaw.id());
        assertThat(found.get(second.id())).extracting(Placement::status).containsExactly(PlacementStatus.PENDING);
        assertThat(placements.ofKeys(java.util.List.of())).isEmpty();
    }

    @Test
    void only_active_placements_on_servers_switched_on_are_listed_and_disabled_ones_are_not_named() {
        VpnKey key = activeKey();
        placements.save(active(key, frankfurt));
        placements.save(active(key, helsinki));
        placements.save(Placement.pending(key, warsaw.id(), NOW));

        assertThat(placements.listed(key.id())).containsExactly(
                new Listed(frankfurt.id(), "Frankfurt", links(frankfurt, key.client()).vlessUrl()),
                new Listed(helsinki.id(), "Helsinki", links(helsinki, key.client()).vlessUrl()));
        assertThat(placements.locationNames(key.id())).containsExactly("Frankfurt", "Helsinki", "Warsaw");

        ports.servers().save(helsinki.withActive(false));
        placements.save(placements.find(key.id(), frankfurt.id()).orElseThrow().disabled());
        assertThat(placements.listed(key.id())).isEmpty();
        assertThat(placements.locationNames(key.id())).containsExactly("Helsinki", "Warsaw");
    }

    @Test
    void a_pending_placement_of_an_active_key_is_due_until_an_attempt_fails_and_again_at_its_next_time() {
        VpnKey key = activeKey();
        VpnKey preparing = savedKey(owner, frankfurt, NOW.plus(Duration.ofDays(30)), KeyStatus.PROVISIONING);
        VpnKey expired = savedKey(owner, frankfurt, NOW.minusSeconds(1), KeyStatus.ACTIVE);
        placements.addIfMissing(Placement.pending(key, helsinki.id(), NOW));
        placements.addIfMissing(Placement.pending(preparing, helsinki.id(), NOW));
        placements.addIfMissing(Placement.pending(expired, helsinki.id(), NOW));

        assertThat(placements.due(NOW, 10)).extracting(Placement::key).containsExactly(key.id());
        assertThat(placements.attemptFailed(key.id(), helsinki.id(), NOW.plusSeconds(30))).isEqualTo(1);
        assertThat(placements.attempts(key.id(), helsinki.id())).isEqualTo(1);
        assertThat(placements.due(NOW.plusSeconds(29), 10)).isEmpty();
        assertThat(placements.due(NOW.plusSeconds(30), 10)).extracting(Placement::key).containsExactly(key.id());

        placements.save(placements.find(key.id(), helsinki.id()).orElseThrow().activated(links(helsinki, key.client())));
        assertThat(placements.due(NOW.plusSeconds(30), 10)).isEmpty();
        assertThat(placements.attempts(key.id(), helsinki.id())).isEqualTo(1);
    }

    @Test
    void keys_of_a_group_miss_the_groups_servers_switched_on_they_have_no_placement_on() {
        ServerGroup nordic = groups.create("nordic").orElseThrow();
        groups.addMember(nordic.id(), frankfurt.id());
        groups.addMember(nordic.id(), helsinki.id());
        VpnKey grouped = activeKey();
        VpnKey everywhere = activeKey();
        VpnKey single = activeKey();
        placements.assignGroup(grouped.id(), nordic.id());
        placements.assignGroup(everywhere.id(), ServerGroupId.ALL);
        placements.save(active(grouped, frankfurt));
        placements.save(active(everywhere, frankfurt));
        placements.save(active(single, frankfurt));
        ports.servers().save(warsaw.withActive(false));

        assertThat(placements.missingInGroups(NOW, 10)).extracting(p -> p.key().value() + "@" + p.server().value())
                .containsExactly(grouped.id().value() + "@" + helsinki.id().value(), everywhere.id().value() + "@" + helsinki.id().value());
        assertThat(placements.missingInGroups(NOW, 10)).allMatch(Placement::isPending);
        assertThat(placements.groupOf(grouped.id())).contains(nordic.id());
        assertThat(placements.groupOf(single.id())).isEmpty();

        ports.servers().save(warsaw);
        groups.removeMember(nordic.id(), helsinki.id());
        assertThat(placements.missingInGroups(NOW, 10)).extracting(p -> p.key().value() + "@" + p.server().value())
                .containsExactly(everywhere.id().value() + "@" + helsinki.id().value(), everywhere.id().value() + "@" + warsaw.id().value());
        assertThat(placements.missingInGroups(NOW.plus(Duration.ofDays(31)), 10)).isEmpty(); // expired keys get nothing new
    }

    @Test
    void groups_have_unique_names_members_and_tariffs_covering_them() {
        assertThat(groups.findByName("ALL")).hasValueSatisfying(g -> assertThat(g.allServers()).isTrue());
        ServerGroup nordic = groups.create("Nordic").orElseThrow();
        assertThat(groups.create("NORDIC")).isEmpty();
        assertThat(groups.addMember(nordic.id(), helsinki.id())).isTrue();
        assertThat(groups.addMember(nordic.id(), helsinki.id())).isFalse();
        assertThat(groups.find(nordic.id()).orElseThrow().members()).containsExactly(helsinki.id());
        assertThat(groups.all()).extracting(ServerGroup::name).containsExactly("all", "Nordic");

        ports.tariffs().save(ONE_MONTH);
        assertThat(groups.groupOfTariff(ONE_MONTH.id())).isEmpty();
        groups.setTariffGroup(ONE_MONTH.id(), nordic.id());
        assertThat(groups.groupOfTariff(ONE_MONTH.id())).contains(nordic.id());
        groups.setTariffGroup(ONE_MONTH.id(), null);
        assertThat(groups.groupOfTariff(ONE_MONTH.id())).isEmpty();
        assertThat(groups.removeMember(nordic.id(), helsinki.id())).isTrue();
        assertThat(groups.removeMember(nordic.id(), helsinki.id())).isFalse();
    }
}
