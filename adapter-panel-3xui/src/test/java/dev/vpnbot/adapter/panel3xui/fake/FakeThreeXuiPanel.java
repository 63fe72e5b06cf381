package dev.vpnbot.adapter.panel3xui.fake;

import static dev.vpnbot.adapter.panel3xui.fake.Exchange.JSON;
import static dev.vpnbot.adapter.panel3xui.fake.Exchange.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Test double: an in-process 3x-ui panel on 127.0.0.1 (JDK HttpServer) that answers as the panel's
 * Go source at the profile's release tag does (MHSanaei/3x-ui; notes: /work/shared/reference/3xui-wire.md).
 * The parts: {@link SessionRoutes} (login, CSRF, limiter, tokens, auth gate), {@link InboundRoutes}
 * (inbounds, server, settings), {@link LegacyRoutes} (per-inbound client routes, v2.x – v3.0),
 * {@link ClientsApiRoutes} (/panel/api/clients, v3.1+), all over one {@link PanelStore}.
 *
 * <p>Faults can be injected (HTTP 500, a hanging call, "database is locked"), sessions expired,
 * time advanced, traffic set, writes held or slowed, and the stored state inspected.
 *
 * <pre>{@code
 * try (var panel = new FakeThreeXuiPanel(Profile.V3_1).start()) {
 *     PanelConnection connection = panel.connection();       // base URL with the base path + password
 *     int inbound = FakeThreeXuiPanel.REALITY_INBOUND_ID;      // VLESS Reality TCP, pre-created
 *     ...
 *     panel.clientRecord("email").orElseThrow().get("id");    // the clients-table row number (v3.1+)
 * }
 * }</pre>
 */
public final class FakeThreeXuiPanel implements AutoCloseable {

    /** Which panel release to answer like; each follows the Go source at its tag. */
    public enum Profile {
        /** v2.4.11: 307/401 for unauthenticated calls, loginSecret, "X Failed: err" messages, no created_at, allocate. */
        V2_4,
        /** v2.x before 2.8.4: 307 (or 401 JSON for XHR); POST server routes; obj:null for unknown traffic. */
        V2_7,
        /** v2.8.11: bare 404 for unauthenticated calls, global case-insensitive emails. The default. */
        V2_8,
        /** v2.9.4: as v2.8.11 on the wire (MHSanaei/3x-ui@v2.9.4:web/service/inbound.go#L237, #L755, #L1203). */
        V2_9,
        /** v3.0.2: CSRF, API tokens, login limiter; same email + same subId is APPENDED again. */
        V3_0,
        /** v3.1.0 – v3.2.x: clients API; a re-add of a client already on the inbound fails on client_inbounds' key. */
        V3_1,
        /** v3.3.0 – v3.4.x: SyncInbound deduplicates links, so a re-add APPENDS a second copy; subId owner check (3.2.5+). */
        V3_3,
        /** v3.6.0: a client already on the inbound is skipped; re-add reuses the stored UUID; get adds externalLinks, usedTraffic. */
        V3_6;

        public boolean isV3() {
            return ordinal() >= V3_0.ordinal();
        }

        public boolean hasClientsApi() {
            return ordinal() >= V3_1.ordinal();
        }

        /** Inbound.MarshalJSON emits settings/streamSettings/sniffing as objects (MHSanaei/3x-ui@v3.1.0:database/model/model.go#L150-L167). */
        public boolean settingsAsObjects() {
            return hasClientsApi();
        }

        boolean redirectsUnauthenticated() {
            return this == V2_4 || this == V2_7;
        }

        boolean hasOldServerRoutes() {
            return this == V2_4 || this == V2_7;
        }

        boolean hasInboundAllTime() {
            return this != V2_4 && !hasClientsApi();
        }

        boolean hasTrafficReset() {
            return this != V2_4;
        }

        boolean hasTrafficIdentity() {
            return this != V2_4 && this != V2_7;
        }

        boolean hasTrafficAllTime() {
            return this != V2_4 && !hasClientsApi();
        }

        /** created_at/updated_at in settings clients (MHSanaei/3x-ui@v2.8.11:database/model/model.go#L108-L124). */
        boolean hasClientTimes() {
            return this != V2_4;
        }

        boolean failsDuplicateLink() {
            return this == V3_1;
        }

        boolean checksSubIdOwner() {
            return this == V3_3 || this == V3_6;
        }

        boolean skipsClientAlreadyOnInbound() {
            return this == V3_6;
        }

        boolean reusesStoredIdentity() {
            return this == V3_6;
        }

