package dev.vpnbot.adapter.panel3xui.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.tls.Fingerprints;
import dev.vpnbot.application.model.panel.PanelSubscription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a client's links the way 3x-ui's subscription service does ({@code genVlessLink},
 * {@code BuildURLs}), field for field, with two deliberate differences that make a link stable
 * enough to store: where 3x-ui picks a random Reality server name and short id we take the
 * first of each, and {@code spx} is derived from the spider path and the client (as recent
 * 3x-ui does) instead of being random; and the remark carries no remaining-traffic/time suffix.
 */
public final class ShareLinks {
    private ShareLinks() {}

    public static final String DEFAULT_REMARK_MODEL = "-ieo";

    /**
     * @param fallbackHost the host clients connect to when the inbound does not listen on a specific IP
     */
    public static String vless(StoredInbound inbound, StoredClient client, String fallbackHost, String remarkModel) {
        ObjectNode stream = inbound.stream();
        Map<String, String> params = new TreeMap<>(); // Go's url.Values.Encode sorts by key
        transportParams(inbound, stream, params);
        securityParams(inbound.security(), stream, client, inbound.network().equals("tcp"), params);
        Endpoint endpoint = endpoint(inbound, stream, fallbackHost, params);
        String remark = remark(inbound.remark(), client.email(), endpoint.extraRemark(), remarkModel);
        return link(client, endpoint, params, remark);
    }

    /** Where a link points, and the external proxy's remark part (empty without one). */
    private record Endpoint(String address, int port, String extraRemark) {}

    private static void transportParams(StoredInbound inbound, ObjectNode stream, Map<String, String> params) {
        String network = inbound.network();
        params.put("type", network);
        JsonNode encryption = inbound.settings().get("encryption");
        if (encryption != null && encryption.isTextual()) params.put("encryption", encryption.asText());

        networkExtras(network, stream, params);
    }

    private static void securityParams(String security, ObjectNode stream, StoredClient client, boolean tcp,
                                       Map<String, String> params) {
        if (security.equals("tls")) {
            tlsParams(stream, client, tcp, params);
        } else if (security.equals("reality")) {
            realityParams(stream, client, tcp, params);
        } else {
            params.put("security", "none");
        }
    }

    private static void tlsParams(ObjectNode stream, StoredClient client, boolean tcp, Map<String, String> params) {
        params.put("security", "tls");
        JsonNode tls = stream.path("tlsSettings");
        List<String> alpn = texts(tls.get("alpn"));
        if (!alpn.isEmpty()) params.put("alpn", String.join(",", alpn));
        JsonNode sni = searchKey(tls, "serverName");
        if (sni != null) params.put("sni", sni.isTextual() ? sni.asText() : "");
        JsonNode tlsInner = searchKey(tls, "settings");
        JsonNode fp = searchKey(tlsInner, "fingerprint");
        if (fp != null) params.put("fp", fp.isTextual() ? fp.asText() : "");
        JsonNode insecure = searchKey(tlsInner, "allowInsecure");
        if (insecure != null && insecure.asBoolean(false)) params.put("allowInsecure", "1");
        if (tcp && !client.flow().isEmpty()) params.put("flow", client.flow());
    }

    private static void realityParams(ObjectNode stream, StoredClient client, boolean tcp, Map<String, String> params) {
        params.put("security", "reality");
        JsonNode reality = stream.path("realitySettings");
        JsonNode realityInner = searchKey(reality, "settings");
        List<String> serverNames = texts(searchKey(reality, "serverNames"));
        if (!serverNames.isEmpty()) params.put("sni", serverNames.get(0));
        JsonNode pbk = searchKey(realityInner, "publicKey");
        if (pbk != null) params.put("pbk", pbk.asText(""));
        List<String> shortIds = texts(searchKey(reality, "shortIds"));
        if (!shortIds.isEmpty()) params.put("sid", shortIds.get(0));
        String fp = textOf(searchKey(realityInner, "fingerprint"));
        if (!fp.isEmpty()) params.put("fp", fp);
        String pqv = textOf(searchKey(realityInner, "mldsa65Verify"));
        if (!pqv.isEmpty()) params.put("pqv", pqv);
        String spiderX = textOf(searchKey(realityInner, "spiderX"));
        String owner = client.subId().isEmpty() ? client.email() : client.subId();
        params.put("spx", "/" + Fingerprints.sha256((spiderX + "|" + owner).getBytes(StandardCharsets.UTF_8)).substring(0, 15));
        if (tcp && !client.flow().isEmpty()) params.put("flow", client.flow());
    }

    /** The inbound's address, or its first external proxy's, which may also force the security. */
    private static Endpoint endpoint(StoredInbound inbound, ObjectNode stream, String fallbackHost, Map<String, String> params) {
        String address = connectAddress(inbound, fallbackHost);
        int port = inbound.port();
        String extraRemark = "";
        JsonNode proxies = stream.get("externalProxy");
        if (proxies != null && proxies.isArray() && !proxies.isEmpty()) {
            // 3x-ui makes one link per external proxy; a key gets the first
            JsonNode proxy = proxies.get(0);
            String forceTls = proxy.path("forceTls").asText("same");
            address = proxy.path("dest").asText(address);
            port = proxy.path("port").asInt(port);
            extraRemark = proxy.path("remark").asText("");
            if (!forceTls.equals("same")) params.put("security", forceTls);
            if (forceTls.equals("none")) {
                params.keySet().removeAll(List.of("alpn", "sni", "fp", "allowInsecure"));
            }
        }
        return new Endpoint(address, port, extraRemark);
    }

