package dev.vpnbot.adapter.panel3xui.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnbot.adapter.panel3xui.inbound.ShareLinks;
import dev.vpnbot.application.model.panel.PanelSubscription;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel's own settings that shape a key's links: its subscription server and its remark
 * model, reused for {@link SessionSettings#settingsCacheTtl()}. Recent v3 panels show them
 * under the API (where an API token reaches them), older ones only on a session route; the
 * route that answered is remembered. A panel that shows neither gives keys without a
 * subscription URL.
 */
final class PanelSettingsCache {

    private static final Logger log = LoggerFactory.getLogger(PanelSettingsCache.class);

    private record Cached(Instant at, PanelSubscription subscription, String remarkModel) {}

    private final String name;
    private final PanelConnection connection;
    private final SessionSettings settings;
    private final Clock clock;
    private final PanelTransport transport;
    private final PanelLogin login;

    private volatile Cached cached;
    private volatile Boolean underApi;
    private volatile boolean unavailable;

    PanelSettingsCache(String name, PanelConnection connection, SessionSettings settings, Clock clock,
                       PanelTransport transport, PanelLogin login) {
        this.name = name;
        this.connection = connection;
        this.settings = settings;
        this.clock = clock;
        this.transport = transport;
        this.login = login;
    }

    /** Null when the panel would not tell. */
    PanelSubscription subscription() {
        return current().subscription();
    }

    String remarkModel() {
        return current().remarkModel();
    }

    void forget() {
        cached = null;
        underApi = null;
        unavailable = false;
    }

    private Cached current() {
        Cached known = cached;
        Instant now = clock.instant();
        if (known != null && known.at().plus(settings.settingsCacheTtl()).isAfter(now)) return known;
        Cached fresh = load(now);
        cached = fresh;
        return fresh;
    }

    private Cached load(Instant now) {
        if (unavailable) return new Cached(now, null, ShareLinks.DEFAULT_REMARK_MODEL);
        boolean apiFirst = underApi != null ? underApi
                : login.generation() == ApiGeneration.CLIENTS_API || connection.credentials() instanceof PanelCredentials.ApiToken;
        try {
            Optional<Envelope> found = transport.callIfExists(apiFirst ? PanelApi::settingsV3 : PanelApi::settings);
            boolean foundUnderApi = apiFirst;
            if (found.isEmpty() || !found.get().success()) {
                found = transport.callIfExists(apiFirst ? PanelApi::settings : PanelApi::settingsV3);
                foundUnderApi = !apiFirst;
            }
            if (found.isEmpty() || !found.get().success() || !found.get().obj().isObject()) {
                unavailable = true;
                log.warn("panel {} does not show its settings to us: keys get no subscription URL", name);
                return new Cached(now, null, ShareLinks.DEFAULT_REMARK_MODEL);
            }
            underApi = foundUnderApi;
            return read(found.get().obj(), now);
        } catch (PanelException e) {
            if (e.kind().isTransient()) throw e;
            log.warn("panel {}: cannot read its settings ({}): keys get no subscription URL", name, e.getMessage());
            return new Cached(now, null, ShareLinks.DEFAULT_REMARK_MODEL);
        }
    }

    /** @param s all the panel's settings, also secrets such as its bot token: never logged */
    private static Cached read(JsonNode s, Instant now) {
        PanelSubscription sub = new PanelSubscription(s.path("subEnable").asBoolean(false), s.path("subURI").asText(""),
                s.path("subDomain").asText(""), s.path("subPort").asInt(0), s.path("subPath").asText("/sub/"),
                !s.path("subCertFile").asText("").isBlank() && !s.path("subKeyFile").asText("").isBlank());
        String model = s.path("remarkModel").asText("");
        return new Cached(now, sub, model.length() >= 2 ? model : ShareLinks.DEFAULT_REMARK_MODEL);
    }
}