        String wrongLogin() {
            return this == V2_4 ? "Invalid username or password or secret." : "Invalid username or password or two-factor code.";
        }

        String loginSuccess() {
            if (this == V2_4) return "Login Successfully";
            return hasClientsApi() ? "You have successfully logged into your account." : " You have successfully logged into your account.";
        }

        /** The en-US text of a translation key at this tag (web/translation). */
        String toast(String key) {
            return Toasts.text(this, key);
        }

        /**
         * jsonMsgObj's error text: "toast (err)" from v2.8 (MHSanaei/3x-ui@v2.8.11:web/controller/util.go#L42-L57),
         * "toast Failed: err" on v2.4 (MHSanaei/3x-ui@v2.4.11:web/controller/util.go jsonMsgObj).
         */
        String failure(String toast, String goError) {
            return this == V2_4 ? toast + " Failed: " + goError : toast + " (" + goError + ")";
        }

        String failed(String key, String goError) {
            return failure(toast(key), goError);
        }

        /** A success message: v2.4 appends " Successfully". */
        String done(String key) {
            String t = toast(key);
            return this == V2_4 && !t.isEmpty() ? t + " Successfully" : t;
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

    private final String basePath;
    private final String username;
    private final String password;
    private final String apiToken;
    private final SSLContext tls;
    private final Clock clock;
    private final Duration sessionTtl;
    private final PanelStore store;
    private final SessionRoutes sessions;
    private final InboundRoutes inboundRoutes;
    private final LegacyRoutes legacyRoutes;
    private final ClientsApiRoutes clientsApiRoutes;
    final ApiTokenRoutes apiTokenRoutes;

    private volatile Profile profile;
    private volatile String twoFactorCode;
    private volatile Duration skew = Duration.ZERO;
    volatile boolean raceMode;
    volatile Duration writeLatency = Duration.ZERO;
    volatile boolean redirectToHttps;
    volatile String webDomain;
    volatile boolean onlinesNull = true;

    // subscription settings as the panel's settings page holds them
    volatile boolean subEnable = true;
    volatile int subPort = SUB_PORT;
    volatile String subPath = SUB_PATH;
    volatile String subDomain = "";
    volatile String subUri = "";
    volatile boolean subTls;
    volatile String remarkModel = "-ieo";
    volatile boolean settingsHidden;

    final List<String> requestLog = new CopyOnWriteArrayList<>();
    /** Wall time spent answering requests, for benchmarks that split the panel's time from the caller's. */
    final java.util.concurrent.atomic.AtomicLong handlingNanos = new java.util.concurrent.atomic.AtomicLong();
    final List<Dispatcher.FaultRule> faults = new CopyOnWriteArrayList<>();
    final AtomicInteger loginAttempts = new AtomicInteger();
    final AtomicInteger successfulLogins = new AtomicInteger();
    final AtomicInteger keyGeneratorCalls = new AtomicInteger();
    final AtomicInteger writesInFlight = new AtomicInteger();
    final AtomicInteger maxWritesInFlight = new AtomicInteger();
    volatile CountDownLatch hangs = new CountDownLatch(1);
    volatile CountDownLatch writeGate = new CountDownLatch(0);

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
        this.store = new PanelStore(this::profile, () -> now().toEpochMilli());
        this.sessions = new SessionRoutes(this);
        this.inboundRoutes = new InboundRoutes(this, store);
        this.legacyRoutes = new LegacyRoutes(this, store);
        this.clientsApiRoutes = new ClientsApiRoutes(this, store);
        this.apiTokenRoutes = new ApiTokenRoutes(this);
        if (b.withDefaultInbounds) {
            synchronized (store.lock) {
                InboundSetup.createDefaultInbounds(store);
            }
        }
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
        server.createContext("/", new Dispatcher(this, sessions, inboundRoutes, legacyRoutes, clientsApiRoutes)::handle);
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

    /** How many API tokens were created through the settings page's route (v3.0.2+). */
    public int createdApiTokens() {
        return apiTokenRoutes.count();
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
        synchronized (store.lock) {
            this.profile = newProfile;
            store.syncAllRecords(); // the v3.1 migration fills the clients table from every inbound's settings
        }
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
        faults.add(new Dispatcher.FaultRule(fault, new AtomicInteger(times), routeContains));
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
        sessions.expireAll();
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

    /** Wall time the fake has spent answering requests so far (its share of a caller's time). */
    public long handlingNanos() {
        return handlingNanos.get();
    }

    public void clearRequestLog() {
        requestLog.clear();
    }

    /** The stored client map with this email (case-insensitive), exactly as the panel keeps it. */
    public Optional<Map<String, Object>> storedClient(String email) {
        synchronized (store.lock) {
            for (PanelStore.Inbound in : store.inbounds.values()) {
                for (JsonNode c : in.clients()) {
                    if (c.path("email").asText("").equalsIgnoreCase(email)) return Optional.of(toMap(c));
                }
            }
            return Optional.empty();
        }
    }

    public List<Map<String, Object>> storedClients(int inboundId) {
        synchronized (store.lock) {
            PanelStore.Inbound in = store.inbounds.get(inboundId);
            if (in == null) return List.of();
            List<Map<String, Object>> out = new ArrayList<>();
            in.clients().forEach(c -> out.add(toMap(c)));
            return out;
        }
    }

    /**
     * Fills an inbound with {@code count} VLESS clients (emails {@code seed-<n>@bench}) as if they
     * had been added over time: settings, traffic rows and, from v3.1, client records. For
     * benchmarks that need a full inbound without adding it one client at a time.
     */
    public void seedClients(int inboundId, int count) {
        synchronized (store.lock) {
            PanelStore.Inbound in = store.inbounds.get(inboundId);
            long now = store.now();
            for (int i = 0; i < count; i++) {
                com.fasterxml.jackson.databind.node.ObjectNode c = Exchange.NODES.objectNode();
                c.put("id", java.util.UUID.randomUUID().toString());
                c.put("flow", "xtls-rprx-vision");
                c.put("email", "seed-" + i + "@bench");
                c.put("limitIp", 2);
                c.put("totalGB", 0);
                c.put("expiryTime", now + 30L * 86_400_000L);
                c.put("enable", true);
                c.put("tgId", 1000 + i);
                c.put("subId", "seed" + i + "sub");
                c.put("comment", "");
                c.put("reset", 0);
                in.clientArray().add(c);
                store.upsertTraffic(in.id, c);
            }
            store.syncRecords(in);
        }
    }

    public int clientCount(int inboundId) {
        return storedClients(inboundId).size();
    }

    /** The traffic row (client_traffics) of an email. */
    public Optional<Map<String, Object>> traffic(String email) {
        synchronized (store.lock) {
            PanelStore.Traffic t = store.traffics.get(email.toLowerCase(Locale.ROOT));
            return t == null ? Optional.empty() : Optional.of(toMap(t.toJson(store.clientByEmail(email))));
        }
    }

    public List<Integer> inboundIds() {
        synchronized (store.lock) {
            return List.copyOf(store.inbounds.keySet());
        }
    }

    /** The inbound as the list route shows it in this profile, as a map. */
    public Map<String, Object> inbound(int id) {
        synchronized (store.lock) {
            PanelStore.Inbound in = store.inbounds.get(id);
            if (in == null) throw new IllegalArgumentException("no inbound " + id);
            return toMap(in.toJson());
        }
    }

    /** The Reality public key of an inbound (what a vless link must carry as pbk). */
    public String realityPublicKey(int inboundId) {
        synchronized (store.lock) {
            return store.inbounds.get(inboundId).stream.path("realitySettings").path("settings").path("publicKey").asText();
        }
    }

    // === test hooks =========================================================================

    /** Stores a client map verbatim (e.g. with {@code "tgId": ""} as old panels did) and its traffic row. */
    public void putClient(int inboundId, Map<String, Object> client) {
        synchronized (store.lock) {
            PanelStore.Inbound in = requireInbound(inboundId);
            ObjectNode c = JSON.valueToTree(client);
            in.settings.withArray("clients").add(c);
            store.upsertTraffic(in.id, c);
            store.syncRecords(in);
        }
    }

    /**
     * The inbound's stored settings become this text (null restores them), as after a hand edit of
     * the panel's database; panels before v3.1 serve the stored text as it is.
     */
    public void breakSettings(int inboundId, String text) {
        synchronized (store.lock) {
            requireInbound(inboundId).brokenSettings = text;
        }
    }

    /** Changes one field of a stored client in place, as an admin in the panel's UI would. */
    public void editClient(String email, String field, Object value) {
        synchronized (store.lock) {
            for (PanelStore.Inbound in : store.inbounds.values()) {
                for (JsonNode c : in.clients()) {
                    if (c.path("email").asText("").equalsIgnoreCase(email)) {
                        ((ObjectNode) c).set(field, JSON.valueToTree(value));
                        store.syncRecords(in);
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("no client " + email);
        }
    }

    /**
     * An admin's edit through the panel's own client form: the client's field changes and, as the
     * update route does in the same transaction, its traffic row takes the client's enable, total,
     * expiry_time and reset (MHSanaei/3x-ui@v2.8.11:web/service/inbound.go#L865-L884, #L1340-L1352;
     * v3.1+ also its record). {@link #editClient} instead changes the stored settings alone.
     */
    public void editClientAsAdmin(String email, String field, Object value) {
        synchronized (store.lock) {
            editClient(email, field, value);
            PanelStore.Inbound in = store.inboundOf(email);
            store.upsertTraffic(in.id, store.clientByEmail(email));
        }
    }

    /** The client's traffic row goes (the client stays), as after a hand edit of the panel's database. */
    public void dropTraffic(String email) {
        synchronized (store.lock) {
            store.traffics.remove(email.toLowerCase(Locale.ROOT));
        }
    }

    /** Removes a client behind the adapter's back, as an admin or a cleanup job would. */
    public void removeClient(String email) {
        synchronized (store.lock) {
            for (PanelStore.Inbound in : store.inbounds.values()) {
                ArrayNode clients = in.settings.withArray("clients");
                for (int i = 0; i < clients.size(); i++) {
                    if (clients.get(i).path("email").asText("").equalsIgnoreCase(email)) clients.remove(i--);
                }
            }
            store.traffics.remove(email.toLowerCase(Locale.ROOT));
            store.records.remove(email.toLowerCase(Locale.ROOT));
        }
    }

    public void setTraffic(String email, long up, long down) {
        synchronized (store.lock) {
            PanelStore.Traffic t = store.traffics.get(email.toLowerCase(Locale.ROOT));
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
        store.trafficTick();
    }

    /** Adds an inbound (VLESS over the given transport and security) with no clients; returns its id. */
    public int addVlessInbound(int port, String remark, String network, String security) {
        synchronized (store.lock) {
            ObjectNode stream = InboundSetup.streamSettings(network, security, null);
            ObjectNode settings = NODES.objectNode();
            settings.putArray("clients");
            settings.put("decryption", "none");
            settings.put("encryption", "none");
            settings.putArray("fallbacks");
            return store.createInbound(remark, port, "vless", "", settings, stream, InboundSetup.defaultSniffing()).id;
        }
    }

    /** Adds a trojan inbound (for "inbound is not VLESS" checks). */
    public int addTrojanInbound(int port, String remark) {
        synchronized (store.lock) {
            ObjectNode settings = NODES.objectNode();
            ArrayNode clients = settings.putArray("clients");
            ObjectNode c = clients.addObject();
            c.put("password", "trojan-secret");
            c.put("email", "trojan-user-" + port);
            c.put("enable", true);
            return store.createInbound(remark, port, "trojan", "", settings, InboundSetup.streamSettings("tcp", "tls", null), InboundSetup.defaultSniffing()).id;
        }
    }


    // === v3.1+ clients table and duplicates ===================================================

    /** How many clients with this email (case-insensitive) exist across all inbounds' settings. */
    public int copiesOf(String email) {
        synchronized (store.lock) {
            return store.copiesOf(email);
        }
    }

    /** The clients-table row (ClientRecord as get/:email shows it) on v3.1+ profiles; empty before v3.1 or when absent. */
    public Optional<Map<String, Object>> clientRecord(String email) {
        synchronized (store.lock) {
            if (!profile.hasClientsApi()) return Optional.empty();
            PanelStore.Record r = store.records.get(email.toLowerCase(Locale.ROOT));
            return r == null ? Optional.empty() : Optional.of(toMap(r.toJson(profile)));
        }
    }

    /** Every settings copy of this email, in inbound order (a dup-on-retry shows as two maps). */
    public List<Map<String, Object>> storedCopies(String email) {
        synchronized (store.lock) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (PanelStore.Inbound in : store.inbounds.values()) {
                for (JsonNode c : in.clients()) {
                    if (c.path("email").asText("").equalsIgnoreCase(email)) out.add(toMap(c));
                }
            }
            return out;
        }
    }

    // === package-private, for the route classes ===============================================

    String twoFactorCode() {
        return twoFactorCode;
    }

    Duration sessionTtl() {
        return sessionTtl;
    }

    /** The pause between read and write-back of a race-mode change: another writer's change lands in it. */
    void raceWindow() {
        sleep(30);
    }

    private PanelStore.Inbound requireInbound(int id) {
        PanelStore.Inbound in = store.inbounds.get(id);
        if (in == null) throw new IllegalArgumentException("no inbound " + id);
        return in;
    }

    private static Map<String, Object> toMap(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(node, Map.class);
        return Collections.unmodifiableMap(map);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
