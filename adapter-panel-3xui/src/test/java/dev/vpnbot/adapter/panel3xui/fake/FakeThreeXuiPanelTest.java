package dev.vpnbot.adapter.panel3xui.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake panel itself behaves like the real one where clients trip up (research notes §6),
 * checked with a plain HTTP client so the adapter's own rules play no part.
 */
class FakeThreeXuiPanelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeThreeXuiPanel fake;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        if (fake != null) fake.close();
    }

    @Test
    void everything_outside_the_base_path_is_a_bare_404() throws Exception {
        fake = new FakeThreeXuiPanel().start();

        HttpResponse<String> login = post(fake.origin() + "login", form(Map.of("username", "admin", "password", "admin-secret")), false);

        assertThat(login.statusCode()).isEqualTo(404);
        assertThat(login.body()).isEmpty();
        assertThat(fake.loginAttempts()).isZero();
    }

    @Test
    void an_unauthenticated_api_call_answers_as_the_version_does() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V2_8).start();
        assertThat(get("panel/api/inbounds/list", true).statusCode()).isEqualTo(404);
        fake.close();

        fake = new FakeThreeXuiPanel(Profile.V2_7).start();
        HttpResponse<String> plain = get("panel/api/inbounds/list", false);
        HttpResponse<String> xhr = get("panel/api/inbounds/list", true);
        assertThat(plain.statusCode()).isEqualTo(307);
        assertThat(plain.headers().firstValue("Location")).contains(fake.basePath());
        assertThat(xhr.statusCode()).isEqualTo(401);
        assertThat(xhr.body()).contains("\"success\":false");
        fake.close();

        fake = new FakeThreeXuiPanel(Profile.V3_1).start();
        assertThat(get("panel/api/inbounds/list", true).statusCode()).isEqualTo(401);
        assertThat(get("panel/api/inbounds/list", false).statusCode()).isEqualTo(404);
    }

    @Test
    void a_v3_login_without_the_csrf_token_is_a_bare_403_even_with_the_right_password() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_0).start();

        HttpResponse<String> refused = post(fake.baseUrl() + "login", form(Map.of("username", "admin", "password", "admin-secret")), true);
        String token = JSON.readTree(get("csrf-token", true).body()).path("obj").asText();
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "admin", "password", "admin-secret")))));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEmpty();
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"success\":true");
    }

    @Test
    void the_v3_limiter_blocks_even_the_right_password_after_five_failures() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_0).start();
        String token = JSON.readTree(get("csrf-token", true).body()).path("obj").asText();
        for (int i = 0; i < 5; i++) loginV3(token, "wrong");

        assertThat(loginV3(token, "admin-secret").body()).contains("\"success\":false").contains("Invalid username");
        fake.advanceClock(java.time.Duration.ofMinutes(16));
        assertThat(loginV3(token, "admin-secret").body()).contains("\"success\":true");
    }

    @Test
    void an_api_token_is_accepted_on_v3_and_a_wrong_one_is_not_logged_in() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_0).start();

        HttpResponse<String> good = send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "panel/api/inbounds/list"))
                .header("Authorization", "Bearer " + fake.apiToken()).GET());
        HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "panel/api/inbounds/list"))
                .header("Authorization", "Bearer nope").GET());

        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(bad.statusCode()).isEqualTo(404);
    }

    @Test
    void an_update_replaces_the_stored_client_so_a_partial_map_loses_fields() throws Exception {
        fake = new FakeThreeXuiPanel().start();
        loginV2();
        Map<String, Object> operator = fake.storedClient(FakeThreeXuiPanel.OPERATOR_EMAIL).orElseThrow();
        String partial = "{\"clients\":[{\"id\":\"" + operator.get("id") + "\",\"email\":\"operator\",\"expiryTime\":1,\"enable\":true}]}";

        HttpResponse<String> r = postJson("panel/api/inbounds/updateClient/" + operator.get("id"),
                Map.of("id", FakeThreeXuiPanel.REALITY_INBOUND_ID, "settings", partial));

        assertThat(r.body()).contains("\"success\":true");
        Map<String, Object> after = fake.storedClient(FakeThreeXuiPanel.OPERATOR_EMAIL).orElseThrow();
        assertThat(after).doesNotContainKeys("flow", "subId", "tgId", "comment");
        assertThat(after.get("expiryTime")).isEqualTo(1);
    }

    @Test
    void business_errors_are_http_200_with_go_style_messages() throws Exception {
        fake = new FakeThreeXuiPanel().start();
        loginV2();
        String duplicate = "{\"clients\":[{\"id\":\"11111111-2222-4333-8444-555555555555\",\"email\":\"OPERATOR\"}]}";

        HttpResponse<String> dup = postJson("panel/api/inbounds/addClient", Map.of("id", 1, "settings", duplicate));
        HttpResponse<String> textId = postJson("panel/api/inbounds/addClient", Map.of("id", "1", "settings", duplicate));
        HttpResponse<String> missing = get("panel/api/inbounds/get/99", true);

        JsonNode d = JSON.readTree(dup.body());
        assertThat(dup.statusCode()).isEqualTo(200);
        assertThat(d.path("success").asBoolean()).isFalse();
        assertThat(d.path("msg").asText()).isEqualTo("Something went wrong (Duplicate email: OPERATOR\n)");
        assertThat(JSON.readTree(textId.body()).path("msg").asText()).// the bind error carries the update toast (MHSanaei/3x-ui@v2.8.11:web/controller/inbound.go addInboundClient)
                .isEqualTo("Inbound has been successfully updated. (json: cannot unmarshal string into Go struct field Inbound.id of type int)");
        assertThat(JSON.readTree(missing.body()).path("msg").asText()).isEqualTo("Obtain (record not found)");
    }

    @Test
    void malformed_settings_crash_the_handler_into_an_empty_500() throws Exception {
        fake = new FakeThreeXuiPanel().start();
        loginV2();

        HttpResponse<String> r = postJson("panel/api/inbounds/addClient", Map.of("id", 1, "settings", "{\"noClients\":true}"));

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void settings_are_text_before_v3_1_and_objects_after() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V2_8).start();
        assertThat(fake.inbound(1).get("settings")).isInstanceOf(String.class);
        fake.switchProfile(Profile.V3_1);
        assertThat(fake.inbound(1).get("settings")).isInstanceOf(Map.class);
    }

    @Test
    void the_traffic_tick_disables_only_the_traffic_row_of_a_client_out_of_quota() {
        fake = new FakeThreeXuiPanel().start();
        Map<String, Object> client = FakeThreeXuiPanel.clientMap("quota", "");
        client.put("totalGB", 1000);
        fake.putClient(1, client);
        fake.setTraffic("quota", 600, 500);

        fake.trafficTick();

        assertThat(fake.traffic("quota").orElseThrow().get("enable")).isEqualTo(false);
        assertThat(fake.storedClient("quota").orElseThrow().get("enable")).isEqualTo(true);
    }

    // --- helpers ---

    private void loginV2() throws Exception {
        assertThat(post(fake.baseUrl() + "login", form(Map.of("username", "admin", "password", "admin-secret")), true).body())
                .contains("\"success\":true");
    }

    private HttpResponse<String> loginV3(String token, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "admin", "password", password)))));
    }

    private HttpResponse<String> get(String route, boolean xhr) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.baseUrl() + route)).GET();
        if (xhr) b.header("X-Requested-With", "XMLHttpRequest");
        return send(b);
    }

    private HttpResponse<String> post(String url, String form, boolean xhr) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (xhr) b.header("X-Requested-With", "XMLHttpRequest");
        return send(b);
    }

    private HttpResponse<String> postJson(String route, Map<String, Object> body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + route)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
