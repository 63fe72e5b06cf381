package dev.vpnbot.adapter.panel3xui.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.application.model.panel.PanelSubscription;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** vless:// links and subscription URLs, field for field as 3x-ui's subscription service builds them. */
class ShareLinksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UUID = "5f3c1a9e-2b7d-4c8e-9a61-0d2e4f6b8c11";

    @Test
    void a_reality_link_has_exactly_3x_uis_parameters_sorted_by_name() {
        StoredInbound inbound = inbound("tcp", "reality", """
                "realitySettings": {"serverNames": ["www.example.com", "example.com"], "shortIds": ["a1b2", "ffff"],
                  "privateKey": "server-only",
                  "settings": {"publicKey": "PUBKEY_abc-123", "fingerprint": "chrome", "spiderX": "/", "mldsa65Verify": ""}}""");

        String link = ShareLinks.vless(inbound, client("xtls-rprx-vision"), "203.0.113.7", "-ieo");

        assertThat(link).matches("vless://" + UUID + "@203\\.0\\.113\\.7:443\\?encryption=none&flow=xtls-rprx-vision&fp=chrome"
                + "&pbk=PUBKEY_abc-123&security=reality&sid=a1b2&sni=www\\.example\\.com&spx=%2F[0-9a-f]{15}&type=tcp"
                + "#in-remark-alice@example");
        assertThat(link).doesNotContain("server-only").doesNotContain("pqv");
    }

    @Test
    void the_spider_path_is_stable_for_a_client_and_differs_between_clients() {
        StoredInbound inbound = inbound("tcp", "reality", """
                "realitySettings": {"serverNames": ["a.example"], "shortIds": ["01"], "settings": {"publicKey": "k", "spiderX": "/"}}""");

        String one = ShareLinks.vless(inbound, client("xtls-rprx-vision"), "h", "-ieo");
        String again = ShareLinks.vless(inbound, client("xtls-rprx-vision"), "h", "-ieo");
        String other = ShareLinks.vless(inbound, clientWithSubId("othersub"), "h", "-ieo");

        assertThat(one).isEqualTo(again);
        assertThat(query(URI.create(one)).get("spx")).matches("/[0-9a-f]{15}");
        assertThat(query(URI.create(other)).get("spx")).isNotEqualTo(query(URI.create(one)).get("spx"));
    }

    @Test
    void a_tls_link_has_sni_alpn_fingerprint_and_insecure_flag_and_the_flow_only_on_tcp() {
        String tlsStream = """
                "tlsSettings": {"serverName": "vpn.example.net", "alpn": ["h2", "http/1.1"],
                  "settings": {"fingerprint": "firefox", "allowInsecure": true}}""";

        Map<String, String> tcp = query(ShareLinks.vless(inbound("tcp", "tls", tlsStream), client("xtls-rprx-vision"), "h", "-ieo"));
        Map<String, String> grpc = query(ShareLinks.vless(inbound("grpc", "tls", tlsStream + """
                , "grpcSettings": {"serviceName": "svc", "authority": "auth.example", "multiMode": true}"""), client("xtls-rprx-vision"), "h", "-ieo"));

        assertThat(tcp).containsEntry("security", "tls").containsEntry("sni", "vpn.example.net").containsEntry("alpn", "h2,http/1.1")
                .containsEntry("fp", "firefox").containsEntry("allowInsecure", "1").containsEntry("flow", "xtls-rprx-vision");
        assertThat(grpc).containsEntry("type", "grpc").containsEntry("serviceName", "svc").containsEntry("authority", "auth.example")
                .containsEntry("mode", "multi").doesNotContainKey("flow");
    }

    @Test
    void websocket_and_xhttp_carry_path_and_host_from_the_header_when_host_is_empty() {
        Map<String, String> ws = query(ShareLinks.vless(inbound("ws", "none", """
                "wsSettings": {"path": "/p ath", "host": "", "headers": {"host": "cdn.example"}}"""), client(""), "h", "-ieo"));
        Map<String, String> xhttp = query(ShareLinks.vless(inbound("xhttp", "none", """
                "xhttpSettings": {"path": "/x", "host": "x.example", "mode": "auto"}"""), client(""), "h", "-ieo"));

        assertThat(ws).containsEntry("type", "ws").containsEntry("path", "/p ath").containsEntry("host", "cdn.example")
                .containsEntry("security", "none");
        assertThat(xhttp).containsEntry("path", "/x").containsEntry("host", "x.example").containsEntry("mode", "auto");
    }

    @Test
    void a_tcp_http_header_gives_path_host_and_header_type() {
        Map<String, String> q = query(ShareLinks.vless(inbound("tcp", "none", """
                "tcpSettings": {"header": {"type": "http", "request": {"path": ["/a", "/b"], "headers": {"Host": ["h1.example", "h2.example"]}}}}"""),
                client(""), "h", "-ieo"));

        assertThat(q).containsEntry("path", "/a").containsEntry("host", "h1.example").containsEntry("headerType", "http");
    }

    @Test
    void query_values_are_escaped_as_go_does_and_the_remark_as_a_go_fragment() {
        assertThat(ShareLinks.queryEscape("a b/c,d~e*f")).isEqualTo("a+b%2Fc%2Cd~e%2Af");
        assertThat(ShareLinks.fragmentEscape("DE Frankfurt/1 ⭐")).isEqualTo("DE%20Frankfurt/1%20%E2%AD%90");
    }

    @Test
    void the_first_external_proxy_sets_address_port_and_security() {
        StoredInbound inbound = inbound("tcp", "tls", """
                "tlsSettings": {"serverName": "s", "settings": {"fingerprint": "chrome"}},
                "externalProxy": [{"forceTls": "none", "dest": "cdn.example.org", "port": 8080, "remark": "cdn"}]""");

        URI link = URI.create(ShareLinks.vless(inbound, client(""), "203.0.113.7", "-ieo"));

        assertThat(link.getHost()).isEqualTo("cdn.example.org");
        assertThat(link.getPort()).isEqualTo(8080);
        assertThat(query(link)).containsEntry("security", "none").doesNotContainKeys("sni", "fp");
        assertThat(link.getFragment()).isEqualTo("in-remark-alice@example-cdn");
    }

    @Test
    void an_inbound_listening_on_one_ip_is_reached_there_and_ipv6_is_bracketed() {
        ObjectNode raw = rawInbound("tcp", "none", "");
        raw.put("listen", "2001:db8::7");

        URI link = URI.create(ShareLinks.vless(StoredInbound.parse(raw, JSON), client(""), "panel.example", "-ieo"));

        assertThat(link.getHost()).isEqualTo("[2001:db8::7]");
    }

    @Test
    void the_remark_follows_the_panels_remark_model() {
        assertThat(ShareLinks.remark("DE", "alice", "", "-ieo")).isEqualTo("DE-alice");
        assertThat(ShareLinks.remark("DE", "alice", "cdn", "_eio")).isEqualTo("alice_DE_cdn");
        assertThat(ShareLinks.remark("", "alice", "", "-ieo")).isEqualTo("alice");
    }

    @Test
    void the_subscription_url_is_the_uri_when_set_else_built_from_the_settings() {
        assertThat(ShareLinks.subscriptionUrl(new PanelSubscription(true, "https://s.example/get", null, 2096, "/sub/", false), "1.2.3.4", "abc"))
                .isEqualTo("https://s.example/get/abc");
        assertThat(ShareLinks.subscriptionUrl(new PanelSubscription(true, null, null, 2096, "sub", false), "1.2.3.4", "abc"))
                .isEqualTo("http://1.2.3.4:2096/sub/abc");
        assertThat(ShareLinks.subscriptionUrl(new PanelSubscription(true, null, "sub.example", 443, "/s/", true), "1.2.3.4", "abc"))
                .isEqualTo("https://sub.example/s/abc");
        assertThat(ShareLinks.subscriptionUrl(new PanelSubscription(true, null, null, 2096, "/sub/", false), "2001:db8::1", "abc"))
                .isEqualTo("http://[2001:db8::1]:2096/sub/abc");
        assertThat(ShareLinks.subscriptionUrl(new PanelSubscription(false, null, null, 2096, "/sub/", false), "1.2.3.4", "abc")).isNull();
    }

    @Test
    void settings_given_as_objects_read_the_same_as_settings_given_as_text() throws Exception {
        ObjectNode asText = rawInbound("tcp", "reality", """
                "realitySettings": {"serverNames": ["a.example"], "shortIds": ["01"], "settings": {"publicKey": "k"}}""");
        ObjectNode asObjects = asText.deepCopy();
        asObjects.set("settings", JSON.readTree(asText.get("settings").asText()));
        asObjects.set("streamSettings", JSON.readTree(asText.get("streamSettings").asText()));

        assertThat(ShareLinks.vless(StoredInbound.parse(asObjects, JSON), client("xtls-rprx-vision"), "h", "-ieo"))
                .isEqualTo(ShareLinks.vless(StoredInbound.parse(asText, JSON), client("xtls-rprx-vision"), "h", "-ieo"));
        assertThat(StoredInbound.parse(asObjects, JSON).clients()).hasSize(1);
    }

    private static Map<String, String> query(String link) {
        return query(URI.create(link));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private static StoredClient client(String flow) {
        return clientWithSubId("alicesub").withFlow(flow);
    }

    private static StoredClient clientWithSubId(String subId) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", UUID);
        c.put("email", "alice@example");
        c.put("flow", "xtls-rprx-vision");
        c.put("subId", subId);
        return new StoredClient(c);
    }

    private static StoredInbound inbound(String network, String security, String streamExtras) {
        return StoredInbound.parse(rawInbound(network, security, streamExtras), JSON);
    }

    private static ObjectNode rawInbound(String network, String security, String streamExtras) {
        try {
            String stream = "{\"network\": \"" + network + "\", \"security\": \"" + security + "\""
                    + (streamExtras.isBlank() ? "" : ", " + streamExtras) + "}";
            ObjectNode raw = JSON.createObjectNode();
            raw.put("id", 1);
            raw.put("remark", "in-remark");
            raw.put("port", 443);
            raw.put("listen", "");
            raw.put("protocol", "vless");
            raw.put("settings", "{\"clients\": [{\"id\": \"" + UUID + "\", \"email\": \"alice@example\"}], \"decryption\": \"none\", \"encryption\": \"none\"}");
            raw.put("streamSettings", JSON.writeValueAsString(JSON.readTree(stream)));
            return raw;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
