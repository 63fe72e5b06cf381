package dev.vpnbot.adapter.panel3xui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The body of {@code panel/api/inbounds/add} for a VLESS + Reality inbound on TCP, with no
 * clients yet, two fresh short ids, and the settings parts as JSON text: every version
 * accepts that.
 */
final class RealityInboundBody {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RealityInboundBody() {}

    static ObjectNode of(RealityInboundRequest request, RealityKeys keys, ApiGeneration generation, ObjectMapper json) {
        ObjectNode settings = settings(generation, json);
        ObjectNode stream = stream(request, keys, generation, json);
        ObjectNode sniffing = sniffing(json);

        ObjectNode body = json.createObjectNode();
        body.put("up", 0);
        body.put("down", 0);
        body.put("total", 0);
        body.put("remark", request.remark());
        body.put("enable", true);
        body.put("expiryTime", 0);
        body.put("listen", "");
        body.put("port", request.port());
        body.put("protocol", "vless");
        body.put("settings", text(settings, json)); // JSON text: every version accepts it
        body.put("streamSettings", text(stream, json));
        body.put("sniffing", text(sniffing, json));
        return body;
    }

    private static ObjectNode settings(ApiGeneration generation, ObjectMapper json) {
        ObjectNode settings = json.createObjectNode();
        settings.putArray("clients");
        settings.put("decryption", "none");
        if (generation != ApiGeneration.LEGACY) settings.put("encryption", "none");
        settings.putArray("fallbacks");
        return settings;
    }

    private static ObjectNode stream(RealityInboundRequest request, RealityKeys keys, ApiGeneration generation, ObjectMapper json) {
        ObjectNode stream = json.createObjectNode();
        stream.put("network", "tcp");
        stream.put("security", "reality");
        stream.putArray("externalProxy");
        ObjectNode reality = stream.putObject("realitySettings");
        reality.put("show", false);
        reality.put("xver", 0);
        reality.put(generation == ApiGeneration.LEGACY ? "dest" : "target", request.target()); // "dest" is what older Xray reads
        reality.putArray("serverNames").add(request.serverName());
        reality.put("privateKey", keys.privateKey());
        reality.put("minClientVer", "");
        reality.put("maxClientVer", "");
        reality.put("maxTimediff", 0);
        reality.putArray("shortIds").add(randomHex(8)).add(randomHex(4));
        ObjectNode realityClient = reality.putObject("settings");
        realityClient.put("publicKey", keys.publicKey());
        realityClient.put("fingerprint", "chrome");
        realityClient.put("serverName", "");
        realityClient.put("spiderX", "/");
        ObjectNode tcp = stream.putObject("tcpSettings");
        tcp.put("acceptProxyProtocol", false);
        tcp.putObject("header").put("type", "none");
        return stream;
    }

    private static ObjectNode sniffing(ObjectMapper json) {
        ObjectNode sniffing = json.createObjectNode();
        sniffing.put("enabled", true);
        sniffing.putArray("destOverride").add("http").add("tls").add("quic").add("fakedns");
        sniffing.put("metadataOnly", false);
        sniffing.put("routeOnly", false);
        return sniffing;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String text(JsonNode node, ObjectMapper json) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
