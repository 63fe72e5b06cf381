package dev.vpnbot.adapter.panel3xui.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Test double: an in-process 3x-ui panel on 127.0.0.1 (JDK HttpServer), behaving as the real
 * panel's HTTP API does where clients trip up (research notes §6): everything under a secret
 * base path, 404 (not 401, not a redirect) for an unauthenticated API call, business errors as
 * HTTP 200 with {@code success:false} and Go-style messages ending in a newline, a client
 * update that REPLACES the stored client instead of merging, HTTP 500 on malformed settings.
 *
 * <p>Profiles: {@link Profile#V2_8} (default), {@link Profile#V2_7} (307/401 instead of 404,
 * old server routes), {@link Profile#V3_0} (CSRF token, API token, login limiter) and
 * {@link Profile#V3_1} (clients API keyed by email, inbound settings as objects, legacy
 * client routes gone). Faults can be injected (HTTP 500, a hanging call, "database is
 * locked"), sessions expired, time advanced, traffic set, and the stored state inspected.
 *
 * <pre>{@code
 * try (var panel = new FakeThreeXuiPanel()) {
 *     panel.start();
 *     PanelConnection connection = panel.connection();       // base URL with the base path + password
 *     int inbound = FakeThreeXuiPanel.REALITY_INBOUND_ID;      // VLESS Reality TCP, pre-created
 *     ...
 *     panel.storedClient("email").orElseThrow().get("flow");
 * }
 * }</pre>
 */
public final class FakeThreeXuiPanel implements AutoCloseable {

    /** Which panel version to behave like. */
    public enum Profile {
        /** v2.x before 2.8.4: unauthenticated API calls get 307 (or 401 JSON for XHR); obj:null for unknown traffic. */
        V2_7,
        /** v2.8.4 – v2.9: 404 for unauthenticated API calls. The default. */
        V2_8,
        /** v3.0: CSRF token for every POST, API tokens, login limiter. */
        V3_0,
        /** v3.1+: clients API, inbound settings as objects, legacy client routes 404, 401 for unauthenticated XHR. */
        V3_1;

        public boolean isV3() {
            return this == V3_0 || this == V3_1;
        }

        public boolean hasClientsApi() {
            return this == V3_1;
        }
    }

    /** Faults to inject into the next matching API calls. */
    public enum Fault {
        /** HTTP 500 with an empty body (a handler panic). */
        HTTP_500,
        /** The call never answers (until {@link #releaseHangs()} or close). */
        HANG,
        /** HTTP 200, success:false, "database is locked" (SQLite busy); only hits POSTs. */
        DATABASE_LOCKED
    }

    public static final int REALITY_INBOUND_ID = 1;
    public static final int WS_TLS_INBOUND_ID = 2;
    public static final String REALITY_SNI = "www.example.com";
    public static final String REALITY_SHORT_ID = "a1b2c3d4";
    /** The email of the operator's own client pre-created in each inbound. */
    public static final String OPERATOR_EMAIL = "operator";
    public static final String OPERATOR_WS_EMAIL = "operator-ws";
    public static final String SUB_PATH = "/sub/";
    public static final int SUB_PORT = 2096;

    static {
        // without it every small answer waits for the client's delayed ACK (~40 ms a call)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String COOKIE = "3x-ui";
    private static final String SOMETHING_WRONG = "Something went wrong";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final String basePath;
    private final String username;
    private final String password;
    private final String apiToken;
    private final SSLContext tls;
    private final Clock clock;
    private final Duration sessionTtl;

    private volatile Profile profile;
    private volatile String twoFactorCode;
    private volatile Duration skew = Duration.ZERO;
    private volatile boolean raceMode;
    private volatile Duration writeLatency = Duration.ZERO;
    private volatile boolean redirectToHttps;
    private volatile String webDomain;
    private volatile boolean onlinesNull = true;

    // subscription settings as the panel's settings page holds them
    private volatile boolean subEnable = true;
    private volatile int subPort = SUB_PORT;
    private volatile String subPath = SUB_PATH;
    private volatile String subDomain = "";
    private volatile String subUri = "";
    private volatile boolean subTls;
    private volatile String remarkModel = "-ieo";
    private volatile boolean settingsHidden;

    private final Object lock = new Object();
    private final Map<Integer, Inbound> inbounds = new TreeMap<>();
    private final Map<String, Traffic> traffics = new HashMap<>(); // lower-case email
    private final Map<String, Session> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> loginFailures = new HashMap<>();
    private final Map<String, Instant> blockedUntil = new HashMap<>();
    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
    private final AtomicInteger loginAttempts = new AtomicInteger();
    private final AtomicInteger successfulLogins = new AtomicInteger();
    private final AtomicInteger keyGeneratorCalls = new AtomicInteger();
    private final AtomicInteger writesInFlight = new AtomicInteger();
    private final AtomicInteger maxWritesInFlight = new AtomicInteger();
    private volatile CountDownLatch hangs = new CountDownLatch(1);
    private volatile CountDownLatch writeGate = new CountDownLatch(0);
    private int nextInboundId = 1;
    private int nextTrafficId = 1;

    private HttpServer server;
    private ExecutorService executor;

    /** A v2.8 panel at base path {@code /vpn-panel/} with user admin/admin-secret. */
    public FakeThreeXuiPanel() {
        this(builder());
    }

    public FakeThreeXuiPanel(Profile profile) {
        this(builder().profile(profile));
    }

    private FakeThreeXuiPanel(Builder b) {
        this.profile = b.profile;
        this.basePath = b.basePath;
        this.username = b.username;
        this.password = b.password;
        this.twoFactorCode = b.twoFactorCode;
        this.apiToken = b.apiToken;
        this.tls = b.tls;
        this.clock = b.clock;
        this.sessionTtl = b.sessionTtl;
        if (b.withDefaultInbounds) createDefaultInbounds();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configuration of a fake panel. */
    public static final class Builder {
        private Profile profile = Profile.V2_8;
        private String basePath = "/vpn-panel/";
        private String username = "admin";
        private String password = "admin-secret";
        private String twoFactorCode;
        private String apiToken = "fake-api-token-0123456789";
        private SSLContext tls;
        private Clock clock = Clock.systemUTC();
        private Duration sessionTtl = Duration.ofHours(6);
        private boolean withDefaultInbounds = true;

        public Builder profile(Profile p) {
            this.profile = p;
            return this;
        }

        public Builder basePath(String path) {
            String p = path.startsWith("/") ? path : "/" + path;
            this.basePath = p.endsWith("/") ? p : p + "/";
            return this;
        }

        public Builder credentials(String user, String pass) {
            this.username = user;
            this.password = pass;
            return this;
        }

        public Builder twoFactorCode(String code) {
            this.twoFactorCode = code;
            return this;
        }

        public Builder apiToken(String token) {
            this.apiToken = token;
            return this;
        }

        /** Serve HTTPS with this context (see {@link TestCertificates}). */
        public Builder https(SSLContext context) {
            this.tls = context;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder sessionTtl(Duration ttl) {
            this.sessionTtl = ttl;
            return this;
        }

        /** An empty panel, as after installation: no inbounds. */
        public Builder withoutInbounds() {
            this.withDefaultInbounds = false;
            return this;
        }

        public FakeThreeXuiPanel build() {
            return new FakeThreeXuiPanel(this);
        }

        /** Builds and starts. */
        public FakeThreeXuiPanel start() {
            FakeThreeXuiPanel panel = build();
            panel.start();
            return panel;
        }
    }

    // === lifecycle and addresses ==============================================================

    public synchronized FakeThreeXuiPanel start() {
        if (server != null) return this;
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
            if (tls != null) {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            } else {
                server = HttpServer.create(address, 0);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake panel", e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-3x-ui");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    @Override
    public synchronized void close() {
        releaseHangs();
        releaseWrites();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public int port() {
        if (server == null) throw new IllegalStateException("start the fake panel first");
        return server.getAddress().getPort();
    }

    /** scheme://127.0.0.1:port/ without the base path. */
    public String origin() {
        return (tls != null ? "https" : "http") + "://127.0.0.1:" + port() + "/";
    }

    /** The URL an operator must configure: origin plus the secret base path. */
    public String baseUrl() {
        return origin() + basePath.substring(1);
    }

    public String basePath() {
        return basePath;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String apiToken() {
        return apiToken;
    }

    public Profile profile() {
        return profile;
    }

    /** Password login (with the two-factor code if one is set). */
    public PanelConnection connection() {
        return new PanelConnection(baseUrl(), new PanelCredentials.Password(username, password, twoFactorCode), null);
    }

    /** API token login (v3 profiles accept it). */
    public PanelConnection tokenConnection() {
        return new PanelConnection(baseUrl(), new PanelCredentials.ApiToken(apiToken), null);
    }

    // === knobs ==============================================================================

    /** Simulates an upgrade (or downgrade) of the running panel; data and sessions survive. */
    public void switchProfile(Profile newProfile) {
        this.profile = newProfile;
    }

    public void twoFactorCode(String code) {
        this.twoFactorCode = code;
    }

    /** Every later check of time sees this much more. */
    public void advanceClock(Duration by) {
        skew = skew.plus(by);
    }

    public Instant now() {
        return clock.instant().plus(skew);
    }

    /** Concurrent client changes read and write the inbound unlocked, as v2.x does: changes get lost. */
    public void raceMode(boolean on) {
        this.raceMode = on;
    }

    /** Every write takes at least this long (lets several of the adapter's writes queue up). */
    public void writeLatency(Duration latency) {
        this.writeLatency = latency;
    }

    /** Writes arriving from now on wait (reads go on) until {@link #releaseWrites()}. */
    public void holdWrites() {
        writeGate = new CountDownLatch(1);
    }

    public void releaseWrites() {
        writeGate.countDown();
    }

    /** Answers everything with a 307 to https://, as a panel with its own certificate does on plain HTTP. */
    public void redirectToHttps(boolean on) {
        this.redirectToHttps = on;
    }

    /** Only requests whose Host header names this domain are served; others get 403. */
    public void webDomain(String domain) {
        this.webDomain = domain;
    }

    public void subscription(boolean enable, int port, String path, String domain, String uri, boolean withTls) {
        this.subEnable = enable;
        this.subPort = port;
        this.subPath = path;
        this.subDomain = domain == null ? "" : domain;
        this.subUri = uri == null ? "" : uri;
        this.subTls = withTls;
    }

    public void remarkModel(String model) {
        this.remarkModel = model;
    }

    /** The settings routes answer 404, as for an API token that may not read them. */
    public void hideSettings(boolean hidden) {
        this.settingsHidden = hidden;
    }

    /** The next {@code times} API calls fail this way. */
    public void inject(Fault fault, int times) {
        inject(fault, times, "");
    }

    /** The next {@code times} API calls whose route contains {@code routeContains} fail this way. */
    public void inject(Fault fault, int times, String routeContains) {
        faults.add(new FaultRule(fault, new AtomicInteger(times), routeContains));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Lets every hanging call go (they then fail with HTTP 500). */
    public void releaseHangs() {
        CountDownLatch old = hangs;
        hangs = new CountDownLatch(1);
        old.countDown();
    }

    /** Every session cookie stops working, as after a secret change or an expired session. */
    public void expireAllSessions() {
        sessions.clear();
    }

    // === inspection =========================================================================

    public int loginAttempts() {
        return loginAttempts.get();
    }

    public int successfulLogins() {
        return successfulLogins.get();
    }

    public int keyGeneratorCalls() {
        return keyGeneratorCalls.get();
    }

    /** The most client/inbound changes the panel was handling at the same time. */
    public int maxConcurrentWrites() {
        return maxWritesInFlight.get();
    }

    /** "METHOD route" of every request, route relative to the base path (or the full path outside it). */
    public List<String> requestLog() {
        return List.copyOf(requestLog);
    }

    /** How many requests had a route containing this text (e.g. "addClient", "login"). */
    public int requests(String routeContains) {
        return (int) requestLog.stream().filter(r -> r.contains(routeContains)).count();
    }

    public void clearRequestLog() {
        requestLog.clear();
    }

    /** The stored client map with this email (case-insensitive), exactly as the panel keeps it. */
    public Optional<Map<String, Object>> storedClient(String email) {
        synchronized (lock) {
            for (Inbound in : inbounds.values()) {
                for (JsonNode c : in.clients()) {
                    if (c.path("email").asText("").equalsIgnoreCase(email)) return Optional.of(toMap(c));
                }
            }
            return Optional.empty();
        }
    }

    public List<Map<String, Object>> storedClients(int inboundId) {
        synchronized (lock) {
            Inbound in = inbounds.get(inboundId);
            if (in == null) return List.of();
            List<Map<String, Object>> out = new ArrayList<>();
            in.clients().forEach(c -> out.add(toMap(c)));
            return out;
        }
    }

    public int clientCount(int inboundId) {
        return storedClients(inboundId).size();
    }

    /** The traffic row (client_traffics) of an email. */
    public Optional<Map<String, Object>> traffic(String email) {
        synchronized (lock) {
            Traffic t = traffics.get(email.toLowerCase(Locale.ROOT));
            return t == null ? Optional.empty() : Optional.of(toMap(t.toJson(null)));
        }
    }

    public List<Integer> inboundIds() {
        synchronized (lock) {
            return List.copyOf(inbounds.keySet());
        }
    }

    /** The inbound as the list route shows it in this profile, as a map. */
    public Map<String, Object> inbound(int id) {
        synchronized (lock) {
            Inbound in = inbounds.get(id);
            if (in == null) throw new IllegalArgumentException("no inbound " + id);
            return toMap(in.toJson());
        }
    }

    /** The Reality public key of an inbound (what a vless link must carry as pbk). */
    public String realityPublicKey(int inboundId) {
        synchronized (lock) {
            return inbounds.get(inboundId).stream.path("realitySettings").path("settings").path("publicKey").asText();
        }
    }

    // === test hooks =========================================================================

    /** Stores a client map verbatim (e.g. with {@code "tgId": ""} as old panels did) and its traffic row. */
    public void putClient(int inboundId, Map<String, Object> client) {
        synchronized (lock) {
            Inbound in = requireInbound(inboundId);
            ObjectNode c = json.valueToTree(client);
            in.settings.withArray("clients").add(c);
            upsertTraffic(in.id, c);
        }
    }

    /** Changes one field of a stored client in place, as an admin in the panel's UI would. */
    public void editClient(String email, String field, Object value) {
        synchronized (lock) {
            for (Inbound in : inbounds.values()) {
                for (JsonNode c : in.clients()) {
                    if (c.path("email").asText("").equalsIgnoreCase(email)) {
                        ((ObjectNode) c).set(field, json.valueToTree(value));
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("no client " + email);
        }
    }

    /** Removes a client behind the adapter's back, as an admin or a cleanup job would. */
    public void removeClient(String email) {
        synchronized (lock) {
            for (Inbound in : inbounds.values()) {
                ArrayNode clients = in.settings.withArray("clients");
                for (int i = 0; i < clients.size(); i++) {
                    if (clients.get(i).path("email").asText("").equalsIgnoreCase(email)) clients.remove(i--);
                }
            }
            traffics.remove(email.toLowerCase(Locale.ROOT));
        }
    }

    public void setTraffic(String email, long up, long down) {
        synchronized (lock) {
            Traffic t = traffics.get(email.toLowerCase(Locale.ROOT));
            if (t == null) throw new IllegalArgumentException("no traffic row for " + email);
            t.up = up;
            t.down = down;
            t.lastOnline = now().toEpochMilli();
        }
    }

    /**
     * What the panel's traffic job does every few seconds: starts delayed expiries on first
     * traffic, renews clients with a reset period, and disables (in the traffic row only)
     * clients that ran out of quota or time.
     */
    public void trafficTick() {
        synchronized (lock) {
            long now = now().toEpochMilli();
            for (Inbound in : inbounds.values()) {
                for (JsonNode node : in.clients()) {
                    ObjectNode c = (ObjectNode) node;
                    Traffic t = traffics.get(c.path("email").asText("").toLowerCase(Locale.ROOT));
                    if (t == null) continue;
                    if (t.expiryTime < 0 && t.up + t.down > 0) {
                        t.expiryTime = now - t.expiryTime;
                        c.put("expiryTime", t.expiryTime);
                    }
                    if (t.expiryTime > 0 && t.expiryTime <= now && t.reset > 0) {
                        while (t.expiryTime <= now) t.expiryTime += Duration.ofDays(t.reset).toMillis();
                        c.put("expiryTime", t.expiryTime);
                        t.up = 0;
                        t.down = 0;
                        t.enable = true;
                    }
                    if ((t.expiryTime > 0 && t.expiryTime <= now) || (t.total > 0 && t.up + t.down >= t.total)) {
                        t.enable = false;
                    }
                }
            }
        }
    }

    /** Adds an inbound (VLESS over the given transport and security) with no clients; returns its id. */
    public int addVlessInbound(int port, String remark, String network, String security) {
        synchronized (lock) {
            ObjectNode stream = streamSettings(network, security, null);
            ObjectNode settings = NODES.objectNode();
            settings.putArray("clients");
            settings.put("decryption", "none");
            settings.put("encryption", "none");
            settings.putArray("fallbacks");
            return createInbound(remark, port, "vless", "", settings, stream, defaultSniffing()).id;
        }
    }

    /** Adds a trojan inbound (for "inbound is not VLESS" checks). */
    public int addTrojanInbound(int port, String remark) {
        synchronized (lock) {
            ObjectNode settings = NODES.objectNode();
            ArrayNode clients = settings.putArray("clients");
            ObjectNode c = clients.addObject();
            c.put("password", "trojan-secret");
            c.put("email", "trojan-user-" + port);
            c.put("enable", true);
            return createInbound(remark, port, "trojan", "", settings, streamSettings("tcp", "tls", null), defaultSniffing()).id;
        }
    }

    // === HTTP ===============================================================================

    private void handle(HttpExchange x) {
        try {
            Req r = new Req(x);
            requestLog.add(r.method + " " + r.route);
            if (redirectToHttps) {
                x.getResponseHeaders().add("Location", "https://" + x.getRequestHeaders().getFirst("Host") + x.getRequestURI());
                empty(x, 307);
                return;
            }
            if (webDomain != null) {
                String host = Optional.ofNullable(x.getRequestHeaders().getFirst("Host")).orElse("").replaceAll(":\\d+$", "");
                if (!host.equalsIgnoreCase(webDomain)) {
                    empty(x, 403);
                    return;
                }
            }
            if (!r.underBase) {
                empty(x, 404);
                return;
            }
            route(r);
        } catch (Hang h) {
            // the client gave up long ago; nothing to answer
        } catch (RuntimeException | IOException e) {
            try {
                empty(x, 500); // gin's Recovery: a panic becomes an empty 500
            } catch (IOException | RuntimeException ignored) {
                // connection gone
            }
        } finally {
            x.close();
        }
    }

    private void route(Req r) throws IOException {
        String route = r.route;
        Profile p = profile;
        if (route.isEmpty() && r.is("GET")) {
            html(r.x, "<html><body>3x-ui login</body></html>");
            return;
        }
        if (route.equals("csrf-token") && r.is("GET") && p.isV3()) {
            csrfToken(r);
            return;
        }
        if (route.equals("login") && r.is("POST")) {
            login(r);
            return;
        }
        if (route.equals("logout")) {
            if (p.isV3() && !r.is("POST")) {
                empty(r.x, 404);
                return;
            }
            if (p.isV3() && !csrfOk(r)) {
                empty(r.x, 403);
                return;
            }
            Session s = r.session();
            if (s != null) sessions.remove(s.id);
            envelope(r.x, true, "", null);
            return;
        }
        if (route.startsWith("panel/api/")) {
            api(r, route.substring("panel/api/".length()));
            return;
        }
        if (route.equals("panel/setting/all") && r.is("POST") && !p.hasClientsApi() && !settingsHidden) {
            if (!uiAuthorised(r)) return;
            envelope(r.x, true, "", settingsJson());
            return;
        }
        if (p == Profile.V2_7 && r.is("POST") && (route.equals("server/status") || route.equals("server/getNewX25519Cert"))) {
            if (!uiAuthorised(r)) return;
            if (route.equals("server/status")) envelope(r.x, true, "", statusJson());
            else envelope(r.x, true, "", keyPairJson());
            return;
        }
        empty(r.x, 404);
    }

    /** Non-API pages keep the old rules: a redirect, or 401 JSON for XHR. */
    private boolean uiAuthorised(Req r) throws IOException {
        Session s = r.session();
        if (s != null && s.loggedIn) {
            if (profile.isV3() && r.is("POST") && !csrfOk(r)) {
                empty(r.x, 403);
                return false;
            }
            return true;
        }
        if (r.xhr()) {
            r.x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            send(r.x, 401, json.writeValueAsBytes(envelopeNode(false, "Your session has expired, please log in again", null)));
        } else {
            r.x.getResponseHeaders().add("Location", basePath);
            empty(r.x, 307);
        }
        return false;
    }

    private void csrfToken(Req r) throws IOException {
        Session s = r.session();
        if (s == null) {
            s = newSession();
            setCookie(r.x, s);
        }
        if (s.csrf == null) s.csrf = randomHex(16);
        ObjectNode body = NODES.objectNode();
        body.put("success", true);
        body.put("obj", s.csrf); // v3 leaves msg out here
        r.x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        send(r.x, 200, json.writeValueAsBytes(body));
    }

    private void login(Req r) throws IOException {
        Profile p = profile;
        if (p.isV3() && !csrfOk(r)) {
            empty(r.x, 403); // before credentials are even looked at
            return;
        }
        loginAttempts.incrementAndGet();
        String user = r.field("username");
        String pass = r.field("password");
        if (user.isEmpty()) {
            envelope(r.x, false, "Username is required", null);
            return;
        }
        if (pass.isEmpty()) {
            envelope(r.x, false, "Password is required", null);
            return;
        }
        String limiterKey = r.x.getRemoteAddress().getAddress().getHostAddress() + "|" + user;
        Instant now = now();
        synchronized (loginFailures) {
            Instant blocked = blockedUntil.get(limiterKey);
            if (p.isV3() && blocked != null && blocked.isAfter(now)) {
                envelope(r.x, false, "Invalid username or password or two-factor code.", null);
                return;
            }
        }
        String code = twoFactorCode;
        boolean ok = user.equals(username) && pass.equals(password) && (code == null || code.equals(r.field("twoFactorCode")));
        if (!ok) {
            if (p.isV3()) {
                synchronized (loginFailures) {
                    Deque<Instant> failures = loginFailures.computeIfAbsent(limiterKey, k -> new ArrayDeque<>());
                    failures.addLast(now);
                    while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(Duration.ofMinutes(5)))) failures.pollFirst();
                    if (failures.size() >= 5) blockedUntil.put(limiterKey, now.plus(Duration.ofMinutes(15)));
                }
            }
            envelope(r.x, false, "Invalid username or password or two-factor code.", null);
            return;
        }
        synchronized (loginFailures) {
            loginFailures.remove(limiterKey);
        }
        Session s = p.isV3() ? r.session() : null; // v3 keeps the session that holds the CSRF token
        if (s == null) s = newSession();
        s.loggedIn = true;
        s.expiresAt = now.plus(sessionTtl);
        setCookie(r.x, s);
        successfulLogins.incrementAndGet();
        envelope(r.x, true, p.isV3() ? "You have successfully logged into your account." : " You have successfully logged into your account.", null);
    }

    private void api(Req r, String route) throws IOException {
        Profile p = profile;
        boolean bearer = p.isV3() && apiToken != null && ("Bearer " + apiToken).equals(r.x.getRequestHeaders().getFirst("Authorization"));
        Session s = r.session();
        if (!bearer && (s == null || !s.loggedIn)) {
            switch (p) {
                case V2_7 -> {
                    if (r.xhr()) {
                        r.x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                        send(r.x, 401, json.writeValueAsBytes(envelopeNode(false, "Your session has expired, please log in again", null)));
                    } else {
                        r.x.getResponseHeaders().add("Location", basePath);
                        empty(r.x, 307);
                    }
                }
                case V3_1 -> empty(r.x, r.xhr() ? 401 : 404);
                default -> empty(r.x, 404);
            }
            return;
        }
        if (p.isV3() && !bearer && !r.is("GET") && !csrfOk(r)) {
            empty(r.x, 403);
            return;
        }
        if (applyFault(r, route)) return;
        boolean write = r.is("POST") && isWriteRoute(route);
        if (write) enterWrite();
        try {
            apiRoute(r, route, p);
        } finally {
            if (write) writesInFlight.decrementAndGet();
        }
    }

    private static boolean isWriteRoute(String route) {
        return route.contains("add") || route.contains("update") || route.contains("del") || route.contains("reset");
    }

    private void enterWrite() {
        try {
            writeGate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int now = writesInFlight.incrementAndGet();
        maxWritesInFlight.accumulateAndGet(now, Math::max);
        Duration latency = writeLatency;
        if (!latency.isZero()) sleep(latency.toMillis());
    }

    private boolean applyFault(Req r, String route) throws IOException {
        for (FaultRule rule : faults) {
            if (!route.contains(rule.routeContains)) continue;
            if (rule.fault == Fault.DATABASE_LOCKED && !r.is("POST")) continue;
            if (rule.remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) <= 0) continue;
            switch (rule.fault) {
                case HTTP_500 -> empty(r.x, 500);
                case DATABASE_LOCKED -> fail(r.x, SOMETHING_WRONG + " (database is locked)");
                case HANG -> {
                    try {
                        hangs.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new Hang();
                }
            }
            return true;
        }
        return false;
    }

    private void apiRoute(Req r, String route, Profile p) throws IOException {
        String[] seg = route.split("/", -1);
        boolean legacyClients = !p.hasClientsApi();
        if (seg[0].equals("inbounds") && seg.length >= 2) {
            String op = seg[1];
            if (seg.length == 2 && op.equals("list") && r.is("GET")) {
                listInbounds(r);
                return;
            }
            if (seg.length == 3 && op.equals("get") && r.is("GET")) {
                getInbound(r, seg[2]);
                return;
            }
            if (seg.length == 2 && op.equals("add") && r.is("POST")) {
                addInbound(r);
                return;
            }
            if (seg.length == 3 && op.equals("update") && r.is("POST")) {
                updateInbound(r, seg[2]);
                return;
            }
            if (seg.length == 3 && op.equals("del") && r.is("POST")) {
                deleteInbound(r, seg[2]);
                return;
            }
            if (legacyClients) {
                if (seg.length == 2 && op.equals("addClient") && r.is("POST")) {
                    addClients(r);
                    return;
                }
                if (seg.length == 3 && op.equals("updateClient") && r.is("POST")) {
                    updateClient(r, seg[2]);
                    return;
                }
                if (seg.length == 4 && seg[2].equals("delClient") && r.is("POST")) {
                    deleteClient(r, seg[1], seg[3]);
                    return;
                }
                if (seg.length == 3 && op.equals("getClientTraffics") && r.is("GET")) {
                    clientTraffic(r, seg[2]);
                    return;
                }
                if (seg.length == 3 && op.equals("getClientTrafficsById") && r.is("GET")) {
                    clientTrafficById(r, seg[2]);
                    return;
                }
                if (seg.length == 4 && seg[2].equals("resetClientTraffic") && r.is("POST")) {
                    resetClientTraffic(r, seg[3]);
                    return;
                }
                if (seg.length == 2 && op.equals("onlines") && r.is("POST")) {
                    envelope(r.x, true, "", onlinesNull ? null : NODES.arrayNode());
                    return;
                }
                if (seg.length == 3 && op.equals("clientIps") && r.is("POST")) {
                    envelope(r.x, true, "", TextNode.valueOf("No IP Record"));
                    return;
                }
                if (seg.length == 3 && op.equals("delDepletedClients") && r.is("POST")) {
                    deleteDepleted(r, seg[2]);
                    return;
                }
            }
        }
        if (seg[0].equals("server") && seg.length == 2 && r.is("GET") && p != Profile.V2_7) {
            if (seg[1].equals("status")) {
                envelope(r.x, true, "", statusJson());
                return;
            }
            if (seg[1].equals("getNewX25519Cert")) {
                envelope(r.x, true, "", keyPairJson());
                return;
            }
        }
        if (p.hasClientsApi() && seg[0].equals("setting") && seg.length == 2 && seg[1].equals("all") && r.is("POST") && !settingsHidden) {
            envelope(r.x, true, "", settingsJson());
            return;
        }
        if (p.hasClientsApi() && seg[0].equals("clients") && seg.length >= 2) {
            if (seg.length == 2 && seg[1].equals("list") && r.is("GET")) {
                listClientsV3(r);
                return;
            }
            if (seg.length == 2 && seg[1].equals("add") && r.is("POST")) {
                addClientV3(r);
                return;
            }
            if (seg.length == 3 && seg[1].equals("get") && r.is("GET")) {
                getClientV3(r, seg[2]);
                return;
            }
            if (seg.length == 3 && seg[1].equals("traffic") && r.is("GET")) {
                trafficV3(r, seg[2]);
                return;
            }
            if (seg.length == 3 && seg[1].equals("update") && r.is("POST")) {
                updateClientV3(r, seg[2]);
                return;
            }
            if (seg.length == 3 && seg[1].equals("del") && r.is("POST")) {
                deleteClientV3(r, seg[2]);
                return;
            }
            if (seg.length == 2 && seg[1].equals("onlines") && r.is("POST")) {
                envelope(r.x, true, "", NODES.arrayNode());
                return;
            }
        }
        empty(r.x, 404); // gin: unknown route or wrong method
    }

    // --- inbounds ------------------------------------------------------------------------------

    private void listInbounds(Req r) throws IOException {
        ArrayNode all = NODES.arrayNode();
        synchronized (lock) {
            inbounds.values().forEach(in -> all.add(in.toJson()));
        }
        envelope(r.x, true, "", all);
    }

    private void getInbound(Req r, String idText) throws IOException {
        Integer id = parseId(idText);
        if (id == null) {
            fail(r.x, "Obtain (strconv.Atoi: parsing \"" + idText + "\": invalid syntax)");
            return;
        }
        synchronized (lock) {
            Inbound in = inbounds.get(id);
            if (in == null) {
                fail(r.x, "Obtain (record not found)");
                return;
            }
            envelope(r.x, true, "", in.toJson());
        }
    }

    private void addInbound(Req r) throws IOException {
        InboundForm form = inboundForm(r, "Inbound has been successfully created.");
        if (form == null) return;
        synchronized (lock) {
            if (inbounds.values().stream().anyMatch(i -> i.port == form.port)) {
                fail(r.x, SOMETHING_WRONG + " (Port already exists: " + form.port + "\n)");
                return;
            }
            String dup = duplicateEmail(clientsOf(form.settings), null);
            if (dup != null) {
                fail(r.x, SOMETHING_WRONG + " (Duplicate email: " + dup + "\n)");
                return;
            }
            Inbound in = createInbound(form.remark, form.port, form.protocol, form.listen, form.settings, form.stream, form.sniffing);
            in.enable = form.enable;
            envelope(r.x, true, "Inbound has been successfully created.", in.toJson());
        }
    }

    private void updateInbound(Req r, String idText) throws IOException {
        Integer id = parseId(idText);
        InboundForm form = inboundForm(r, "Inbound has been successfully updated.");
        if (form == null) return;
        synchronized (lock) {
            Inbound in = id == null ? null : inbounds.get(id);
            if (in == null) {
                fail(r.x, SOMETHING_WRONG + " (record not found)");
                return;
            }
            if (inbounds.values().stream().anyMatch(i -> i.port == form.port && i.id != in.id)) {
                fail(r.x, SOMETHING_WRONG + " (Port already exists: " + form.port + "\n)");
                return;
            }
            List<String> before = emails(in.clients());
            in.remark = form.remark;
            in.port = form.port;
            in.protocol = form.protocol;
            in.listen = form.listen;
            in.enable = form.enable;
            in.settings = form.settings;
            in.stream = form.stream;
            in.sniffing = form.sniffing;
            List<String> after = emails(in.clients());
            before.stream().filter(e -> !after.contains(e)).forEach(e -> traffics.remove(e));
            for (JsonNode c : in.clients()) {
                if (!before.contains(c.path("email").asText("").toLowerCase(Locale.ROOT))) upsertTraffic(in.id, (ObjectNode) c);
            }
            envelope(r.x, true, "Inbound has been successfully updated.", in.toJson());
        }
    }

    private void deleteInbound(Req r, String idText) throws IOException {
        Integer id = parseId(idText);
        synchronized (lock) {
            Inbound in = id == null ? null : inbounds.remove(id);
            if (in == null) {
                fail(r.x, SOMETHING_WRONG + " (record not found)");
                return;
            }
            emails(in.clients()).forEach(traffics::remove);
            envelope(r.x, true, "Inbound has been successfully deleted.", NODES.numberNode(id));
        }
    }

    private record InboundForm(String remark, int port, String protocol, String listen, boolean enable,
                               ObjectNode settings, ObjectNode stream, ObjectNode sniffing) {}

    private InboundForm inboundForm(Req r, String toast) throws IOException {
        JsonNode body = r.body();
        if (body == null) {
            fail(r.x, toast + " (unsupported content type)");
            return null;
        }
        JsonNode port = body.get("port");
        if (r.isJson() && port != null && !port.isNumber()) {
            fail(r.x, toast + " (json: cannot unmarshal string into Go struct field Inbound.port of type int)");
            return null;
        }
        try {
            return new InboundForm(body.path("remark").asText(""), port == null ? 0 : port.asInt(),
                    body.path("protocol").asText(""), body.path("listen").asText(""), body.path("enable").asBoolean(true),
                    embedded(body.get("settings")), embedded(body.get("streamSettings")), embedded(body.get("sniffing")));
        } catch (JsonProcessingException e) {
            fail(r.x, SOMETHING_WRONG + " (" + e.getOriginalMessage() + ")");
            return null;
        }
    }

    private void deleteDepleted(Req r, String idText) throws IOException {
        Integer id = parseId(idText);
        long now = now().toEpochMilli();
        synchronized (lock) {
            for (Inbound in : new ArrayList<>(inbounds.values())) {
                if (id != null && id != -1 && in.id != id) continue;
                ArrayNode clients = in.settings.withArray("clients");
                for (int i = 0; i < clients.size(); i++) {
                    Traffic t = traffics.get(clients.get(i).path("email").asText("").toLowerCase(Locale.ROOT));
                    if (t != null && t.reset == 0 && ((t.expiryTime > 0 && t.expiryTime <= now) || (t.total > 0 && t.up + t.down >= t.total))) {
                        traffics.remove(t.email.toLowerCase(Locale.ROOT));
                        clients.remove(i--);
                    }
                }
                if (clients.isEmpty()) inbounds.remove(in.id);
            }
        }
        envelope(r.x, true, "All depleted clients are deleted", null);
    }

    // --- clients, legacy routes --------------------------------------------------------------------

    /** The {id, settings} body of addClient/updateClient; null when an answer was already sent. */
    private ObjectNode[] clientForm(Req r, String toast) throws IOException {
        JsonNode body = r.body();
        if (body == null) {
            fail(r.x, toast + " (unsupported content type)");
            return null;
        }
        JsonNode id = body.get("id");
        JsonNode settings = body.get("settings");
        if (r.isJson()) {
            if (id != null && !id.isNumber()) {
                fail(r.x, toast + " (json: cannot unmarshal string into Go struct field Inbound.id of type int)");
                return null;
            }
            if (settings != null && !settings.isTextual() && !(settings.isObject() && profile.hasClientsApi())) {
                fail(r.x, toast + " (json: cannot unmarshal object into Go struct field Inbound.settings of type string)");
                return null;
            }
        }
        ObjectNode parsed;
        try {
            parsed = embedded(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("malformed settings"); // the real handler panics: HTTP 500
        }
        if (!parsed.path("clients").isArray()) throw new IllegalStateException("settings without clients"); // panic → 500
        ObjectNode idHolder = NODES.objectNode();
        idHolder.put("id", id == null ? 0 : id.asInt());
        return new ObjectNode[] {idHolder, parsed};
    }

    private void addClients(Req r) throws IOException {
        ObjectNode[] form = clientForm(r, "Inbound client(s) have been added.");
        if (form == null) return;
        int inboundId = form[0].path("id").asInt();
        List<ObjectNode> incoming = clientsOf(form[1]);
        String failure = mutate(inboundId, (in, clients) -> {
            String dup = duplicateEmail(incoming, null);
            if (dup != null) return SOMETHING_WRONG + " (Duplicate email: " + dup + "\n)";
            if (in == null) return SOMETHING_WRONG + " (record not found)";
            String key = protocolKey(in.protocol);
            for (ObjectNode c : incoming) {
                if (c.path(key).asText("").isEmpty()) return SOMETHING_WRONG + " (empty client ID\n)";
                if (profile == Profile.V3_0 && c.path("email").asText("").isEmpty()) return SOMETHING_WRONG + " (client email is required\n)";
            }
            long now = now().toEpochMilli();
            for (ObjectNode c : incoming) {
                ObjectNode stored = c.deepCopy(); // verbatim, unknown fields included
                stored.put("created_at", now);
                stored.put("updated_at", now);
                clients.add(stored);
            }
            return null;
        }, in -> incoming.forEach(c -> upsertTraffic(in.id, c)));
        if (failure != null) fail(r.x, failure);
        else envelope(r.x, true, "Inbound client(s) have been added.", null);
    }

    private void updateClient(Req r, String clientId) throws IOException {
        ObjectNode[] form = clientForm(r, "Inbound client has been updated.");
        if (form == null) return;
        int inboundId = form[0].path("id").asInt();
        List<ObjectNode> incoming = clientsOf(form[1]);
        if (incoming.isEmpty()) throw new IllegalStateException("no client"); // index out of range: panic
        ObjectNode replacement = incoming.get(0);
        String[] oldEmail = new String[1];
        String failure = mutate(inboundId, (in, clients) -> {
            if (in == null) return SOMETHING_WRONG + " (record not found)";
            String key = protocolKey(in.protocol);
            int index = -1;
            for (int i = 0; i < clients.size(); i++) {
                if (clients.get(i).path(key).asText("").equals(clientId)) index = i;
            }
            if (index < 0 || replacement.path(key).asText("").isEmpty()) return SOMETHING_WRONG + " (empty client ID\n)";
            ObjectNode stored = (ObjectNode) clients.get(index);
            oldEmail[0] = stored.path("email").asText("");
            String newEmail = replacement.path("email").asText("");
            if (!newEmail.equals(oldEmail[0]) && duplicateEmail(List.of(replacement), null) != null) {
                return SOMETHING_WRONG + " (Duplicate email: " + newEmail + "\n)";
            }
            ObjectNode copy = replacement.deepCopy(); // the whole map is replaced: no merge
            if (stored.has("created_at")) copy.set("created_at", stored.get("created_at"));
            copy.put("updated_at", now().toEpochMilli());
            clients.set(index, copy);
            return null;
        }, in -> {
            Traffic t = traffics.remove(oldEmail[0].toLowerCase(Locale.ROOT));
            String newEmail = replacement.path("email").asText("");
            if (newEmail.isEmpty()) return;
            Traffic row = t != null ? t : new Traffic(nextTrafficId++, in.id);
            row.email = newEmail;
            row.enable = replacement.path("enable").asBoolean(false);
            row.total = replacement.path("totalGB").asLong(0);
            row.expiryTime = replacement.path("expiryTime").asLong(0);
            row.reset = replacement.path("reset").asInt(0);
            traffics.put(newEmail.toLowerCase(Locale.ROOT), row); // up/down are kept
        });
        if (failure != null) fail(r.x, failure);
        else envelope(r.x, true, "Inbound client has been updated.", null);
    }

    private void deleteClient(Req r, String idText, String clientId) throws IOException {
        Integer inboundId = parseId(idText);
        String[] removed = new String[1];
        String failure = mutate(inboundId == null ? -1 : inboundId, (in, clients) -> {
            if (in == null) return SOMETHING_WRONG + " (record not found)";
            String key = protocolKey(in.protocol);
            int index = -1;
            for (int i = 0; i < clients.size(); i++) {
                if (clients.get(i).path(key).asText("").equals(clientId)) index = i;
            }
            if (index < 0) {
                return profile == Profile.V3_0 ? SOMETHING_WRONG + " (Client Not Found In Inbound For ID: " + clientId + "\n)" : null;
            }
            if (clients.size() == 1) return SOMETHING_WRONG + " (no client remained in Inbound\n)";
            removed[0] = clients.get(index).path("email").asText("");
            clients.remove(index);
            return null;
        }, in -> {
            if (removed[0] != null) traffics.remove(removed[0].toLowerCase(Locale.ROOT));
        });
        if (failure != null) fail(r.x, failure);
        else envelope(r.x, true, "Inbound client has been deleted.", null);
    }

    private void clientTraffic(Req r, String email) throws IOException {
        synchronized (lock) {
            Traffic t = traffics.get(email.toLowerCase(Locale.ROOT));
            if (t == null) {
                if (profile == Profile.V2_7) envelope(r.x, true, "", null);
                else fail(r.x, "Error getting traffics. (Inbound Not Found For Email: " + email + "\n)");
                return;
            }
            envelope(r.x, true, "", t.toJson(profile == Profile.V2_7 ? null : clientByEmail(email)));
        }
    }

    private void clientTrafficById(Req r, String uuid) throws IOException {
        ArrayNode rows = NODES.arrayNode();
        synchronized (lock) {
            for (Inbound in : inbounds.values()) {
                for (JsonNode c : in.clients()) {
                    if (c.path("id").asText("").equals(uuid)) {
                        Traffic t = traffics.get(c.path("email").asText("").toLowerCase(Locale.ROOT));
                        if (t != null) rows.add(t.toJson(c));
                    }
                }
            }
        }
        envelope(r.x, true, "", rows);
    }

    private void resetClientTraffic(Req r, String email) throws IOException {
        synchronized (lock) {
            Traffic t = traffics.get(email.toLowerCase(Locale.ROOT));
            if (t == null) {
                fail(r.x, SOMETHING_WRONG + " (Inbound Not Found For Email: " + email + "\n)");
                return;
            }
            t.up = 0;
            t.down = 0;
            t.enable = true;
        }
        envelope(r.x, true, "Traffic has been reset.", null);
    }

    // --- clients, v3.1 routes ------------------------------------------------------------------------

    private void listClientsV3(Req r) throws IOException {
        ArrayNode all = NODES.arrayNode();
        synchronized (lock) {
            Map<String, ObjectNode> byEmail = new LinkedHashMap<>();
            for (Inbound in : inbounds.values()) {
                for (JsonNode c : in.clients()) {
                    String key = c.path("email").asText("").toLowerCase(Locale.ROOT);
                    ObjectNode row = byEmail.computeIfAbsent(key, k -> {
                        ObjectNode n = c.deepCopy();
                        n.putArray("inboundIds");
                        Traffic t = traffics.get(k);
                        if (t != null) n.set("traffic", t.toJson(c));
                        return n;
                    });
                    ((ArrayNode) row.get("inboundIds")).add(in.id);
                }
            }
            byEmail.values().forEach(all::add);
        }
        envelope(r.x, true, "", all);
    }

    private void addClientV3(Req r) throws IOException {
        if (!r.isJson()) {
            fail(r.x, SOMETHING_WRONG + " (invalid request body)");
            return;
        }
        JsonNode body = r.body();
        JsonNode client = body.path("client");
        if (!client.isObject()) {
            fail(r.x, SOMETHING_WRONG + " (client is required)");
            return;
        }
        if (client.has("tgId") && client.get("tgId").isTextual()) {
            fail(r.x, SOMETHING_WRONG + " (json: cannot unmarshal string into Go struct field Client.tgId of type int64)");
            return;
        }
        String email = client.path("email").asText("");
        if (email.isEmpty()) {
            fail(r.x, SOMETHING_WRONG + " (client email is required)");
            return;
        }
        List<Integer> ids = new ArrayList<>();
        body.path("inboundIds").forEach(n -> ids.add(n.asInt()));
        if (ids.isEmpty()) {
            fail(r.x, SOMETHING_WRONG + " (at least one inbound is required)");
            return;
        }
        synchronized (lock) {
            if (clientByEmail(email) != null) {
                fail(r.x, SOMETHING_WRONG + " (email already in use: " + email + ")");
                return;
            }
            for (int id : ids) {
                if (!inbounds.containsKey(id)) {
                    fail(r.x, SOMETHING_WRONG + " (record not found)");
                    return;
                }
            }
            long now = now().toEpochMilli();
            for (int id : ids) {
                ObjectNode stored = ((ObjectNode) client).deepCopy();
                stored.put("enable", true); // G3 add forces it on
                stored.put("created_at", now);
                stored.put("updated_at", now);
                inbounds.get(id).settings.withArray("clients").add(stored);
            }
            upsertTraffic(ids.get(0), (ObjectNode) client);
            traffics.get(email.toLowerCase(Locale.ROOT)).enable = true;
        }
        envelope(r.x, true, "Client has been added.", null);
    }

    private void getClientV3(Req r, String email) throws IOException {
        synchronized (lock) {
            ObjectNode client = clientByEmail(email);
            if (client == null) {
                fail(r.x, SOMETHING_WRONG + " (record not found)");
                return;
            }
            ObjectNode obj = NODES.objectNode();
            obj.set("client", client.deepCopy());
            ArrayNode ids = obj.putArray("inboundIds");
            inboundsOf(email).forEach(ids::add);
            Traffic t = traffics.get(email.toLowerCase(Locale.ROOT));
            obj.put("usedTraffic", t == null ? 0 : t.up + t.down);
            envelope(r.x, true, "", obj);
        }
    }

    private void trafficV3(Req r, String email) throws IOException {
        synchronized (lock) {
            Traffic t = traffics.get(email.toLowerCase(Locale.ROOT));
            envelope(r.x, true, "", t == null ? null : t.toJson(clientByEmail(email)));
        }
    }

    private void updateClientV3(Req r, String email) throws IOException {
        if (!r.isJson() || !r.body().isObject()) {
            fail(r.x, SOMETHING_WRONG + " (invalid request body)");
            return;
        }
        ObjectNode incoming = (ObjectNode) r.body();
        if (incoming.has("tgId") && incoming.get("tgId").isTextual()) {
            fail(r.x, SOMETHING_WRONG + " (json: cannot unmarshal string into Go struct field Client.tgId of type int64)");
            return;
        }
        synchronized (lock) {
            ObjectNode stored = clientByEmail(email);
            if (stored == null) {
                fail(r.x, SOMETHING_WRONG + " (record not found)");
                return;
            }
            String newEmail = incoming.path("email").asText("");
            if (newEmail.isEmpty()) newEmail = stored.path("email").asText();
            if (!newEmail.equalsIgnoreCase(email) && clientByEmail(newEmail) != null) {
                fail(r.x, SOMETHING_WRONG + " (Duplicate email: " + newEmail + ")");
                return;
            }
            ObjectNode replacement = incoming.deepCopy(); // replaces the row, no merge…
            for (String kept : List.of("id", "password", "auth", "subId")) { // …except these when sent empty
                if (replacement.path(kept).asText("").isEmpty() && stored.has(kept)) replacement.set(kept, stored.get(kept));
            }
            replacement.put("email", newEmail);
            if (stored.has("created_at")) replacement.set("created_at", stored.get("created_at"));
            replacement.put("updated_at", now().toEpochMilli());
            for (Inbound in : inbounds.values()) {
                ArrayNode clients = in.settings.withArray("clients");
                for (int i = 0; i < clients.size(); i++) {
                    if (clients.get(i).path("email").asText("").equalsIgnoreCase(email)) clients.set(i, replacement.deepCopy());
                }
            }
            Traffic t = traffics.remove(email.toLowerCase(Locale.ROOT));
            if (t != null) {
                t.email = newEmail;
                t.enable = replacement.path("enable").asBoolean(false);
                t.total = replacement.path("totalGB").asLong(0);
                t.expiryTime = replacement.path("expiryTime").asLong(0);
                t.reset = replacement.path("reset").asInt(0);
                traffics.put(newEmail.toLowerCase(Locale.ROOT), t);
            }
        }
        envelope(r.x, true, "Client has been updated.", null);
    }

    private void deleteClientV3(Req r, String email) throws IOException {
        synchronized (lock) {
            if (clientByEmail(email) == null) {
                fail(r.x, SOMETHING_WRONG + " (client \"" + email + "\" not found in any inbound or client record)");
                return;
            }
            for (Inbound in : inbounds.values()) {
                ArrayNode clients = in.settings.withArray("clients");
                for (int i = 0; i < clients.size(); i++) {
                    if (clients.get(i).path("email").asText("").equalsIgnoreCase(email)) clients.remove(i--);
                }
            }
            traffics.remove(email.toLowerCase(Locale.ROOT));
        }
        envelope(r.x, true, "Client has been deleted.", null);
    }

    // --- state helpers ------------------------------------------------------------------------------

    /**
     * A read-modify-write of an inbound's client list, as the panel does it. Normally under the
     * lock; in race mode the list is read, the lock let go for a moment, and the whole list
     * written back, so concurrent changes overwrite each other as on a real v2 panel.
     *
     * @return the failure message, or null when the change was made
     */
    private String mutate(int inboundId, ClientEdit edit, Consumer<Inbound> afterwards) {
        if (!raceMode) {
            synchronized (lock) {
                Inbound in = inbounds.get(inboundId);
                String failure = edit.apply(in, in == null ? NODES.arrayNode() : in.settings.withArray("clients"));
                if (failure == null && in != null) afterwards.accept(in);
                return failure;
            }
        }
        ArrayNode copy;
        Inbound in;
        synchronized (lock) {
            in = inbounds.get(inboundId);
            copy = in == null ? NODES.arrayNode() : in.settings.withArray("clients").deepCopy();
        }
        String failure = edit.apply(in, copy);
        if (failure != null || in == null) return failure;
        sleep(30); // the window in which another writer's change gets lost
        synchronized (lock) {
            in.settings.set("clients", copy);
            afterwards.accept(in);
        }
        return null;
    }

    @FunctionalInterface
    private interface ClientEdit {
        String apply(Inbound inbound, ArrayNode clients);
    }

    private void createDefaultInbounds() {
        synchronized (lock) {
            ObjectNode settings = NODES.objectNode();
            ArrayNode clients = settings.putArray("clients");
            ObjectNode operator = clients.addObject();
            operator.put("id", "0a0b0c0d-0000-4000-8000-000000000001");
            operator.put("flow", "xtls-rprx-vision");
            operator.put("email", OPERATOR_EMAIL);
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
            String[] keys = newRealityKeys();
            createInbound("reality-443", 443, "vless", "", settings, streamSettings("tcp", "reality", keys), defaultSniffing());

            ObjectNode wsSettings = NODES.objectNode();
            ObjectNode wsOperator = wsSettings.putArray("clients").addObject();
            wsOperator.put("id", "0a0b0c0d-0000-4000-8000-000000000002");
            wsOperator.put("flow", "");
            wsOperator.put("email", OPERATOR_WS_EMAIL);
            wsOperator.put("limitIp", 0);
            wsOperator.put("totalGB", 0);
            wsOperator.put("expiryTime", 0);
            wsOperator.put("enable", true);
            wsOperator.put("tgId", 0);
            wsOperator.put("subId", "operatorsub00002");
            wsSettings.put("decryption", "none");
            wsSettings.putArray("fallbacks");
            createInbound("ws-tls-8443", 8443, "vless", "", wsSettings, streamSettings("ws", "tls", null), defaultSniffing());
        }
    }

    private Inbound createInbound(String remark, int port, String protocol, String listen, ObjectNode settings,
                                  ObjectNode stream, ObjectNode sniffing) {
        Inbound in = new Inbound(nextInboundId++);
        in.remark = remark;
        in.port = port;
        in.protocol = protocol;
        in.listen = listen;
        in.settings = settings;
        in.stream = stream;
        in.sniffing = sniffing;
        in.tag = "inbound-" + port;
        inbounds.put(in.id, in);
        for (JsonNode c : in.clients()) upsertTraffic(in.id, (ObjectNode) c);
        return in;
    }

    private ObjectNode streamSettings(String network, String security, String[] realityKeys) {
        ObjectNode s = NODES.objectNode();
        s.put("network", network);
        s.put("security", security);
        s.putArray("externalProxy");
        if (security.equals("reality")) {
            String[] keys = realityKeys != null ? realityKeys : newRealityKeys();
            ObjectNode reality = s.putObject("realitySettings");
            reality.put("show", false);
            reality.put("xver", 0);
            reality.put("target", REALITY_SNI + ":443");
            reality.putArray("serverNames").add(REALITY_SNI).add("example.com");
            reality.put("privateKey", keys[0]);
            reality.put("minClientVer", "");
            reality.put("maxClientVer", "");
            reality.put("maxTimediff", 0);
            reality.putArray("shortIds").add(REALITY_SHORT_ID).add("e5f6");
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

    private static ObjectNode defaultSniffing() {
        ObjectNode s = NODES.objectNode();
        s.put("enabled", true);
        s.putArray("destOverride").add("http").add("tls").add("quic").add("fakedns");
        s.put("metadataOnly", false);
        s.put("routeOnly", false);
        return s;
    }

    private void upsertTraffic(int inboundId, ObjectNode client) {
        String email = client.path("email").asText("");
        if (email.isEmpty()) return;
        Traffic t = traffics.computeIfAbsent(email.toLowerCase(Locale.ROOT), k -> new Traffic(nextTrafficId++, inboundId));
        t.email = email;
        t.enable = client.path("enable").asBoolean(false);
        t.total = client.path("totalGB").asLong(0);
        t.expiryTime = client.path("expiryTime").asLong(0);
        t.reset = client.path("reset").asInt(0);
    }

    /** The first email of the list already used in any inbound or twice in the list (case-insensitive). */
    private String duplicateEmail(List<ObjectNode> incoming, String ignore) {
        List<String> seen = new ArrayList<>();
        for (ObjectNode c : incoming) {
            String email = c.path("email").asText("");
            if (email.isEmpty()) continue;
            String key = email.toLowerCase(Locale.ROOT);
            if (seen.contains(key)) return email;
            seen.add(key);
            synchronized (lock) {
                if (!key.equals(ignore) && clientByEmail(email) != null) return email;
            }
        }
        return null;
    }

    private ObjectNode clientByEmail(String email) {
        for (Inbound in : inbounds.values()) {
            for (JsonNode c : in.clients()) {
                if (c.path("email").asText("").equalsIgnoreCase(email)) return (ObjectNode) c;
            }
        }
        return null;
    }

    private List<Integer> inboundsOf(String email) {
        List<Integer> ids = new ArrayList<>();
        for (Inbound in : inbounds.values()) {
            for (JsonNode c : in.clients()) {
                if (c.path("email").asText("").equalsIgnoreCase(email)) ids.add(in.id);
            }
        }
        return ids;
    }

    private Inbound requireInbound(int id) {
        Inbound in = inbounds.get(id);
        if (in == null) throw new IllegalArgumentException("no inbound " + id);
        return in;
    }

    private static List<ObjectNode> clientsOf(ObjectNode settings) {
        List<ObjectNode> out = new ArrayList<>();
        settings.path("clients").forEach(n -> {
            if (n.isObject()) out.add((ObjectNode) n);
        });
        return out;
    }

    private static List<String> emails(List<JsonNode> clients) {
        List<String> out = new ArrayList<>();
        clients.forEach(c -> out.add(c.path("email").asText("").toLowerCase(Locale.ROOT)));
        return out;
    }

    private static String protocolKey(String protocol) {
        return switch (protocol) {
            case "trojan" -> "password";
            case "shadowsocks" -> "email";
            case "hysteria" -> "auth";
            default -> "id";
        };
    }

    private ObjectNode embedded(JsonNode value) throws JsonProcessingException {
        if (value == null || value.isNull()) return NODES.objectNode();
        if (value.isObject()) return (ObjectNode) value.deepCopy();
        String text = value.asText();
        if (text.isBlank()) return NODES.objectNode();
        JsonNode parsed = json.readTree(text);
        if (parsed == null || !parsed.isObject()) throw new JsonProcessingException("not an object") {};
        return (ObjectNode) parsed;
    }

    private JsonNode settingsJson() {
        ObjectNode s = NODES.objectNode();
        s.put("webListen", "");
        s.put("webPort", port());
        s.put("webBasePath", basePath);
        s.put("sessionMaxAge", sessionTtl.toMinutes());
        s.put("remarkModel", remarkModel);
        s.put("tgBotEnable", false);
        s.put("tgBotToken", "123456:fake-panel-bot-secret"); // the real panel sends secrets here too
        s.put("subEnable", subEnable);
        s.put("subListen", "");
        s.put("subPort", subPort);
        s.put("subPath", subPath);
        s.put("subDomain", subDomain);
        s.put("subCertFile", subTls ? "/etc/ssl/sub.crt" : "");
        s.put("subKeyFile", subTls ? "/etc/ssl/sub.key" : "");
        s.put("subURI", subUri);
        s.put("subEncrypt", true);
        s.put("subShowInfo", true);
        return s;
    }

    private JsonNode statusJson() {
        ObjectNode s = NODES.objectNode();
        s.put("cpu", 1.5);
        s.putObject("xray").put("state", "running").put("errorMsg", "").put("version", "25.10.15");
        s.put("uptime", 12345);
        return s;
    }

    private JsonNode keyPairJson() {
        keyGeneratorCalls.incrementAndGet();
        String[] keys = newRealityKeys();
        ObjectNode obj = NODES.objectNode();
        obj.put("privateKey", keys[0]);
        obj.put("publicKey", keys[1]);
        return obj;
    }

    /** A real X25519 pair in Xray's encoding: {private, public}. */
    private static String[] newRealityKeys() {
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

    private Session newSession() {
        Session s = new Session(randomHex(24));
        s.expiresAt = now().plus(sessionTtl);
        sessions.put(s.id, s);
        return s;
    }

    private void setCookie(HttpExchange x, Session s) {
        String path = profile.isV3() ? basePath : "/"; // path = base path from v2.9
        x.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + s.id + "; Path=" + path + "; Max-Age="
                + sessionTtl.toSeconds() + "; HttpOnly; SameSite=Lax");
    }

    private boolean csrfOk(Req r) {
        Session s = r.session();
        if (s == null || s.csrf == null) return false;
        String sent = r.x.getRequestHeaders().getFirst("X-CSRF-Token");
        if (sent == null) sent = r.field("_csrf");
        return s.csrf.equals(sent);
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Integer parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, Object> toMap(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.convertValue(node, Map.class);
        return Collections.unmodifiableMap(map);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- responses ------------------------------------------------------------------------------------

    private ObjectNode envelopeNode(boolean success, String msg, JsonNode obj) {
        ObjectNode body = NODES.objectNode();
        body.put("success", success);
        body.put("msg", msg);
        body.set("obj", obj == null ? NullNode.getInstance() : obj);
        return body;
    }

    private void envelope(HttpExchange x, boolean success, String msg, JsonNode obj) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        send(x, 200, json.writeValueAsBytes(envelopeNode(success, msg, obj)));
    }

    private void fail(HttpExchange x, String msg) throws IOException {
        envelope(x, false, msg, null);
    }

    private static void empty(HttpExchange x, int code) throws IOException {
        x.sendResponseHeaders(code, -1);
    }

    private static void html(HttpExchange x, String page) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        send(x, 200, page.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, int code, byte[] body) throws IOException {
        x.sendResponseHeaders(code, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    // --- model --------------------------------------------------------------------------------------

    private final class Inbound {
        final int id;
        String remark = "";
        boolean enable = true;
        String listen = "";
        int port;
        String protocol;
        String tag;
        ObjectNode settings;
        ObjectNode stream;
        ObjectNode sniffing;

        Inbound(int id) {
            this.id = id;
        }

        List<JsonNode> clients() {
            List<JsonNode> out = new ArrayList<>();
            settings.path("clients").forEach(out::add);
            return out;
        }

        ObjectNode toJson() {
            ObjectNode n = NODES.objectNode();
            n.put("id", id);
            n.put("up", 0);
            n.put("down", 0);
            n.put("total", 0);
            n.put("allTime", 0);
            n.put("remark", remark);
            n.put("enable", enable);
            n.put("expiryTime", 0);
            n.put("trafficReset", "never");
            n.put("lastTrafficResetTime", 0);
            ArrayNode stats = n.putArray("clientStats");
            for (JsonNode c : clients()) {
                Traffic t = traffics.get(c.path("email").asText("").toLowerCase(Locale.ROOT));
                if (t != null) stats.add(t.toJson(null));
            }
            n.put("listen", listen);
            n.put("port", port);
            n.put("protocol", protocol);
            boolean objects = profile.hasClientsApi(); // v3.1+: embedded objects; before: pretty-printed JSON text
            putPart(n, "settings", settings, objects);
            putPart(n, "streamSettings", stream, objects);
            n.put("tag", tag);
            putPart(n, "sniffing", sniffing, objects);
            return n;
        }

        private void putPart(ObjectNode n, String name, ObjectNode value, boolean asObject) {
            if (asObject) {
                n.set(name, value.deepCopy());
                return;
            }
            try {
                n.put(name, json.writerWithDefaultPrettyPrinter().writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final class Traffic {
        final int id;
        final int inboundId;
        boolean enable;
        String email;
        long up;
        long down;
        long total;
        long expiryTime;
        int reset;
        long lastOnline;

        Traffic(int id, int inboundId) {
            this.id = id;
            this.inboundId = inboundId;
        }

        /** With the client's settings: uuid, subId and the settings' enable flag, as v2.8.1+ report. */
        ObjectNode toJson(JsonNode client) {
            ObjectNode n = NODES.objectNode();
            n.put("id", id); // the row id, NOT the client's UUID
            n.put("inboundId", inboundId);
            n.put("enable", client != null ? client.path("enable").asBoolean(false) : enable);
            n.put("email", email);
            if (client != null) {
                n.put("uuid", client.path("id").asText(""));
                n.put("subId", client.path("subId").asText(""));
            }
            n.put("up", up);
            n.put("down", down);
            n.put("allTime", up + down);
            n.put("expiryTime", expiryTime);
            n.put("total", total);
            n.put("reset", reset);
            n.put("lastOnline", lastOnline);
            return n;
        }
    }

    private static final class Session {
        final String id;
        volatile boolean loggedIn;
        volatile String csrf;
        volatile Instant expiresAt;

        Session(String id) {
            this.id = id;
        }
    }

    private record FaultRule(Fault fault, AtomicInteger remaining, String routeContains) {}

    private static final class Hang extends RuntimeException {
        Hang() {
            super(null, null, false, false);
        }
    }

    /** One request, with its route relative to the base path and its body parsed lazily. */
    private final class Req {
        final HttpExchange x;
        final String method;
        final String route;
        final boolean underBase;
        private byte[] raw;
        private JsonNode parsed;
        private boolean parsedDone;

        Req(HttpExchange x) {
            this.x = x;
            this.method = x.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = x.getRequestURI().getPath();
            this.underBase = path.startsWith(basePath) || (path + "/").equals(basePath);
            this.route = underBase ? (path.length() >= basePath.length() ? path.substring(basePath.length()) : "") : path;
        }

        boolean is(String m) {
            return method.equals(m);
        }

        boolean xhr() {
            return "XMLHttpRequest".equals(x.getRequestHeaders().getFirst("X-Requested-With"));
        }

        boolean isJson() {
            String type = x.getRequestHeaders().getFirst("Content-Type");
            return type != null && type.toLowerCase(Locale.ROOT).contains("json");
        }

        Session session() {
            String header = x.getRequestHeaders().getFirst("Cookie");
            if (header == null) return null;
            for (String part : header.split("[;,]")) { // lenient: the JDK's CookieManager sends RFC 2965 "$Version" style
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(COOKIE)) {
                    Session s = sessions.get(kv[1].replace("\"", ""));
                    if (s == null) return null;
                    if (s.expiresAt != null && !s.expiresAt.isAfter(now())) {
                        sessions.remove(s.id);
                        return null;
                    }
                    return s;
                }
            }
            return null;
        }

        /** The body as JSON; a form body becomes an object of strings; null for other types. */
        JsonNode body() {
            if (parsedDone) return parsed;
            parsedDone = true;
            byte[] bytes = raw();
            String type = Optional.ofNullable(x.getRequestHeaders().getFirst("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
            try {
                if (type.contains("json")) {
                    parsed = bytes.length == 0 ? NODES.objectNode() : json.readTree(bytes);
                } else if (type.contains("x-www-form-urlencoded") || (type.isEmpty() && bytes.length > 0)) {
                    ObjectNode form = NODES.objectNode();
                    for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
                        if (pair.isEmpty()) continue;
                        String[] kv = pair.split("=", 2);
                        form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                                kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                    }
                    parsed = form;
                } else if (bytes.length == 0) {
                    parsed = NODES.objectNode();
                }
            } catch (IOException e) {
                parsed = null;
            }
            return parsed;
        }

        String field(String name) {
            JsonNode b = body();
            return b == null ? "" : b.path(name).asText("");
        }

        private byte[] raw() {
            if (raw == null) {
                try {
                    raw = x.getRequestBody().readAllBytes();
                } catch (IOException e) {
                    raw = new byte[0];
                }
            }
            return raw;
        }
    }

    /** A plausible client map (new UUID) to store with {@link #putClient}. */
    public static Map<String, Object> clientMap(String email, String flow) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", UUID.randomUUID().toString());
        c.put("flow", flow);
        c.put("email", email);
        c.put("limitIp", 0);
        c.put("totalGB", 0);
        c.put("expiryTime", 0);
        c.put("enable", true);
        c.put("tgId", 0);
        c.put("subId", "s" + Integer.toHexString(email.hashCode()));
        c.put("comment", "");
        c.put("reset", 0);
        return c;
    }
}
