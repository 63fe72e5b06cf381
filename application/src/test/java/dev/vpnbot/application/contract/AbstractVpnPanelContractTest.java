package dev.vpnbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.model.panel.PanelRepair.Fix;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelClientState;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.Server;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VpnPanel} does, whatever stands behind it: the 3x-ui adapter (against its
 * fake panel) and the simulated panel run these same tests. A subclass gives the panel and a
 * server on it whose inbound is VLESS Reality over TCP, fresh for every test. What only one
 * implementation shows (wire fields, sessions, hand edits, outages) stays in its own tests.
 */
public abstract class AbstractVpnPanelContractTest {
    private static final String VISION = "xtls-rprx-vision";
    private static final AtomicInteger KEYS = new AtomicInteger();

    /** The panel under test. */
    protected abstract VpnPanel panel();

    /** A server on that panel whose inbound is VLESS Reality over TCP. */
    protected abstract Server server();

    @Test
    void a_missing_client_is_created_enabled_with_its_expiry_and_reported_as_created() {
        NewPanelClient wanted = newClient();

        PanelRepair repair = panel().repairClient(server(), wanted);

        assertThat(repair.fixes()).containsExactly(Fix.CREATED);
        PanelClientState state = stateOf(wanted.id());
        assertThat(state.id()).isEqualTo(wanted.id());
        assertThat(state.expiresAt()).isEqualTo(wanted.expiresAt());
        assertThat(state.enabled()).isTrue();
        assertThat(state.flow()).isEqualTo(VISION);
    }

    @Test
    void a_retried_repair_adopts_the_client_it_created_and_changes_nothing() {
        NewPanelClient wanted = newClient();
        KeyLinks created = panel().repairClient(server(), wanted).links();

        PanelRepair again = panel().repairClient(server(), wanted);

        assertThat(again.changed()).isFalse();
        assertThat(again.links()).isEqualTo(created);
        assertThat(panel().createClient(server(), wanted)).isEqualTo(created);
        assertThat(panel().links(server(), wanted.id())).isEqualTo(created);
        assertThat(stateOf(wanted.id()).expiresAt()).isEqualTo(wanted.expiresAt());
    }

    @Test
    void a_lagging_client_is_switched_on_and_moved_to_the_expiry_asked() {
        NewPanelClient wanted = newClient();
        panel().repairClient(server(), wanted);
        panel().setEnabled(server(), wanted.id(), false);
        NewPanelClient paidLonger = later(wanted, Duration.ofDays(30));

        PanelRepair repair = panel().repairClient(server(), paidLonger);

        assertThat(repair.fixes()).containsExactlyInAnyOrder(Fix.ENABLED, Fix.EXPIRY);
        PanelClientState state = stateOf(wanted.id());
        assertThat(state.enabled()).isTrue();
        assertThat(state.expiresAt()).isEqualTo(paidLonger.expiresAt());
    }

    @Test
    void an_email_held_by_another_client_is_a_duplicate_and_that_client_is_left_alone() {
        NewPanelClient ours = newClient();
        panel().repairClient(server(), ours);
        PanelClientId impostor = new PanelClientId(UUID.randomUUID(), ours.id().email(), ours.id().subId() + "x");
        NewPanelClient other = new NewPanelClient(impostor, ours.expiresAt().plus(Duration.ofDays(1)), ours.telegramId(), 0, 0);

        assertKind(() -> panel().repairClient(server(), other), PanelFault.DUPLICATE_EMAIL);

        PanelClientState state = stateOf(ours.id());
        assertThat(state.id()).isEqualTo(ours.id());
        assertThat(state.expiresAt()).isEqualTo(ours.expiresAt());
    }

    @Test
    void setting_the_expiry_moves_it_and_switches_the_client_back_on() {
        NewPanelClient wanted = newClient();
        panel().repairClient(server(), wanted);
        panel().setEnabled(server(), wanted.id(), false);
        Instant extended = wanted.expiresAt().plus(Duration.ofDays(30));

        panel().setExpiry(server(), wanted.id(), extended);

        PanelClientState state = stateOf(wanted.id());
        assertThat(state.expiresAt()).isEqualTo(extended);
        assertThat(state.enabled()).isTrue();
        assertThat(state.id()).isEqualTo(wanted.id());
        assertThat(state.flow()).isEqualTo(VISION);
    }

    @Test
    void switching_a_client_off_and_on_keeps_its_expiry() {
        NewPanelClient wanted = newClient();
        panel().repairClient(server(), wanted);

        panel().setEnabled(server(), wanted.id(), false);
        assertThat(stateOf(wanted.id()).enabled()).isFalse();
        panel().setEnabled(server(), wanted.id(), true);

        PanelClientState state = stateOf(wanted.id());
        assertThat(state.enabled()).isTrue();
        assertThat(state.expiresAt()).isEqualTo(wanted.expiresAt());
    }

    @Test
    void changing_a_client_the_panel_does_not_have_is_CLIENT_NOT_FOUND() {
        PanelClientId missing = newId();

        assertKind(() -> panel().setExpiry(server(), missing, Instant.now()), PanelFault.CLIENT_NOT_FOUND);
        assertKind(() -> panel().setEnabled(server(), missing, false), PanelFault.CLIENT_NOT_FOUND);
    }

    @Test
    void a_client_the_panel_does_not_have_is_not_found() {
        assertThat(panel().findClient(server(), newId())).isEmpty();
    }

    @Test
    void deleting_removes_the_client_and_deleting_again_is_fine() {
        NewPanelClient wanted = newClient();
        panel().repairClient(server(), wanted);

        panel().deleteClient(server(), wanted.id());
        panel().deleteClient(server(), wanted.id());

        assertThat(panel().findClient(server(), wanted.id())).isEmpty();
    }

    @Test
    void a_deleted_client_is_created_again_with_the_same_identity_and_links() {
        NewPanelClient wanted = newClient();
        KeyLinks first = panel().repairClient(server(), wanted).links();
        panel().deleteClient(server(), wanted.id());

        PanelRepair again = panel().repairClient(server(), wanted);

        assertThat(again.fixes()).containsExactly(Fix.CREATED);
        assertThat(again.links()).isEqualTo(first);
        assertThat(stateOf(wanted.id()).id()).isEqualTo(wanted.id());
    }

    private PanelClientState stateOf(PanelClientId id) {
        return panel().findClient(server(), id).orElseThrow(() -> new AssertionError("the panel has no client " + id.email()));
    }

    private static void assertKind(ThrowingCallable call, PanelFault kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PanelException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private static PanelClientId newId() {
        int n = KEYS.incrementAndGet();
        return new PanelClientId(UUID.randomUUID(), "vpnbot-k" + n + "-u" + (9000 + n), "contract" + n + "x" + Integer.toHexString(n * 7919));
    }

    private static NewPanelClient newClient() {
        PanelClientId id = newId();
        Instant expiry = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);
        return new NewPanelClient(id, expiry, 500_000_000L + KEYS.get(), 2, 50L * 1024 * 1024 * 1024);
    }

    private static NewPanelClient later(NewPanelClient client, Duration by) {
        return new NewPanelClient(client.id(), client.expiresAt().plus(by), client.telegramId(), client.limitIp(), client.totalBytes());
    }
}
