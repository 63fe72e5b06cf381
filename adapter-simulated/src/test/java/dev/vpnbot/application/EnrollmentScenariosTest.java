package dev.vpnbot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.simulated.SimulatedPanelInspection;
import dev.vpnbot.application.fixtures.InMemoryEnrollmentTokens;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryQueuedEnrollments;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase.IssuedToken;
import dev.vpnbot.application.port.in.enrollment.EnrollServerUseCase.EnrollCommand;
import dev.vpnbot.application.port.in.enrollment.EnrollmentRefused;
import dev.vpnbot.application.port.in.enrollment.EnrollmentRefused.Cause;
import dev.vpnbot.application.port.out.enrollment.QueuedEnrollment;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.service.admin.EnrollmentTokenIssuing;
import dev.vpnbot.application.service.admin.ServerEnrollment;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Node enrolment with a one-time token, over the simulated panel: what is stored, and every refusal storing nothing. */
class EnrollmentScenariosTest {
    private static final UserId ADMIN = new UserId(1);
    private static final String PANEL = "https://node.example.com:24817/Zk3q9/";
    private static final String PIN = "c0ffee".repeat(10) + "abcd";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SimulatedPanelInspection panels = new SimulatedPanelInspection();
    private final InMemoryServers servers = new InMemoryServers(new InMemoryKeys(), clock);
    private final InMemoryEnrollmentTokens tokens = new InMemoryEnrollmentTokens();
    private final InMemoryQueuedEnrollments queue = new InMemoryQueuedEnrollments();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final EnrollmentTokenIssuing issuing = new EnrollmentTokenIssuing(new Admins(Set.of(ADMIN)), tokens, clock, Duration.ofHours(24));
    private final ServerEnrollment enrollment = new ServerEnrollment(tokens, queue, servers, panels, notifier, clock);

    EnrollmentScenariosTest() {
        panels.panelAt(PANEL, "node-pass");
    }

    private IssuedToken issue() {
        return issuing.issue(ADMIN, "Frankfurt", 150, "eu-west");
    }

    private static EnrollCommand command(String token, String name, String url, String password) {
        return new EnrollCommand(token, name, url, new PanelCredentials.Password("n0de", password), PIN, 8443, null);
    }

    private static EnrollCommand command(String token) {
        return command(token, null, PANEL, "node-pass");
    }

    private void assertRefused(EnrollCommand command, Cause cause) {
        int before = servers.all().size();
        assertThatThrownBy(() -> enrollment.enroll(command))
                .isInstanceOfSatisfying(EnrollmentRefused.class, e -> assertThat(e.cause()).isEqualTo(cause));
        assertThat(servers.all()).as("nothing stored").hasSize(before);
    }

