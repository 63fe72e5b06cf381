package dev.vpnbot.application.service.fulfilment;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel.Client;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.port.in.fulfilment.RepairPanelDriftUseCase.Result;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.model.panel.PanelRepair.Fix;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The drift repair: the panels are put back as the database has them, and only that. */
class PanelDriftRepairTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant PAID_UNTIL = Instant.parse("2026-03-31T10:00:12.345Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryKeys keys = new InMemoryKeys();
    private final InMemoryServers servers = new InMemoryServers(keys, clock);
    private final SimulatedVpnPanel panel = new SimulatedVpnPanel();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final PanelDriftRepair repair = new PanelDriftRepair(servers, keys, panel, notifier, clock, PurchaseSettings.defaults());
    private final Server frankfurt = saved(ServerMother.server(1, "Frankfurt"));

    private Server saved(Server server) {
        servers.save(server);
        return server;
    }

    private VpnKey activeKey(Server server, Instant expiresAt) {
        return key(server, expiresAt, KeyStatus.ACTIVE, true);
    }

    private VpnKey key(Server server, Instant expiresAt, KeyStatus status, boolean onPanel) {
        KeyId id = keys.nextId();
        long owner = 500 + id.value();
        PanelClientId client = new PanelClientId(UUID.randomUUID(), "vpnbot-k" + id + "-u" + owner, "k" + id + "sub");
        VpnKey key = new VpnKey(id, new UserId(owner), server.id(), client, expiresAt, status,
                status == KeyStatus.PROVISIONING ? null : panel.links(server, client), NOW.minus(Duration.ofDays(1)));
        keys.save(key);
        if (onPanel) panel.createClient(server, new NewPanelClient(client, expiresAt, owner, 0, 0));
        return key;
    }

    private Client onPanel(VpnKey key) {
        return panel.client(key.serverId(), key.client().email()).orElseThrow();
    }

    private List<AdminAlert> alerts(AdminAlert.Kind kind) {
        return notifier.alerts().stream().filter(a -> a.kind() == kind).toList();
    }

    @Test
    void a_client_deleted_by_hand_is_created_again_under_the_same_identity_and_reported() {
        VpnKey key = activeKey(frankfurt, PAID_UNTIL);
        activeKey(frankfurt, PAID_UNTIL); // agrees: left alone
        panel.deleteByHand(frankfurt.id(), key.client().email());

        Result result = repair.repairDrift();

        assertThat(onPanel(key).id()).isEqualTo(key.client());
        assertThat(onPanel(key).expiresAt()).isEqualTo(PAID_UNTIL);
        assertThat(onPanel(key).enabled()).isTrue();
        assertThat(result.keysChecked()).isEqualTo(2);
        assertThat(result.fixesByKind()).isEqualTo(Map.of(Fix.CREATED, 1));
        assertThat(alerts(AdminAlert.Kind.PANEL_DRIFT_REPAIRED)).singleElement().satisfies(a -> assertThat(a.detail())
                .contains("Frankfurt").contains("CREATED 1").contains("#" + key.id() + " " + key.client().email()));
    }

    @Test
    void an_expiry_edited_by_hand_is_set_back_to_the_databases_to_the_millisecond() {
        VpnKey key = activeKey(frankfurt, PAID_UNTIL);
        panel.editByHand(frankfurt.id(), key.client().email(),
                c -> new Client(c.id(), PAID_UNTIL.plus(Duration.ofDays(365)).plusMillis(1), c.enabled(), c.telegramId(), c.flow()));

        Result result = repair.repairDrift();

        assertThat(onPanel(key).expiresAt()).isEqualTo(PAID_UNTIL);
        assertThat(onPanel(key).expiresAt().toEpochMilli()).isEqualTo(PAID_UNTIL.toEpochMilli());
        assertThat(result.fixesByKind()).isEqualTo(Map.of(Fix.EXPIRY, 1));
    }

    @Test
    void a_client_switched_off_by_hand_is_switched_on_again() {
        VpnKey key = activeKey(frankfurt, PAID_UNTIL);
        panel.editByHand(frankfurt.id(), key.client().email(), c -> new Client(c.id(), c.expiresAt(), false, c.telegramId(), c.flow()));

        assertThat(repair.repairDrift().fixesByKind()).isEqualTo(Map.of(Fix.ENABLED, 1));
        assertThat(onPanel(key).enabled()).isTrue();
    }

    @Test
    void a_flow_and_a_sub_id_edited_by_hand_are_put_back() {
        VpnKey key = activeKey(frankfurt, PAID_UNTIL);
        panel.editByHand(frankfurt.id(), key.client().email(), c -> new Client(
                new PanelClientId(c.id().uuid(), c.id().email(), "handmade"), c.expiresAt(), c.enabled(), c.telegramId(), ""));

        Result result = repair.repairDrift();

        assertThat(onPanel(key).id().subId()).isEqualTo(key.client().subId());
        assertThat(onPanel(key).flow()).isEqualTo("xtls-rprx-vision");
        assertThat(result.fixesByKind()).isEqualTo(Map.of(Fix.FLOW, 1, Fix.SUB_ID, 1));
    }

    @Test
    void a_panel_that_agrees_gets_no_write_and_nobody_is_told() {
        activeKey(frankfurt, PAID_UNTIL);
        activeKey(frankfurt, PAID_UNTIL.plus(Duration.ofDays(3)));
        int writes = panel.writes();

        Result result = repair.repairDrift();

        assertThat(result.keysChecked()).isEqualTo(2);
        assertThat(result.fixesByKind()).isEmpty();
        assertThat(panel.writes()).isEqualTo(writes);
        assertThat(notifier.alerts()).isEmpty();
    }

    @Test
    void expired_pending_and_switched_off_keys_are_left_alone() {
        VpnKey expired = activeKey(frankfurt, NOW.plus(Duration.ofMinutes(1)));
        panel.deleteByHand(frankfurt.id(), expired.client().email());
        clock.advance(Duration.ofMinutes(1)); // expires exactly now: no longer paid for
        VpnKey pending = key(frankfurt, PAID_UNTIL, KeyStatus.PROVISIONING, false);
        VpnKey disabled = key(frankfurt, PAID_UNTIL, KeyStatus.DISABLED, true);
        panel.editByHand(frankfurt.id(), disabled.client().email(), c -> new Client(c.id(), c.expiresAt(), false, c.telegramId(), c.flow()));

        Result result = repair.repairDrift();

        assertThat(result.keysChecked()).isZero();
        assertThat(panel.client(frankfurt.id(), expired.client().email())).isEmpty();
        assertThat(panel.client(frankfurt.id(), pending.client().email())).isEmpty();
        assertThat(onPanel(disabled).enabled()).isFalse();
        assertThat(notifier.alerts()).isEmpty();
    }

    @Test
    void a_server_switched_off_for_sales_is_repaired_and_a_retired_one_is_not_visited() {
        Server closed = saved(ServerMother.server(2, "Closed").withActive(false));
        Server retired = saved(ServerMother.server(3, "Retired"));
        VpnKey onClosed = activeKey(closed, PAID_UNTIL);
        VpnKey onRetired = activeKey(retired, PAID_UNTIL);
        panel.deleteByHand(closed.id(), onClosed.client().email());
        panel.deleteByHand(retired.id(), onRetired.client().email());
        servers.delete(retired.id());

        Result result = repair.repairDrift();

        assertThat(panel.client(closed.id(), onClosed.client().email())).isPresent();
        assertThat(panel.client(retired.id(), onRetired.client().email())).isEmpty();
        assertThat(result.servers()).extracting(s -> s.server().value()).containsExactly(1L, 2L);
    }

    @Test
    void an_unreachable_panel_skips_its_server_for_the_round_without_an_alert_and_the_others_go_on() {
        Server amsterdam = saved(ServerMother.server(2, "Amsterdam"));
        VpnKey behindOutage = activeKey(frankfurt, PAID_UNTIL);
        activeKey(frankfurt, PAID_UNTIL);
        VpnKey reachable = activeKey(amsterdam, PAID_UNTIL);
        panel.deleteByHand(frankfurt.id(), behindOutage.client().email());
        panel.deleteByHand(amsterdam.id(), reachable.client().email());
        panel.takeDown(frankfurt.id());

        Result result = repair.repairDrift();

        assertThat(result.serversSkipped()).isEqualTo(1);
        assertThat(result.servers().get(0).skipped()).isTrue();
        assertThat(result.servers().get(0).keysChecked()).as("stopped at the first key").isEqualTo(1);
        assertThat(result.keysFailed()).isZero();
        assertThat(panel.client(amsterdam.id(), reachable.client().email())).isPresent();
        assertThat(notifier.alerts()).extracting(AdminAlert::kind).containsExactly(AdminAlert.Kind.PANEL_DRIFT_REPAIRED);

        panel.bringUp(frankfurt.id());
        repair.repairDrift();
        assertThat(panel.client(frankfurt.id(), behindOutage.client().email())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = PanelFault.class, names = {"DUPLICATE_EMAIL", "REJECTED"})
    void a_client_whose_answer_cannot_be_trusted_gets_no_write_and_admins_hear_of_it_once_across_rounds(PanelFault kind) {
        VpnKey distrusted = activeKey(frankfurt, PAID_UNTIL);
        VpnKey edited = activeKey(frankfurt, PAID_UNTIL);
        panel.editByHand(frankfurt.id(), distrusted.client().email(),
                c -> new Client(c.id(), NOW.plus(Duration.ofDays(999)), false, c.telegramId(), c.flow()));
        panel.answerUntrustworthy(distrusted.client().email(), kind);
        panel.deleteByHand(frankfurt.id(), edited.client().email());

        Result first = repair.repairDrift();
        Result second = repair.repairDrift();

        assertThat(onPanel(distrusted).expiresAt()).as("no write").isEqualTo(NOW.plus(Duration.ofDays(999)));
        assertThat(onPanel(distrusted).enabled()).isFalse();
        assertThat(onPanel(edited).expiresAt()).as("the others are still repaired").isEqualTo(PAID_UNTIL);
        assertThat(first.keysFailed()).isEqualTo(1);
        assertThat(second.keysFailed()).as("tried again next round").isEqualTo(1);
        assertThat(alerts(AdminAlert.Kind.PANEL_CLIENT_UNTRUSTED)).singleElement().satisfies(a -> assertThat(a.detail())
                .contains("#" + distrusted.id()).contains(distrusted.client().email()).contains(kind.name()));

        panel.answerTrustworthy(distrusted.client().email());
        assertThat(repair.repairDrift().fixesByKind()).isEqualTo(Map.of(Fix.ENABLED, 1, Fix.EXPIRY, 1));
    }

    @Test
    void a_renewal_fulfilled_during_the_repair_leaves_the_panel_on_the_newer_expiry() {
        VpnKey key = activeKey(frankfurt, PAID_UNTIL);
        panel.deleteByHand(frankfurt.id(), key.client().email());
        panel.createClient(frankfurt, new NewPanelClient(key.client(), PAID_UNTIL.minus(Duration.ofDays(1)), 1, 0, 0));
        Instant renewed = VpnKey.extendedExpiry(PAID_UNTIL, NOW, Duration.ofDays(30));
        AtomicBoolean renewing = new AtomicBoolean(true);
        // the renewal's grant lands after the repair read the key, and its panel write just before the repair's
        panel.duringRepair(wanted -> {
            if (!renewing.getAndSet(false)) return;
            keys.save(keys.find(key.id()).orElseThrow().withExpiry(renewed));
            panel.editByHand(frankfurt.id(), key.client().email(), c -> new Client(c.id(), renewed, true, c.telegramId(), c.flow()));
        });
        int repairsBefore = panel.repairs();

        repair.repairDrift();

        assertThat(onPanel(key).expiresAt()).isEqualTo(renewed);
        assertThat(keys.find(key.id()).orElseThrow().expiresAt()).isEqualTo(renewed);
        assertThat(panel.repairs() - repairsBefore).as("repaired once with the old expiry, once with the new").isEqualTo(2);
    }

    @Test
    void paging_walks_every_key_of_a_server_a_page_at_a_time() {
        List<VpnKey> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) all.add(activeKey(frankfurt, PAID_UNTIL.plus(Duration.ofHours(i))));
        all.forEach(k -> panel.deleteByHand(frankfurt.id(), k.client().email()));
        List<Integer> pageSizes = new ArrayList<>();
        Keys pagedKeys = new PageRecordingKeys(keys, pageSizes);
        PanelDriftRepair paged = new PanelDriftRepair(servers, pagedKeys, panel, notifier, clock, PurchaseSettings.defaults(), 3);

        Result result = paged.repairDrift();

        assertThat(result.keysChecked()).isEqualTo(7);
        assertThat(result.fixesByKind()).isEqualTo(Map.of(Fix.CREATED, 7));
        assertThat(all).allSatisfy(k -> assertThat(onPanel(k).expiresAt()).isEqualTo(k.expiresAt()));
        assertThat(pageSizes).containsExactly(3, 3, 1);
    }

    @Test
    void the_report_names_a_bounded_number_of_keys_and_counts_the_rest() {
        for (int i = 0; i < 25; i++) panel.deleteByHand(frankfurt.id(), activeKey(frankfurt, PAID_UNTIL).client().email());

        repair.repairDrift();

        String detail = alerts(AdminAlert.Kind.PANEL_DRIFT_REPAIRED).get(0).detail();
        assertThat(detail).contains("25 key(s)").contains("CREATED 25").contains("… and 15 more");
        assertThat(detail.lines().filter(l -> l.startsWith("• #"))).hasSize(DriftReport.KEYS_NAMED_PER_SERVER);
        assertThat(detail.length()).isLessThanOrEqualTo(DriftReport.MAX_DETAIL);
    }

    /** Keys that remember how big each page of the walk was. */
    private record PageRecordingKeys(Keys keys, List<Integer> pageSizes) implements Keys {
        @Override
        public List<VpnKey> activeOn(ServerId server, Instant now, KeyId after, int limit) {
            List<VpnKey> page = keys.activeOn(server, now, after, limit);
            pageSizes.add(page.size());
            return page;
        }

        @Override public KeyId nextId() { return keys.nextId(); }
        @Override public Optional<VpnKey> find(KeyId id) { return keys.find(id); }
        @Override public Optional<VpnKey> findForUpdate(KeyId id) { return keys.findForUpdate(id); }
        @Override public List<VpnKey> ofOwner(UserId owner) { return keys.ofOwner(owner); }
        @Override public List<VpnKey> expiringWithoutReminder(Instant from, Instant to, String kind, int limit) {
            return keys.expiringWithoutReminder(from, to, kind, limit);
        }
        @Override public void save(VpnKey key) { keys.save(key); }
    }
}
