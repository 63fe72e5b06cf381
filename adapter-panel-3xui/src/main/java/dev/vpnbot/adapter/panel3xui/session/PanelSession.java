package dev.vpnbot.adapter.panel3xui.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnbot.adapter.panel3xui.inbound.ClientCopies;
import dev.vpnbot.adapter.panel3xui.inbound.StoredInbound;
import dev.vpnbot.application.model.panel.PanelCertificate;
import dev.vpnbot.application.model.panel.PanelSubscription;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import dev.vpnbot.domain.server.PanelConnection;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;

/**
 * Everything the adapter keeps for one panel connection: its HTTP client ({@link PanelHttp}),
 * the session and the API generation the panel speaks ({@link PanelLogin}), authenticated
 * calls ({@link PanelTransport}), the panel's link settings ({@link PanelSettingsCache}) and
 * the single writer queue.
 *
 * <p>Session rules from the real panel: log in once and reuse the cookie; an expired session
 * shows as 307/302, 401, 404 or an empty 403 (CSRF) depending on the version, so on those one
 * re-login (one at a time per panel) and one retry follow. A route that still answers 404
 * after a fresh login does not exist in this version: the generation is detected again, and
 * if the panel was upgraded the operation is redone with the new routes. A refused login is
 * not repeated for {@link SessionSettings#loginCooldown()}: v3 panels lock a user out after
 * five failures.
 */
public final class PanelSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PanelSession.class);

    /** The panel turned out to speak another generation than the request was built for. */
    static final class GenerationChanged extends RuntimeException {
        GenerationChanged(ApiGeneration from, ApiGeneration to) {
            super("panel API changed from " + from + " to " + to, null, false, false);
        }
    }

    private final String name;
    private final PanelConnection connection;
    private final ObjectMapper json;
    private final PanelHttp http;
    private final PanelLogin login;
    private final PanelTransport transport;
    private final PanelSettingsCache panelSettings;
    private final WriteQueue writes;
    private final ClientCopies copies = new ClientCopies(System::nanoTime);

    public PanelSession(String name, PanelConnection connection, SessionSettings settings, OkHttpClient base,
                        ObjectMapper json, Clock clock, PanelWriteLock writeLock) {
        this.name = name;
        this.connection = connection;
        this.json = json;
        this.http = new PanelHttp(name, connection, settings, base, json);
        PanelAnswers answers = new PanelAnswers(name, connection, json);
        this.login = new PanelLogin(name, connection, settings, clock, http, answers, this::forgetPanelSettings);
        this.transport = new PanelTransport(name, connection, settings, http, answers, login);
        this.panelSettings = new PanelSettingsCache(name, connection, settings, clock, transport, login);
        this.writes = new WriteQueue(name, writeLock, connection.baseUrl(), settings.operationTimeout(), settings.maxBatch());
    }

    public PanelConnection connection() {
        return connection;
    }

    public String name() {
        return name;
    }

    public WriteQueue writes() {
        return writes;
    }

    public ObjectMapper json() {
        return json;
    }

    /** Recent copies of this panel's clients (panels before v3.1), filled by every whole-inbound read. */
    public ClientCopies copies() {
        return copies;
    }

    /** The host users connect to when an inbound listens on every address. */
    public String host() {
        String host = URI.create(connection.baseUrl()).getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The detected generation, detecting it (and logging in) first if need be. */
    public ApiGeneration generation() {
        return login.generation();
    }

    /** What is known so far, even after a failed detection (null when nothing is). */
    public ApiGeneration knownGeneration() {
        return login.knownGeneration();
    }

    public Optional<PanelCertificate> certificate() {
        return http.certificate();
    }

    /** Runs an operation, once more if the panel turned out to have changed generation meanwhile. */
    public <T> T withGeneration(Function<ApiGeneration, T> operation) {
        try {
            return operation.apply(generation());
        } catch (GenerationChanged e) {
            log.info("panel {}: {}; repeating the operation with the new routes", name, e.getMessage());
            return operation.apply(generation());
        }
    }

    /**
     * An authenticated call. Retries a busy database with backoff; re-logs in once on the signs
     * of an expired session; a route missing after a fresh login means another generation or
     * an unsupported version.
     */
    public Envelope call(Function<PanelApi, Call<ResponseBody>> request) {
        return transport.call(request);
    }

    /** As {@link #call}, but a route that does not exist on this panel gives empty. */
    public Optional<Envelope> callIfExists(Function<PanelApi, Call<ResponseBody>> request) {
        return transport.callIfExists(request);
    }

    // --- shared reads ----------------------------------------------------------------------

    /** One inbound; {@link PanelFault#INBOUND_NOT_FOUND} when the panel has no such inbound. */
    public StoredInbound inbound(int inboundId) {
        Envelope e = call(a -> a.inbound(inboundId));
        if (!e.success() || !e.obj().isObject()) {
            if (e.says(PanelMessages.RECORD_NOT_FOUND) || !e.hasObj()) {
                throw new PanelException(PanelFault.INBOUND_NOT_FOUND, "panel " + name + " has no inbound " + inboundId);
            }
            throw new PanelException(PanelFault.REJECTED, "panel " + name + " would not show inbound " + inboundId + ": " + e.shortMsg());
        }
        StoredInbound inbound = StoredInbound.parse(e.obj(), json);
        if (knownGeneration() != ApiGeneration.CLIENTS_API) copies.rememberAll(inbound);
        return inbound;
    }

    public List<StoredInbound> inbounds() {
        Envelope e = call(PanelApi::inbounds);
        if (!e.success()) throw new PanelException(PanelFault.REJECTED, "panel " + name + " would not list inbounds: " + e.shortMsg());
        if (!e.obj().isArray()) return List.of(); // an empty panel may say null
        List<StoredInbound> all = new ArrayList<>();
        e.obj().forEach(n -> all.add(StoredInbound.parse(n, json)));
        return all;
    }

    /** The subscription settings, cached; null when the panel would not tell. */
    public PanelSubscription subscription() {
        return panelSettings.subscription();
    }

    public String remarkModel() {
        return panelSettings.remarkModel();
    }

    private void forgetPanelSettings() {
        panelSettings.forget();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PanelException(PanelFault.UNREACHABLE, "interrupted while waiting to retry the panel");
        }
    }

    @Override
    public void close() {
        writes.close();
    }
}
