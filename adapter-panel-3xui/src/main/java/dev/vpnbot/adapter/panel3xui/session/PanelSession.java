package dev.vpnbot.adapter.panel3xui.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnbot.adapter.panel3xui.ThreeXuiSettings;
import dev.vpnbot.adapter.panel3xui.inbound.ShareLinks;
import dev.vpnbot.adapter.panel3xui.inbound.StoredInbound;
import dev.vpnbot.adapter.panel3xui.tls.Fingerprints;
import dev.vpnbot.adapter.panel3xui.tls.PanelTrust;
import dev.vpnbot.application.model.panel.PanelCertificate;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import dev.vpnbot.application.port.out.panel.PanelException.Kind;
import dev.vpnbot.application.model.panel.PanelSubscription;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * Everything the adapter keeps for one panel connection: its own OkHttp client (TLS settings,
 * cookie jar, no redirects), the detected API generation, the session (cookie and CSRF token)
 * and the single writer queue.
 *
 * <p>Session rules from the real panel: log in once and reuse the cookie; an expired session
 * shows as 307/302, 401, 404 or an empty 403 (CSRF) depending on the version, so on those one
 * re-login (one at a time per panel) and one retry follow. A route that still answers 404
 * after a fresh login does not exist in this version: the generation is detected again, and
 * if the panel was upgraded the operation is redone with the new routes. A refused login is
 * not repeated for {@link ThreeXuiSettings#loginCooldown()}: v3 panels lock a user out after
 * five failures.
 */
public final class PanelSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PanelSession.class);
    private static final String PROBE_EMAIL = "vpnbot-probe";

    /** The panel turned out to speak another generation than the request was built for. */
    static final class GenerationChanged extends RuntimeException {
        GenerationChanged(ApiGeneration from, ApiGeneration to) {
            super("panel API changed from " + from + " to " + to, null, false, false);
        }
    }

    /** One raw HTTP answer. */
    record Reply(int code, String location, byte[] body, String route) {
        boolean redirect() {
            return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
        }

        boolean empty() {
            return body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank();
        }
    }

    private record LoginRefusal(Instant at, PanelException failure) {}

    private record CachedSettings(Instant at, PanelSubscription subscription, String remarkModel) {}

    private final String name;
    private final PanelConnection connection;
    private final ThreeXuiSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final PanelTrust trust;
    private final SessionCookies cookies = new SessionCookies();
    private final PanelApi api;
    private final WriteQueue writes;
    private final ReentrantLock authLock = new ReentrantLock();

    private volatile ApiGeneration generation;
    private volatile ApiGeneration provisional;
    private volatile String csrfToken;
    private volatile long authEpoch;
    private volatile LoginRefusal refusal;
    private volatile CachedSettings cachedSettings;
    private volatile Boolean settingsUnderApi;
    private volatile boolean settingsUnavailable;

    public PanelSession(String name, PanelConnection connection, ThreeXuiSettings settings, OkHttpClient base,
                 ObjectMapper json, Clock clock, PanelWriteLock writeLock) {
        this.name = name;
        this.connection = connection;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        OkHttpClient.Builder http = base.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.callTimeout())
                .writeTimeout(settings.callTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(false) // a followed 307 ends on the HTML login page
                .followSslRedirects(false)
                .cookieJar(cookies)
                .addInterceptor(chain -> chain.proceed(decorate(chain.request())));
        if (connection.isHttps()) {
            trust = new PanelTrust(connection.tlsPin(), settings.trustedCertificates());
            http.sslSocketFactory(trust.socketFactory(), trust.trustManager()).hostnameVerifier(trust.hostnameVerifier());
        } else {
            trust = null;
        }
        this.api = new Retrofit.Builder()
                .baseUrl(connection.baseUrl())
                .client(http.build())
                .addConverterFactory(JacksonConverterFactory.create(json))
                .build()
                .create(PanelApi.class);
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

    PanelApi api() {
        return api;
    }

    /** The host users connect to when an inbound listens on every address. */
    public String host() {
        String host = URI.create(connection.baseUrl()).getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The detected generation, detecting it (and logging in) first if need be. */
    public ApiGeneration generation() {
        ApiGeneration g = generation;
        if (g != null) return g;
        authLock.lock();
        try {
            if (generation == null) detect();
            return generation;
        } finally {
            authLock.unlock();
        }
    }

    /** What is known so far, even after a failed detection (null when nothing is). */
    public ApiGeneration knownGeneration() {
        ApiGeneration g = generation;
        return g != null ? g : provisional;
    }

    public Optional<PanelCertificate> certificate() {
        if (trust == null) return Optional.empty();
        return trust.lastCertificate().map(c -> Fingerprints.describe(c, trust.lastTrusted()));
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

    // --- calls ----------------------------------------------------------------------------

    /**
     * An authenticated call. Retries a busy database with backoff; re-logs in once on the signs
     * of an expired session; a route missing after a fresh login means another generation or
     * an unsupported version.
     */
    public Envelope call(Function<PanelApi, Call<ResponseBody>> request) {
        return busyRetried(request, false).orElseThrow();
    }

    /** As {@link #call}, but a route that does not exist on this panel gives empty. */
    public Optional<Envelope> callIfExists(Function<PanelApi, Call<ResponseBody>> request) {
        return busyRetried(request, true);
    }

    private Optional<Envelope> busyRetried(Function<PanelApi, Call<ResponseBody>> request, boolean optional) {
        long pause = settings.busyBackoff().toMillis();
        for (int attempt = 0; ; attempt++) {
            Optional<Envelope> reply = callOnce(request, optional);
            if (reply.isEmpty() || reply.get().success() || !reply.get().says(PanelMessages.DATABASE_LOCKED)) return reply;
            if (attempt >= settings.busyRetries()) {
                throw new PanelException(Kind.BUSY, "panel " + name + ": its database stayed locked after "
                        + (attempt + 1) + " tries (" + reply.get().shortMsg() + ")");
            }
            log.debug("panel {}: database is locked, retrying in {} ms", name, pause);
            sleep(pause);
            pause *= 2;
        }
    }

    private Optional<Envelope> callOnce(Function<PanelApi, Call<ResponseBody>> request, boolean optional) {
        ApiGeneration used = generation();
        long epoch = authEpoch;
        Reply reply = send(request);
        if (unauthenticated(reply)) {
            reauthenticate(epoch);
            reply = send(request);
            if (reply.code() == 404) {
                if (optional) return Optional.empty();
                redetect(used);
                throw new PanelException(Kind.UNSUPPORTED_VERSION, "panel " + name + " has no route " + reply.route()
                        + " although it speaks the " + used.versions() + " API: this panel version is not supported");
            }
            if (unauthenticated(reply)) {
                if (optional) return Optional.empty();
                throw connection.credentials() instanceof PanelCredentials.ApiToken
                        ? new PanelException(Kind.BAD_CREDENTIALS, "panel " + name + " does not accept the API token for " + reply.route())
                        : new PanelException(Kind.REJECTED, "panel " + name + " refuses a fresh session for " + reply.route()
                        + " (HTTP " + reply.code() + ")");
            }
        }
        return Optional.of(envelope(reply));
    }

    private boolean unauthenticated(Reply r) {
        if (r.code() == 401 || r.code() == 404 || (r.code() == 403 && r.empty())) return true;
        if (r.redirect()) {
            requireNoHttpsRedirect(r);
            return true;
        }
        if (r.code() == 200 && r.body().length < 512) { // v2.2.1 and older: a short 200 saying "session has expired"
            Optional<JsonNode> body = parse(r);
            return body.isPresent() && !body.get().path("success").asBoolean(true)
                    && body.get().path("msg").asText("").toLowerCase(java.util.Locale.ROOT).contains("session has expired");
        }
        return false;
    }

    private Envelope envelope(Reply r) {
        if (r.code() >= 500) {
            throw new PanelException(Kind.UNREACHABLE, "panel " + name + " failed with HTTP " + r.code() + " on " + r.route());
        }
        if (r.code() == 403) {
            String msg = parse(r).map(j -> j.path("msg").asText("")).orElse("");
            if (msg.toLowerCase(java.util.Locale.ROOT).contains(PanelMessages.TOKEN_NOT_PERMITTED)) {
                throw new PanelException(Kind.BAD_CREDENTIALS, "panel " + name + ": the API token lacks the admin scope ("
                        + msg.strip() + ")");
            }
            throw new PanelException(Kind.REJECTED, "panel " + name + " answered 403 to " + r.route() + (msg.isBlank() ? "" : ": " + msg.strip()));
        }
        if (r.code() != 200) {
            throw new PanelException(Kind.REJECTED, "panel " + name + " answered HTTP " + r.code() + " to " + r.route());
        }
        JsonNode body = parse(r).filter(JsonNode::isObject).orElseThrow(() -> new PanelException(Kind.REJECTED,
                "panel " + name + " answered " + r.route() + " with something that is not 3x-ui JSON"));
        return Envelope.of(body);
    }

    private Optional<JsonNode> parse(Reply r) {
        if (r.empty()) return Optional.empty();
        try {
            return Optional.ofNullable(json.readTree(r.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One HTTP exchange, with transport failures turned into operator-readable causes. */
    Reply send(Function<PanelApi, Call<ResponseBody>> request) {
        Call<ResponseBody> call = request.apply(api);
        String route = call.request().method() + " " + relative(call.request().url());
        try {
            Response<ResponseBody> response = call.execute();
            ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody();
            byte[] bytes;
            try (body) {
                bytes = body == null ? new byte[0] : body.bytes();
            }
            return new Reply(response.code(), response.headers().get("Location"), bytes, route);
        } catch (IOException e) {
            throw transportFailure(e, route);
        }
    }

    private String relative(HttpUrl url) {
        String full = url.toString();
        return full.startsWith(connection.baseUrl()) ? full.substring(connection.baseUrl().length()) : url.encodedPath();
    }

    private PanelException transportFailure(IOException e, String route) {
        String where = "panel " + name + " (" + connection.baseUrl() + ")";
        Throwable pin = causeOf(e, PanelTrust.PinMismatch.class);
        if (pin != null) {
            return new PanelException(Kind.TLS_PIN_MISMATCH, where + ": TLS pin mismatch: " + pin.getMessage()
                    + ". If the panel's certificate was replaced on purpose, pin the new value.", e);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new PanelException(Kind.TLS_UNTRUSTED, where + ": the certificate does not name this host ("
                    + e.getMessage() + ")" + seenCertificate() + ". Pin it to accept it for a bare IP.", e);
        }
        if (e instanceof SSLHandshakeException && causeOf(e, CertificateException.class) != null) {
            return new PanelException(Kind.TLS_UNTRUSTED, where + ": the TLS certificate is not trusted"
                    + seenCertificate() + ". Pin it, or add its CA to the trusted certificates.", e);
        }
        if (e instanceof SSLException) {
            return new PanelException(Kind.WRONG_BASE_PATH, where + ": TLS failed (" + e.getMessage()
                    + "); if the panel serves plain HTTP on this port, use an http:// URL", e);
        }
        if (e instanceof InterruptedIOException) {
            return new PanelException(Kind.UNREACHABLE, where + " did not answer " + route + " within "
                    + settings.callTimeout().toMillis() + " ms", e);
        }
        if (e instanceof UnknownHostException) {
            return new PanelException(Kind.UNREACHABLE, where + ": unknown host " + e.getMessage(), e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new PanelException(Kind.UNREACHABLE, where + ": cannot connect (" + e.getMessage() + ")", e);
        }
        return new PanelException(Kind.UNREACHABLE, where + ": " + route + " failed: " + e, e);
    }

    private String seenCertificate() {
        return certificate().map(c -> "; it presented \"" + c.subject() + "\" with SHA-256 " + c.certificateSha256()
                + " (public key SHA-256 " + c.publicKeySha256() + ")").orElse("");
    }

    private static Throwable causeOf(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) return c;
            for (Throwable s : c.getSuppressed()) if (type.isInstance(s)) return s;
        }
        return null;
    }

    private Request decorate(Request request) {
        Request.Builder b = request.newBuilder()
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Accept", "application/json");
        if (connection.credentials() instanceof PanelCredentials.ApiToken token) {
            b.header("Authorization", "Bearer " + token.token());
        }
        String csrf = csrfToken;
        if (csrf != null && !request.method().equals("GET") && !request.method().equals("HEAD")) {
            b.header("X-CSRF-Token", csrf);
        }
        return b.build();
    }

    // --- authentication and detection ------------------------------------------------------------

    private void reauthenticate(long staleEpoch) {
        authLock.lock();
        try {
            if (authEpoch != staleEpoch) return; // another thread has just logged in
            if (generation == ApiGeneration.LEGACY && connection.credentials() instanceof PanelCredentials.Password p) {
                Reply login = login(p);
                if (login.code() == 200) {
                    acceptLogin(login, false);
                    authEpoch++;
                    log.debug("panel {}: logged in again", name);
                    return;
                }
                // 403 (CSRF now required) or anything odd: the panel may have been upgraded
            }
            detect();
        } finally {
            authLock.unlock();
        }
    }

    private void redetect(ApiGeneration used) {
        authLock.lock();
        try {
            if (generation == used) detect();
        } finally {
            authLock.unlock();
        }
        ApiGeneration now = generation;
        if (now != null && now != used) throw new GenerationChanged(used, now);
    }

    /** §6.4 of the research notes: csrf-token tells v3 from v2, a login, an API check, then the clients API. */
    private void detect() {
        generation = null;
        csrfToken = null;
        cookies.clear();
        cachedSettings = null;
        settingsUnderApi = null;
        settingsUnavailable = false;

        Reply csrf = send(PanelApi::csrfToken);
        boolean v3;
        if (csrf.code() == 404) {
            v3 = false;
        } else if (csrf.code() == 200) {
            JsonNode body = parse(csrf).orElse(null);
            if (body == null || !body.path("success").asBoolean(false) || !body.path("obj").isTextual()) {
                throw notAPanel("csrf-token");
            }
            v3 = true;
            csrfToken = body.path("obj").asText();
        } else {
            throw oddStatus(csrf);
        }
        provisional = v3 ? ApiGeneration.V3_0 : ApiGeneration.LEGACY;

        if (connection.credentials() instanceof PanelCredentials.Password p) {
            Reply login = login(p);
            if (login.code() == 404) throw wrongBasePath();
            if (login.code() == 403) {
                throw new PanelException(Kind.REJECTED, v3
                        ? "panel " + name + " refused the login's CSRF token (HTTP 403)"
                        : "panel " + name + " answers 403: its webDomain setting only allows its domain name, not this host");
            }
            if (login.code() != 200) throw oddStatus(login);
            acceptLogin(login, v3);
        } else if (!v3) {
            // a v2 panel without tokens, or nothing at this base path at all?
            Reply index = send(a -> a.page(connection.baseUrl()));
            if (index.code() == 404) throw wrongBasePath();
            throw new PanelException(Kind.UNSUPPORTED_VERSION, "panel " + name
                    + " is older than 3x-ui v3.0 and has no API tokens: connect with username and password");
        }

        Reply check = send(a -> a.inbound(0)); // "record not found" is a fine answer: it proves the session
        if (unauthenticated(check)) {
            if (connection.credentials() instanceof PanelCredentials.ApiToken) {
                throw new PanelException(Kind.BAD_CREDENTIALS, "panel " + name + " does not accept the API token");
            }
            throw new PanelException(Kind.UNSUPPORTED_VERSION, "panel " + name + " accepted the login but its API answers HTTP "
                    + check.code() + ": the panel is older than 3x-ui v1.7, or a proxy in front of it drops cookies");
        }
        Envelope checked = envelope(check);
        if (!checked.success() && checked.says(PanelMessages.TOKEN_NOT_PERMITTED)) {
            throw new PanelException(Kind.BAD_CREDENTIALS, "panel " + name + ": the API token lacks the admin scope");
        }

        ApiGeneration detected = ApiGeneration.LEGACY;
        if (v3) {
            Reply clients = send(a -> a.clientV3(PROBE_EMAIL));
            detected = clients.code() == 200 ? ApiGeneration.CLIENTS_API : ApiGeneration.V3_0;
        }
        provisional = detected;
        generation = detected;
        authEpoch++;
        log.info("panel {}: speaks the {} API ({})", name, detected.versions(),
                connection.credentials() instanceof PanelCredentials.ApiToken ? "API token" : "password login");
    }

    /** Never more than one refused login per cooldown: v3 locks the user out after five. */
    private Reply login(PanelCredentials.Password p) {
        LoginRefusal last = refusal;
        if (last != null && last.at().plus(settings.loginCooldown()).isAfter(clock.instant())) {
            throw new PanelException(Kind.BAD_CREDENTIALS, last.failure().getMessage()
                    + " (not retried before " + last.at().plus(settings.loginCooldown()) + ")");
        }
        return send(a -> a.login(p.username(), p.password(), p.twoFactorCode()));
    }

    private void acceptLogin(Reply login, boolean v3) {
        Envelope e;
        try {
            e = envelope(login);
        } catch (PanelException notJson) {
            throw notAPanel("login");
        }
        if (!e.success()) {
            PanelException refused = new PanelException(Kind.BAD_CREDENTIALS, "panel " + name
                    + " refused the username, password or two-factor code"
                    + (v3 ? " (3x-ui v3 blocks a user for 15 minutes after 5 failed logins)" : ""));
            refusal = new LoginRefusal(clock.instant(), refused);
            throw refused;
        }
        refusal = null;
    }

    private PanelException wrongBasePath() {
        return new PanelException(Kind.WRONG_BASE_PATH, "panel " + name + " answers 404 at " + connection.baseUrl()
                + ": the URL must include the panel's secret web base path (Panel settings → URI path), e.g. "
                + "https://203.0.113.7:2053/AbCdEf123/");
    }

    private PanelException notAPanel(String route) {
        return new PanelException(Kind.WRONG_BASE_PATH, "what answers at " + connection.baseUrl() + route
                + " is not a 3x-ui panel: check the URL and its web base path");
    }

    private PanelException oddStatus(Reply r) {
        if (r.redirect()) requireNoHttpsRedirect(r);
        if (r.code() >= 500) return new PanelException(Kind.UNREACHABLE, "panel " + name + " failed with HTTP " + r.code() + " on " + r.route());
        if (r.code() == 403) {
            return new PanelException(Kind.REJECTED, "panel " + name
                    + " answers 403: its webDomain setting only allows its domain name, not this host");
        }
        if (r.redirect()) {
            return new PanelException(Kind.WRONG_BASE_PATH, "panel " + name + " redirects " + r.route() + " to "
                    + r.location() + ": check the URL and its web base path");
        }
        return new PanelException(Kind.REJECTED, "panel " + name + " answered HTTP " + r.code() + " to " + r.route());
    }

    private void requireNoHttpsRedirect(Reply r) {
        String location = r.location();
        if (location != null && location.regionMatches(true, 0, "https://", 0, 8) && !connection.isHttps()) {
            throw new PanelException(Kind.WRONG_BASE_PATH, "panel " + name + " serves HTTPS on this port (it redirects to "
                    + location + "): use an https:// URL");
        }
    }

    // --- shared reads ----------------------------------------------------------------------

    /** One inbound; {@link Kind#INBOUND_NOT_FOUND} when the panel has no such inbound. */
    public StoredInbound inbound(int inboundId) {
        Envelope e = call(a -> a.inbound(inboundId));
        if (!e.success() || !e.obj().isObject()) {
            if (e.says(PanelMessages.RECORD_NOT_FOUND) || !e.hasObj()) {
                throw new PanelException(Kind.INBOUND_NOT_FOUND, "panel " + name + " has no inbound " + inboundId);
            }
            throw new PanelException(Kind.REJECTED, "panel " + name + " would not show inbound " + inboundId + ": " + e.shortMsg());
        }
        return StoredInbound.parse(e.obj(), json);
    }

    public List<StoredInbound> inbounds() {
        Envelope e = call(PanelApi::inbounds);
        if (!e.success()) throw new PanelException(Kind.REJECTED, "panel " + name + " would not list inbounds: " + e.shortMsg());
        if (!e.obj().isArray()) return List.of(); // an empty panel may say null
        List<StoredInbound> all = new java.util.ArrayList<>();
        e.obj().forEach(n -> all.add(StoredInbound.parse(n, json)));
        return all;
    }

    /** The subscription settings and remark model, cached; null subscription when the panel would not tell. */
    public PanelSubscription subscription() {
        return settings().subscription();
    }

    public String remarkModel() {
        return settings().remarkModel();
    }

    private CachedSettings settings() {
        CachedSettings cached = cachedSettings;
        Instant now = clock.instant();
        if (cached != null && cached.at().plus(settings.settingsCacheTtl()).isAfter(now)) return cached;
        CachedSettings fresh = loadSettings(now);
        cachedSettings = fresh;
        return fresh;
    }

    private CachedSettings loadSettings(Instant now) {
        if (settingsUnavailable) return new CachedSettings(now, null, ShareLinks.DEFAULT_REMARK_MODEL);
        boolean apiFirst = settingsUnderApi != null ? settingsUnderApi
                : generation() == ApiGeneration.CLIENTS_API || connection.credentials() instanceof PanelCredentials.ApiToken;
        try {
            Optional<Envelope> found = callIfExists(apiFirst ? PanelApi::settingsV3 : PanelApi::settings);
            boolean underApi = apiFirst;
            if (found.isEmpty() || !found.get().success()) {
                found = callIfExists(apiFirst ? PanelApi::settings : PanelApi::settingsV3);
                underApi = !apiFirst;
            }
            if (found.isEmpty() || !found.get().success() || !found.get().obj().isObject()) {
                settingsUnavailable = true;
                log.warn("panel {} does not show its settings to us: keys get no subscription URL", name);
                return new CachedSettings(now, null, ShareLinks.DEFAULT_REMARK_MODEL);
            }
            settingsUnderApi = underApi;
            JsonNode s = found.get().obj(); // also holds secrets such as the panel's bot token: never logged
            PanelSubscription sub = new PanelSubscription(s.path("subEnable").asBoolean(false), s.path("subURI").asText(""),
                    s.path("subDomain").asText(""), s.path("subPort").asInt(0), s.path("subPath").asText("/sub/"),
                    !s.path("subCertFile").asText("").isBlank() && !s.path("subKeyFile").asText("").isBlank());
            String model = s.path("remarkModel").asText("");
            return new CachedSettings(now, sub, model.length() >= 2 ? model : ShareLinks.DEFAULT_REMARK_MODEL);
        } catch (PanelException e) {
            if (e.kind().isTransient()) throw e;
            log.warn("panel {}: cannot read its settings ({}): keys get no subscription URL", name, e.getMessage());
            return new CachedSettings(now, null, ShareLinks.DEFAULT_REMARK_MODEL);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PanelException(Kind.UNREACHABLE, "interrupted while waiting to retry the panel");
        }
    }

    @Override
    public void close() {
        writes.close();
    }

    /** One panel's cookies: the session cookie ("3x-ui" or, before v2.3.8, "session"), kept in memory only. */
    private static final class SessionCookies implements CookieJar {
        private final java.util.Map<String, Cookie> byName = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
            for (Cookie c : cookies) {
                if (c.expiresAt() <= System.currentTimeMillis()) byName.remove(c.name());
                else byName.put(c.name(), c);
            }
        }

        @Override
        public List<Cookie> loadForRequest(HttpUrl url) {
            long now = System.currentTimeMillis();
            byName.values().removeIf(c -> c.expiresAt() <= now);
            return byName.values().stream().filter(c -> c.matches(url)).toList();
        }

        void clear() {
            byName.clear();
        }
    }
}
