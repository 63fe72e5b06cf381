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
    void an_api_token_created_on_the_settings_route_authenticates_bearer_calls_where_the_version_mounts_it() throws Exception {
        // v3.3.0+: panel/api/setting/apiTokens/create; v3.0.2 – v3.2.x: panel/setting/apiTokens/create
        for (Profile profile : new Profile[] {Profile.V3_6, Profile.V3_1}) {
            fake = new FakeThreeXuiPanel(profile).start();
            String csrf = loginWithCsrf();
            String route = profile == Profile.V3_6 ? "panel/api/setting/apiTokens/create" : "panel/setting/apiTokens/create";
            String other = profile == Profile.V3_6 ? "panel/setting/apiTokens/create" : "panel/api/setting/apiTokens/create";

            assertThat(postJsonV3(other, csrf, Map.of("name", "vpnbot")).statusCode()).isEqualTo(404);
            HttpResponse<String> withoutCsrf = postJson(route, Map.of("name", "vpnbot"));
            JsonNode created = JSON.readTree(postJsonV3(route, csrf, Map.of("name", "vpnbot")).body());
            HttpResponse<String> again = postJsonV3(route, csrf, Map.of("name", "vpnbot"));
            String token = created.path("obj").path("token").asText();
            HttpResponse<String> withToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(fake.baseUrl() + "panel/api/inbounds/list")).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String listed = get(profile == Profile.V3_6 ? "panel/api/setting/apiTokens" : "panel/setting/apiTokens", true).body();

            assertThat(withoutCsrf.statusCode()).isEqualTo(403);
            assertThat(created.path("success").asBoolean()).isTrue();
            assertThat(created.path("obj").path("name").asText()).isEqualTo("vpnbot");
            assertThat(token).matches("[A-Za-z0-9]{48}");
            assertThat(msg(again)).isEqualTo("The parameters have been changed. (a token with that name already exists)");
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(listed).contains("\"name\":\"vpnbot\"").doesNotContain(token);
            assertThat(fake.createdApiTokens()).isEqualTo(1);
            fake.close();
        }
        fake = new FakeThreeXuiPanel(Profile.V2_8).start();
        loginV2();
        assertThat(postJson("panel/setting/apiTokens/create", Map.of("name", "vpnbot")).statusCode()).isEqualTo(404);
        assertThat(postJson("panel/api/setting/apiTokens/create", Map.of("name", "vpnbot")).statusCode()).isEqualTo(404);
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
        assertThat(JSON.readTree(textId.body()).path("msg").asText()) // the bind-error toast (MHSanaei/3x-ui@v2.8.11:web/controller/inbound.go addInboundClient)
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

    // --- wire shapes per profile, against the Go source at each tag ---

    @Test
    void v3_1_get_answers_the_clients_table_row_whose_id_is_the_row_number_not_the_uuid() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_1).start();
        String csrf = loginWithCsrf();
        assertThat(postJsonV3("panel/api/clients/add", csrf, addBody("alice", "sub-alice", null)).body()).contains("\"success\":true");

        JsonNode obj = JSON.readTree(get("panel/api/clients/get/alice", true).body()).path("obj");

        JsonNode client = obj.path("client");
        assertThat(client.path("id").isInt()).isTrue();
        assertThat(client.path("uuid").asText()).isEqualTo(fake.storedClient("alice").orElseThrow().get("id"));
        assertThat(client.has("createdAt")).isTrue();
        assertThat(client.has("updatedAt")).isTrue();
        assertThat(client.has("created_at")).isFalse();
        assertThat(client.path("reverse").isNull()).isTrue(); // present, null (ClientRecord.MarshalJSON)
        assertThat(client.path("enable").asBoolean()).isTrue();
        assertThat(obj.path("inboundIds").toString()).isEqualTo("[1]");
        assertThat(obj.has("usedTraffic")).isFalse();
        assertThat(fake.clientRecord("alice").orElseThrow().get("id")).isEqualTo(client.path("id").asInt());
    }

    @Test
    void v3_6_get_adds_external_links_and_used_traffic() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_6).start();
        String csrf = loginWithCsrf();
        postJsonV3("panel/api/clients/add", csrf, addBody("bob", "sub-bob", null));
        fake.setTraffic("bob", 10, 20);

        JsonNode obj = JSON.readTree(get("panel/api/clients/get/bob", true).body()).path("obj");

        assertThat(obj.path("usedTraffic").asLong()).isEqualTo(30);
        assertThat(obj.path("externalLinks").isArray()).isTrue();
        assertThat(obj.path("client").has("adTag")).isTrue();
        assertThat(obj.path("client").path("id").isInt()).isTrue();
    }

    @Test
    void unknown_emails_answer_as_each_version_does() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_1).start();
        String csrf = loginWithCsrf();

        assertThat(msg(get("panel/api/clients/get/nobody", true))).isEqualTo(" (record not found)"); // I18nWeb("get") is ""
        assertThat(msg(postJsonV3("panel/api/clients/update/nobody", csrf, Map.of("email", "nobody"))))
                .isEqualTo("Something went wrong (record not found)");
        assertThat(msg(postJsonV3("panel/api/clients/del/nobody", csrf, Map.of()))).isEqualTo("Something went wrong (record not found)");
        assertThat(msg(get("panel/api/clients/traffic/nobody", true))).isEqualTo("Error getting traffic. (Inbound Not Found For Email: nobody\n)");
        fake.close();

        fake = new FakeThreeXuiPanel(Profile.V3_6).start();
        loginWithCsrf();
        assertThat(msg(get("panel/api/clients/get/nobody", true))).isEqualTo("Obtain (record not found)");
        assertThat(JSON.readTree(get("panel/api/clients/traffic/nobody", true).body()).path("obj").isNull()).isTrue();
    }

    @Test
    void a_retried_add_with_the_same_sub_id_duplicates_or_not_by_version() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_0).start();
        String csrf = loginWithCsrf();
        String settings = "{\"clients\":[{\"id\":\"11111111-2222-4333-8444-555555555555\",\"email\":\"carol\",\"subId\":\"sub-carol\",\"enable\":true}]}";
        for (int i = 0; i < 2; i++) {
            assertThat(postJsonV3("panel/api/inbounds/addClient", csrf, Map.of("id", 1, "settings", settings)).body()).contains("\"success\":true");
        }
        assertThat(fake.copiesOf("carol")).isEqualTo(2);
        fake.close();

        fake = new FakeThreeXuiPanel(Profile.V3_1).start();
        csrf = loginWithCsrf();
        postJsonV3("panel/api/clients/add", csrf, addBody("carol", "sub-carol", null));
        assertThat(msg(postJsonV3("panel/api/clients/add", csrf, addBody("carol", "sub-carol", null))))
                .isEqualTo("Something went wrong (UNIQUE constraint failed: client_inbounds.client_id, client_inbounds.inbound_id)");
        assertThat(fake.copiesOf("carol")).isEqualTo(1);
        fake.close();

        fake = new FakeThreeXuiPanel(Profile.V3_3).start();
        csrf = loginWithCsrf();
        postJsonV3("panel/api/clients/add", csrf, addBody("carol", "sub-carol", null));
        assertThat(postJsonV3("panel/api/clients/add", csrf, addBody("carol", "sub-carol", null)).body()).contains("\"success\":true");
        assertThat(fake.copiesOf("carol")).isEqualTo(2);
        fake.close();

        fake = new FakeThreeXuiPanel(Profile.V3_6).start();
        csrf = loginWithCsrf();
        postJsonV3("panel/api/clients/add", csrf, addBody("carol", "sub-carol", null));
        String uuid = (String) fake.storedClient("carol").orElseThrow().get("id");
        assertThat(postJsonV3("panel/api/clients/add", csrf, addBody("carol", "sub-carol", null)).body()).contains("\"success\":true");
        assertThat(fake.copiesOf("carol")).isEqualTo(1);
        assertThat(fake.storedClient("carol").orElseThrow().get("id")).isEqualTo(uuid);
    }

    @Test
    void other_sub_id_and_foreign_sub_id_are_refused_on_v3() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_6).start();
        String csrf = loginWithCsrf();
        postJsonV3("panel/api/clients/add", csrf, addBody("dave", "sub-dave", null));

        assertThat(msg(postJsonV3("panel/api/clients/add", csrf, addBody("dave", "other", null))))
                .isEqualTo("Something went wrong (email already in use: dave\n)");
        assertThat(msg(postJsonV3("panel/api/clients/add", csrf, addBody("erin", "sub-dave", null))))
                .isEqualTo("Something went wrong (subId already in use: sub-dave\n)");
    }

    @Test
    void a_v3_1_update_replaces_the_client_and_a_record_shaped_body_does_not_bind() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_1).start();
        String csrf = loginWithCsrf();
        postJsonV3("panel/api/clients/add", csrf, addBody("frank", "sub-frank", null));
        String uuid = (String) fake.storedClient("frank").orElseThrow().get("id");
        JsonNode record = JSON.readTree(get("panel/api/clients/get/frank", true).body()).path("obj").path("client");

        HttpResponse<String> recordBack = postJsonV3("panel/api/clients/update/frank", csrf, JSON.convertValue(record, Map.class));
        HttpResponse<String> partial = postJsonV3("panel/api/clients/update/frank", csrf,
                Map.of("id", uuid, "email", "frank", "subId", "sub-frank", "expiryTime", 5));

        assertThat(msg(recordBack)).isEqualTo("Something went wrong (json: cannot unmarshal number into Go struct field Client.id of type string)");
        assertThat(partial.body()).contains("\"success\":true");
        Map<String, Object> stored = fake.storedClient("frank").orElseThrow();
        assertThat(stored.get("enable")).isEqualTo(false);
        assertThat(((Number) stored.get("totalGB")).longValue()).isZero();
        assertThat(((Number) stored.get("expiryTime")).longValue()).isEqualTo(5);
        assertThat(fake.clientRecord("frank").orElseThrow().get("enable")).isEqualTo(false);
    }

    @Test
    void a_string_tg_id_is_a_go_unmarshal_error_on_the_clients_api() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_1).start();
        String csrf = loginWithCsrf();

        HttpResponse<String> r = postJsonV3("panel/api/clients/add", csrf, addBody("gina", "sub-gina", "123"));

        assertThat(msg(r)).isEqualTo("Something went wrong (json: cannot unmarshal string into Go struct field Client.client.tgId of type int64)");
    }

    @Test
    void legacy_client_routes_are_gone_from_v3_1_and_v2_4_redirects() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_1).start();
        String csrf = loginWithCsrf();
        HttpResponse<String> legacy = postJsonV3("panel/api/inbounds/addClient", csrf, Map.of("id", 1, "settings", "{\"clients\":[]}"));
        assertThat(legacy.statusCode()).isEqualTo(404);
        assertThat(legacy.body()).isEmpty();
        fake.close();

        fake = new FakeThreeXuiPanel(Profile.V2_4).start();
        HttpResponse<String> plain = get("panel/api/inbounds/list", false);
        assertThat(plain.statusCode()).isEqualTo(307);
        assertThat(fake.inbound(1)).containsKey("allocate").doesNotContainKeys("trafficReset", "allTime");
    }

    @Test
    void inbound_and_traffic_keys_follow_the_struct_of_each_tag() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V2_8).start();
        assertThat(fake.inbound(1)).containsKeys("allTime", "trafficReset", "lastTrafficResetTime").doesNotContainKey("allocate");
        assertThat(fake.traffic("operator").orElseThrow()).containsKeys("uuid", "subId", "allTime", "lastOnline");
        fake.switchProfile(Profile.V3_1);
        assertThat(fake.inbound(1)).doesNotContainKey("allTime");
        assertThat(fake.traffic("operator").orElseThrow()).containsKeys("uuid", "lastOnline").doesNotContainKey("allTime");
        assertThat(fake.clientRecord("operator")).isPresent();
    }

    @Test
    void a_v3_1_login_without_csrf_is_a_bare_403_and_the_limiter_still_answers_200() throws Exception {
        fake = new FakeThreeXuiPanel(Profile.V3_1).start();
        HttpResponse<String> refused = post(fake.baseUrl() + "login", form(Map.of("username", "admin", "password", "admin-secret")), true);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEmpty();

        String token = JSON.readTree(get("csrf-token", true).body()).path("obj").asText();
        for (int i = 0; i < 5; i++) loginV3(token, "wrong");
        HttpResponse<String> blocked = loginV3(token, "admin-secret");
        assertThat(blocked.statusCode()).isEqualTo(200);
        assertThat(msg(blocked)).isEqualTo("Invalid username or password or two-factor code.");
    }

    private String loginWithCsrf() throws Exception {
        String token = JSON.readTree(get("csrf-token", true).body()).path("obj").asText();
        assertThat(loginV3(token, "admin-secret").body()).contains("\"success\":true");
        return token;
    }

    private static Map<String, Object> addBody(String email, String subId, Object tgId) {
        Map<String, Object> client = new java.util.LinkedHashMap<>();
        client.put("email", email);
        client.put("subId", subId);
        client.put("flow", "xtls-rprx-vision");
        if (tgId != null) client.put("tgId", tgId);
        return Map.of("client", client, "inboundIds", java.util.List.of(1));
    }

    private HttpResponse<String> postJsonV3(String route, String csrf, Map<?, ?> body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + route)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static String msg(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body()).path("msg").asText();
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