    @Test
    void a_token_enrols_its_server_pinned_with_a_new_reality_inbound_and_the_admins_are_told() {
        IssuedToken issued = issue();
        assertThat(issued.secret()).startsWith("vpnbot-enroll-").hasSizeGreaterThan(50);
        assertThat(issued.token().secretSha256()).doesNotContain(issued.secret());

        Server server = enrollment.enroll(command(issued.secret()));

        assertThat(servers.all()).containsExactly(server);
        assertThat(server.name()).isEqualTo("Frankfurt");
        assertThat(server.maxClients()).isEqualTo(150);
        assertThat(server.active()).isTrue();
        assertThat(server.connection()).isEqualTo(new PanelConnection(PANEL, new PanelCredentials.Password("n0de", "node-pass"), PIN));
        PanelInbound inbound = panels.listInbounds(server.connection()).stream().filter(i -> i.id() == server.inboundId()).findFirst().orElseThrow();
        assertThat(inbound).extracting(PanelInbound::remark, PanelInbound::port, PanelInbound::security)
                .containsExactly("vpnbot Frankfurt", 8443, "reality");
        assertThat(notifier.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AdminAlert.Kind.SERVER_ENROLLED);
            assertThat(a.detail()).contains("Frankfurt", PANEL, "group eu-west").doesNotContain("node-pass");
        });
        assertThat(tokens.find(issued.token().secretSha256()).orElseThrow().usedAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_token_used_twice_is_refused_and_nothing_more_is_stored() {
        IssuedToken issued = issue();
        enrollment.enroll(command(issued.secret()));
        assertRefused(command(issued.secret()), Cause.TOKEN_USED);
        assertThat(servers.all()).hasSize(1);
    }

    @Test
    void an_expired_token_is_refused() {
        IssuedToken issued = issue();
        clock.advance(Duration.ofHours(24));
        assertRefused(command(issued.secret()), Cause.TOKEN_EXPIRED);
    }

    @Test
    void an_unknown_or_missing_token_is_refused() {
        issue();
        assertRefused(command("vpnbot-enroll-guessed"), Cause.TOKEN_UNKNOWN);
        assertRefused(command(" "), Cause.TOKEN_UNKNOWN);
    }

    @Test
    void a_token_is_bound_to_its_server_name() {
        IssuedToken issued = issue();
        assertRefused(command(issued.secret(), "Amsterdam", PANEL, "node-pass"), Cause.NAME_MISMATCH);
        assertThat(enrollment.enroll(command(issued.secret(), "Frankfurt", PANEL, "node-pass")).name()).isEqualTo("Frankfurt");
    }

    @Test
    void a_panel_that_refuses_leaves_nothing_stored_and_the_token_free_for_another_try() {
        IssuedToken issued = issue();
        assertRefused(command(issued.secret(), null, PANEL, "wrong"), Cause.PANEL_REFUSED);
        assertThat(tokens.find(issued.token().secretSha256()).orElseThrow().usedAt()).isNull();
        assertThat(notifier.alerts()).isEmpty();

        assertThat(enrollment.enroll(command(issued.secret())).name()).isEqualTo("Frankfurt");
    }

    @Test
    void a_plain_http_panel_or_a_missing_certificate_hash_is_refused_before_the_token_is_claimed() {
        IssuedToken issued = issue();
        assertRefused(command(issued.secret(), null, "http://node.example.com:24817/Zk3q9/", "node-pass"), Cause.INVALID_REQUEST);
        assertRefused(new EnrollCommand(issued.secret(), null, PANEL, new PanelCredentials.Password("n0de", "node-pass"), "", 0, null),
                Cause.INVALID_REQUEST);
        assertRefused(new EnrollCommand(issued.secret(), null, PANEL, new PanelCredentials.Password("n0de", "node-pass"), PIN, 70_000, null),
                Cause.INVALID_REQUEST);
        assertThat(tokens.find(issued.token().secretSha256()).orElseThrow().usedAt()).isNull();
    }

    @Test
    void only_an_admin_issues_tokens_and_a_nonsense_capacity_is_refused() {
        assertThatThrownBy(() -> issuing.issue(new UserId(99), "Frankfurt", 10, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_ADMIN));
        assertThatThrownBy(() -> issuing.issue(ADMIN, "Frankfurt", 0, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.INVALID_INPUT));
    }

    @Test
    void the_database_route_enrols_the_same_way_and_writes_down_each_outcome() {
        IssuedToken issued = issue();
        queue.insert(new QueuedEnrollment(1, issued.secret(), null, PANEL, "n0de", "node-pass", null, PIN, 8443, null));
        queue.insert(new QueuedEnrollment(2, issued.secret(), null, PANEL, "n0de", "node-pass", null, PIN, 8443, null));
        queue.insert(new QueuedEnrollment(3, "vpnbot-enroll-nope", null, PANEL, null, null, null, PIN, 8443, null));

        assertThat(enrollment.processQueued(10)).isEqualTo(3);

        assertThat(servers.all()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("Frankfurt"));
        assertThat(queue.outcomes().get(1L)).startsWith("enrolled as server ");
        assertThat(queue.outcomes().get(2L)).startsWith("refused: ").contains("TOKEN_USED");
        assertThat(queue.outcomes().get(3L)).contains("TOKEN_UNKNOWN");
        assertThat(enrollment.processQueued(10)).isZero();
    }
}
