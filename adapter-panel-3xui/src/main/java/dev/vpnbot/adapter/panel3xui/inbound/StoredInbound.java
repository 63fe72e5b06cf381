package dev.vpnbot.adapter.panel3xui.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelInbound;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An inbound as the panel returns it. {@code settings}, {@code streamSettings} and
 * {@code sniffing} are JSON text up to v3.0 and embedded objects from v3.1: both are read.
 */
public final class StoredInbound {
    private final ObjectNode raw;
    private final ObjectNode settings;
    private final ObjectNode stream;

    private StoredInbound(ObjectNode raw, ObjectNode settings, ObjectNode stream) {
        this.raw = raw;
        this.settings = settings;
        this.stream = stream;
    }

    public static StoredInbound parse(JsonNode node, ObjectMapper json) {
        if (node == null || !node.isObject()) {
            throw new PanelException(PanelFault.REJECTED, "the panel returned no inbound object");
        }
        ObjectNode raw = (ObjectNode) node.deepCopy();
        return new StoredInbound(raw, embedded(raw.get("settings"), json), embedded(raw.get("streamSettings"), json));
    }

    /** A string holding JSON, or the object itself; empty for "" or null. */
    static ObjectNode embedded(JsonNode value, ObjectMapper json) {
        if (value == null || value.isNull()) return json.createObjectNode();
        if (value.isObject()) return (ObjectNode) value.deepCopy();
        String text = value.asText().trim();
        if (text.isEmpty()) return json.createObjectNode();
        try {
            JsonNode parsed = json.readTree(text);
            return parsed != null && parsed.isObject() ? (ObjectNode) parsed : json.createObjectNode();
        } catch (JsonProcessingException e) {
            throw new PanelException(PanelFault.REJECTED, "the panel returned inbound settings that are not JSON");
        }
    }

    public int id() {
        return raw.path("id").asInt();
    }

    String remark() {
        return raw.path("remark").asText("");
    }

    public String protocol() {
        return raw.path("protocol").asText("").toLowerCase(Locale.ROOT);
    }

    public int port() {
        return raw.path("port").asInt();
    }

    String listen() {
        return raw.path("listen").asText("");
    }

    boolean enabled() {
        return raw.path("enable").asBoolean(true);
    }

    ObjectNode settings() {
        return settings.deepCopy();
    }

    ObjectNode stream() {
        return stream.deepCopy();
    }

    String network() {
        return stream.path("network").asText("").toLowerCase(Locale.ROOT);
    }

    String security() {
        String s = stream.path("security").asText("").toLowerCase(Locale.ROOT);
        return s.isEmpty() ? "none" : s;
    }

    public List<StoredClient> clients() {
        List<StoredClient> found = new ArrayList<>();
        JsonNode clients = settings.get("clients");
        if (clients != null && clients.isArray()) {
            for (JsonNode c : clients) {
                if (c.isObject()) found.add(new StoredClient((ObjectNode) c));
            }
        }
        return found;
    }

    /** Emails are unique panel-wide and compared without case, as the panel does. */
    public Optional<StoredClient> client(String email) {
        return clients().stream().filter(c -> c.email().equalsIgnoreCase(email)).findFirst();
    }

    /** The traffic row for an email from {@code clientStats}, if the panel sent them. */
    public Optional<JsonNode> traffic(String email) {
        JsonNode stats = raw.get("clientStats");
        if (stats == null || !stats.isArray()) return Optional.empty();
        for (JsonNode row : stats) {
            if (row.path("email").asText("").equalsIgnoreCase(email)) return Optional.of(row);
        }
        return Optional.empty();
    }

    /** This inbound without its clients: what links need, small enough to keep between calls. */
    public StoredInbound withoutClients() {
        ObjectNode rawCopy = raw.deepCopy();
        rawCopy.remove("clientStats");
        rawCopy.remove("settings");
        ObjectNode settingsCopy = settings.deepCopy();
        settingsCopy.remove("clients");
        return new StoredInbound(rawCopy, settingsCopy, stream.deepCopy());
    }

    public PanelInbound summary() {
        return new PanelInbound(id(), remark(), protocol(), port(), network(), security(), enabled(), clients().size());
    }

    public boolean carriesVisionFlow() {
        return summary().carriesVisionFlow();
    }

    /**
     * The whole inbound for {@code update/:id} with a new client list: every other inbound
     * field is sent back as it came, the JSON parts as text (which every version accepts).
     */
    public ObjectNode withClients(List<StoredClient> clients, ObjectMapper json) {
        ObjectNode body = raw.deepCopy();
        body.remove("clientStats");
        ObjectNode newSettings = settings.deepCopy();
        ArrayNode array = newSettings.putArray("clients");
        clients.forEach(c -> array.add(c.normalised()));
        body.put("settings", text(newSettings, json));
        for (String part : List.of("streamSettings", "sniffing")) {
            JsonNode value = body.get(part);
            if (value != null && value.isObject()) body.put(part, text(value, json));
        }
        return body;
    }

    private static String text(JsonNode node, ObjectMapper json) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