    private static String link(StoredClient client, Endpoint endpoint, Map<String, String> params, String remark) {
        StringBuilder link = new StringBuilder("vless://").append(client.id()).append('@')
                .append(bracketed(endpoint.address())).append(':').append(endpoint.port()).append('?');
        Iterator<Map.Entry<String, String>> it = params.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            link.append(queryEscape(e.getKey())).append('=').append(queryEscape(e.getValue()));
            if (it.hasNext()) link.append('&');
        }
        if (!remark.isEmpty()) link.append('#').append(fragmentEscape(remark));
        return link.toString();
    }

    /**
     * The subscription URL as the panel shows it: the operator's subURI + subId when set,
     * otherwise scheme://(subDomain or panel host)[:subPort] + subPath + subId; null when the
     * subscription server is off.
     */
    public static String subscriptionUrl(PanelSubscription sub, String panelHost, String subId) {
        if (sub == null) return null;
        if (sub.uri() != null) return sub.uri().endsWith("/") ? sub.uri() + subId : sub.uri() + "/" + subId;
        if (!sub.enabled()) return null;
        String scheme = sub.tls() ? "https" : "http";
        String host = sub.domain() != null ? sub.domain() : panelHost;
        boolean defaultPort = sub.port() == 0 || (sub.tls() && sub.port() == 443) || (!sub.tls() && sub.port() == 80);
        return scheme + "://" + bracketed(host) + (defaultPort ? "" : ":" + sub.port()) + sub.path() + subId;
    }

    private static void networkExtras(String network, ObjectNode stream, Map<String, String> params) {
        switch (network) {
            case "tcp" -> {
                JsonNode header = stream.path("tcpSettings").path("header");
                if (header.path("type").asText("").equals("http")) {
                    JsonNode request = header.path("request");
                    List<String> paths = texts(request.get("path"));
                    params.put("path", paths.isEmpty() ? "/" : paths.get(0));
                    params.put("host", searchHost(request.get("headers")));
                    params.put("headerType", "http");
                }
            }
            case "kcp" -> {
                JsonNode kcp = stream.path("kcpSettings");
                params.put("headerType", kcp.path("header").path("type").asText(""));
                params.put("seed", kcp.path("seed").asText(""));
            }
            case "ws" -> pathAndHost(stream.path("wsSettings"), params);
            case "httpupgrade" -> pathAndHost(stream.path("httpupgradeSettings"), params);
            case "xhttp" -> {
                JsonNode xhttp = stream.path("xhttpSettings");
                pathAndHost(xhttp, params);
                params.put("mode", xhttp.path("mode").asText(""));
            }
            case "grpc" -> {
                JsonNode grpc = stream.path("grpcSettings");
                params.put("serviceName", grpc.path("serviceName").asText(""));
                params.put("authority", grpc.path("authority").asText(""));
                if (grpc.path("multiMode").asBoolean(false)) params.put("mode", "multi");
            }
            default -> { }
        }
    }

    private static void pathAndHost(JsonNode settings, Map<String, String> params) {
        params.put("path", settings.path("path").asText(""));
        String host = settings.path("host").asText("");
        params.put("host", host.isEmpty() ? searchHost(settings.get("headers")) : host);
    }

    /** The inbound's own listen address when it is a specific IP, otherwise the given host. */
    static String connectAddress(StoredInbound inbound, String fallbackHost) {
        String listen = inbound.listen().trim();
        if (listen.isEmpty() || listen.startsWith("@") || listen.startsWith("/")
                || listen.equals("0.0.0.0") || listen.equals("::") || listen.equals("::0")) {
            return fallbackHost;
        }
        return listen;
    }

    /** 3x-ui's remarkModel: first char the separator, then the order of inbound remark (i), email (e), extra (o). */
    static String remark(String inboundRemark, String email, String extra, String remarkModel) {
        String model = remarkModel == null || remarkModel.length() < 2 ? DEFAULT_REMARK_MODEL : remarkModel;
        String separator = model.substring(0, 1);
        List<String> parts = new ArrayList<>();
        for (char c : model.substring(1).toCharArray()) {
            String part = switch (c) {
                case 'i' -> inboundRemark;
                case 'e' -> email;
                case 'o' -> extra;
                default -> "";
            };
            if (part != null && !part.isEmpty()) parts.add(part);
        }
        return String.join(separator, parts);
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String searchHost(JsonNode headers) {
        if (headers == null || !headers.isObject()) return "";
        for (var it = headers.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase("host")) {
                JsonNode v = e.getValue();
                if (v.isArray()) return v.isEmpty() ? "" : v.get(0).asText("");
                return v.asText("");
            }
        }
        return "";
    }

    /** 3x-ui's searchKey: the key at this level, else the first match below. */
    static JsonNode searchKey(JsonNode data, String key) {
        if (data == null) return null;
        if (data.isObject()) {
            if (data.has(key)) return data.get(key);
            for (JsonNode child : data) {
                JsonNode found = searchKey(child, key);
                if (found != null) return found;
            }
        } else if (data.isArray()) {
            for (JsonNode child : data) {
                JsonNode found = searchKey(child, key);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) array.forEach(n -> out.add(n.asText("")));
        return out;
    }

    private static String textOf(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : "";
    }

    /** Go's url.QueryEscape: unreserved kept, space as '+', everything else %XX. */
    static String queryEscape(String s) {
        return escape(s, true);
    }

    /** Go's URL fragment escaping: unreserved, sub-delims and ":@/?" kept, the rest %XX. */
    static String fragmentEscape(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean query) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (keeps(c, query)) {
                out.append((char) c);
            } else if (c == ' ' && query) {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean keeps(int c, boolean query) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
        if (c == '-' || c == '_' || c == '.' || c == '~') return true;
        if (query) return false;
        return "$&+,/:;=?@!()*".indexOf(c) >= 0;
    }
}
