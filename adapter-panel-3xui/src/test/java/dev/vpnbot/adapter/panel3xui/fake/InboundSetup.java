package dev.vpnbot.adapter.panel3xui.fake;

import static dev.vpnbot.adapter.panel3xui.fake.Exchange.JSON;
import static dev.vpnbot.adapter.panel3xui.fake.Exchange.NODES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The inbounds a fresh fake panel holds, their stream settings, Reality keys and settings parsing. */
final class InboundSetup {

    private InboundSetup() {}

    static void createDefaultInbounds(PanelStore store) {
        ObjectNode settings = NODES.objectNode();
        ArrayNode clients = settings.putArray("clients");
        ObjectNode operator = clients.addObject();
        operator.put("id", "0a0b0c0d-0000-4000-8000-000000000001");
        operator.put("flow", "xtls-rprx-vision");
        operator.put("email", FakeThreeXuiPanel.OPERATOR_EMAIL);
        operator.put("limitIp", 0);
        operator.put("totalGB", 0);
        operator.put("expiryTime", 0);
        operator.put("enable", true);
        operator.put("tgId", 0);
        operator.put("subId", "operatorsub00001");
        operator.put("comment", "the operator's own key");
        operator.put("reset", 0);
        settings.put("decryption", "none");
        settings.put("encryption", "none");
        settings.putArray("fallbacks");
        store.createInbound("reality-443", 443, "vless", "", settings, streamSettings("tcp", "reality", realityKeys()), defaultSniffing());

        ObjectNode wsSettings = NODES.objectNode();
        ObjectNode wsOperator = wsSettings.putArray("clients").addObject();
        wsOperator.put("id", "0a0b0c0d-0000-4000-8000-000000000002");
        wsOperator.put("flow", "");
        wsOperator.put("email", FakeThreeXuiPanel.OPERATOR_WS_EMAIL);
        wsOperator.put("limitIp", 0);
        wsOperator.put("totalGB", 0);
        wsOperator.put("expiryTime", 0);
        wsOperator.put("enable", true);
        wsOperator.put("tgId", 0);
        wsOperator.put("subId", "operatorsub00002");
        wsSettings.put("decryption", "none");
        wsSettings.putArray("fallbacks");
        store.createInbound("ws-tls-8443", 8443, "vless", "", wsSettings, streamSettings("ws", "tls", null), defaultSniffing());
    }

    static ObjectNode streamSettings(String network, String security, String[] realityKeys) {
        ObjectNode s = NODES.objectNode();
        s.put("network", network);
        s.put("security", security);
        s.putArray("externalProxy");
        if (security.equals("reality")) {
            String[] keys = realityKeys != null ? realityKeys : realityKeys();
            ObjectNode reality = s.putObject("realitySettings");
            reality.put("show", false);
            reality.put("xver", 0);
            reality.put("target", FakeThreeXuiPanel.REALITY_SNI + ":443");
            reality.putArray("serverNames").add(FakeThreeXuiPanel.REALITY_SNI).add("example.com");
            reality.put("privateKey", keys[0]);
            reality.put("minClientVer", "");
            reality.put("maxClientVer", "");
            reality.put("maxTimediff", 0);
            reality.putArray("shortIds").add(FakeThreeXuiPanel.REALITY_SHORT_ID).add("e5f6");
            reality.put("mldsa65Seed", "");
            ObjectNode inner = reality.putObject("settings");
            inner.put("publicKey", keys[1]);
            inner.put("fingerprint", "chrome");
            inner.put("serverName", "");
            inner.put("spiderX", "/");
            inner.put("mldsa65Verify", "");
        } else if (security.equals("tls")) {
            ObjectNode tlsSettings = s.putObject("tlsSettings");
            tlsSettings.put("serverName", "vpn.example.net");
            tlsSettings.putArray("alpn").add("h2").add("http/1.1");
            tlsSettings.putObject("settings").put("fingerprint", "firefox").put("allowInsecure", false);
        }
        switch (network) {
            case "tcp" -> s.putObject("tcpSettings").put("acceptProxyProtocol", false).putObject("header").put("type", "none");
            case "ws" -> {
                ObjectNode ws = s.putObject("wsSettings");
                ws.put("acceptProxyProtocol", false);
                ws.put("path", "/ws/path");
                ws.put("host", "");
                ws.putObject("headers").put("Host", "cdn.example.net");
            }
            case "grpc" -> s.putObject("grpcSettings").put("serviceName", "grpc-svc").put("authority", "").put("multiMode", false);
            default -> { }
        }
        return s;
    }

    static ObjectNode defaultSniffing() {
        ObjectNode s = NODES.objectNode();
        s.put("enabled", true);
        s.putArray("destOverride").add("http").add("tls").add("quic").add("fakedns");
        s.put("metadataOnly", false);
        s.put("routeOnly", false);
        return s;
    }

    /** A real X25519 pair in Xray's encoding: {private, public}. */
    static String[] realityKeys() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            byte[] scalar = ((XECPrivateKey) pair.getPrivate()).getScalar().orElseThrow();
            BigInteger u = ((XECPublicKey) pair.getPublic()).getU();
            byte[] big = u.toByteArray();
            byte[] le = new byte[32];
            for (int i = 0; i < 32 && i < big.length; i++) le[i] = big[big.length - 1 - i];
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return new String[] {b64.encodeToString(scalar), b64.encodeToString(le)};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ObjectNode> clientsOf(ObjectNode settings) {
        List<ObjectNode> out = new ArrayList<>();
        settings.path("clients").forEach(n -> {
            if (n.isObject()) out.add((ObjectNode) n);
        });
        return out;
    }

    /** A settings/streamSettings/sniffing value: JSON text, or (v3.1+ Inbound.UnmarshalJSON) an object. */
    static ObjectNode embedded(JsonNode value) throws JsonProcessingException {
        if (value == null || value.isNull()) return NODES.objectNode();
        if (value.isObject()) return value.deepCopy();
        String text = value.asText();
        if (text.isBlank()) return NODES.objectNode();
        JsonNode parsed = JSON.readTree(text);
        if (parsed == null || !parsed.isObject()) throw new JsonProcessingException("not an object") {};
        return (ObjectNode) parsed;
    }

    static String protocolKey(String protocol) {
        return switch (protocol) {
            case "trojan" -> "password";
            case "shadowsocks" -> "email";
            case "hysteria", "hysteria2" -> "auth";
            default -> "id";
        };
    }
}
