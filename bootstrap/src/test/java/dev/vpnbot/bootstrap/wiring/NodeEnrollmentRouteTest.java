package dev.vpnbot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.in.enrollment.EnrollServerUseCase;
import dev.vpnbot.application.port.in.enrollment.EnrollServerUseCase.EnrollCommand;
import dev.vpnbot.application.port.in.enrollment.EnrollmentRefused;
import dev.vpnbot.application.port.in.enrollment.EnrollmentRefused.Cause;
import dev.vpnbot.bootstrap.http.Route;
import dev.vpnbot.bootstrap.http.TrustedProxies;
import dev.vpnbot.bootstrap.http.WebServer;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /nodes/enroll} as the bot serves it: EnrollmentModule's route on the server, JSON in and out. */
class NodeEnrollmentRouteTest {
    private static final String PIN = "ab".repeat(32);
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<EnrollCommand> commands = new CopyOnWriteArrayList<>();
    private WebServer server;
    private URI url;

    private void start(Function<EnrollCommand, Server> enrollment) throws Exception {
        EnrollServerUseCase useCase = command -> {
            commands.add(command);
            return enrollment.apply(command);
        };
        server = new WebServer(0, Map.of(Route.NODE_ENROLL, new EnrollmentModule().enrollRoute(useCase)),
                new TrustedProxies(address -> false), (route, status) -> { }, WebServer.Limits.defaults());
        server.start();
        url = URI.create("http://127.0.0.1:" + server.port() + Route.NODE_ENROLL.path());
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(Duration.ofSeconds(1));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String request(String login) {
        return "{\"token\":\"vpnbot-enroll-t\",\"name\":\"Oslo\",\"panelUrl\":\"https://203.0.113.9:24817/Hk2/\"," + login
                + ",\"certSha256\":\"" + PIN + "\",\"inboundPort\":8443,\"sni\":\"www.example.com\"}";
    }

    @Test
    void an_enrolment_hands_every_field_to_the_use_case_and_answers_201_with_the_server() throws Exception {
        start(command -> ServerMother.server(7, "Oslo"));
        HttpResponse<String> response = post(request("\"username\":\"u1\",\"password\":\"p \\\"q\\\"\""));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"status\":\"enrolled\"").contains("\"serverId\":7").contains("\"name\":\"Oslo\"");
        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.token()).isEqualTo("vpnbot-enroll-t");
            assertThat(c.serverName()).isEqualTo("Oslo");
            assertThat(c.panelUrl()).isEqualTo("https://203.0.113.9:24817/Hk2/");
            assertThat(c.credentials()).isEqualTo(new PanelCredentials.Password("u1", "p \"q\""));
            assertThat(c.certificateSha256()).isEqualTo(PIN);
            assertThat(c.inboundPort()).isEqualTo(8443);
            assertThat(c.sni()).isEqualTo("www.example.com");
        });
    }

    @Test
    void an_api_token_replaces_the_password() throws Exception {
        start(command -> ServerMother.server(8, "Oslo"));
        assertThat(post(request("\"apiToken\":\"tok-123\"")).statusCode()).isEqualTo(201);
        assertThat(commands.get(0).credentials()).isEqualTo(new PanelCredentials.ApiToken("tok-123"));
    }

    @Test
    void each_refusal_has_its_status_and_says_why_in_json() throws Exception {
        Map<Cause, Integer> statuses = Map.of(Cause.TOKEN_UNKNOWN, 403, Cause.NAME_MISMATCH, 403, Cause.TOKEN_USED, 409,
                Cause.TOKEN_EXPIRED, 410, Cause.INVALID_REQUEST, 400, Cause.PANEL_UNREACHABLE, 502, Cause.CERTIFICATE_MISMATCH, 422,
                Cause.PANEL_REFUSED, 422);
        assertThat(statuses).hasSize(Cause.values().length);
        java.util.concurrent.atomic.AtomicReference<Cause> next = new java.util.concurrent.atomic.AtomicReference<>();
        start(command -> {
            throw new EnrollmentRefused(next.get(), "because \"" + next.get() + "\"");
        });
        for (Cause cause : Cause.values()) {
            next.set(cause);
            HttpResponse<String> response = post(request("\"username\":\"u\",\"password\":\"p\""));
            assertThat(response.statusCode()).as(cause.name()).isEqualTo(statuses.get(cause));
            assertThat(response.body()).contains("\"status\":\"refused\"").contains("\"reason\":\"" + cause + "\"")
                    .contains("\"message\":\"because \\\"" + cause + "\\\"\"");
        }
    }

    @Test
    void a_body_that_is_not_a_json_object_is_400_and_never_reaches_the_use_case() throws Exception {
        start(command -> ServerMother.server(9, "Oslo"));
        assertThat(post("token=abc").statusCode()).isEqualTo(400);
        assertThat(post("[1,2]").statusCode()).isEqualTo(400);
        assertThat(commands).isEmpty();
    }

    @Test
    void a_failure_is_500_without_details_and_only_post_is_accepted() throws Exception {
        start(command -> {
            throw new IllegalStateException("database on fire: secret detail");
        });
        HttpResponse<String> failed = post(request("\"username\":\"u\",\"password\":\"p\""));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("nothing was stored").doesNotContain("secret detail");
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }
}
