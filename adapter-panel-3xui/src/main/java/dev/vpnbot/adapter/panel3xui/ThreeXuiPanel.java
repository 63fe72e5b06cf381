package dev.vpnbot.adapter.panel3xui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.inbound.ShareLinks;
import dev.vpnbot.adapter.panel3xui.inbound.StoredClient;
import dev.vpnbot.adapter.panel3xui.inbound.StoredInbound;
import dev.vpnbot.adapter.panel3xui.session.ApiGeneration;
import dev.vpnbot.adapter.panel3xui.session.Envelope;
import dev.vpnbot.adapter.panel3xui.session.PanelApi;
import dev.vpnbot.adapter.panel3xui.session.PanelMessages;
import dev.vpnbot.adapter.panel3xui.session.PanelSession;
import dev.vpnbot.adapter.panel3xui.session.WriteQueue;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelClientState;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.PanelException.Kind;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.model.panel.PanelSubscription;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter: the {@link VpnPanel} and {@link PanelInspection} ports over the 3x-ui HTTP API, for
 * all three API generations (legacy v1–v2.9, v3.0 with CSRF, v3.1+ clients API).
 *
 * <p>One HTTP client and session per server, rebuilt when the server's connection settings
 * change. Every change to a panel goes through that panel's single writer; a client is always
 * updated by read-modify-write of its full stored map, because the panel replaces a client
 * instead of merging (an update that forgets {@code flow} breaks Vision keys).
 *
 * <p>Expiry read from a panel: {@code expiryTime} 0 (never) and negative values (counting starts
 * on first use) are not instants, so {@link PanelClientState#expiresAt()} is null for them.
 */
public final class ThreeXuiPanel implements VpnPanel, PanelInspection, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ThreeXuiPanel.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ThreeXuiSettings settings;
    private final Clock clock;
    private final PanelWriteLock writeLock;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final OkHttpClient base = new OkHttpClient();
    private final Map<ServerId, PanelSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong inspections = new AtomicLong();

    /** @param writeLock held around every write to a panel, for bots that run as several instances */
    public ThreeXuiPanel(ThreeXuiSettings settings, Clock clock, PanelWriteLock writeLock) {
        this.settings = settings;
        this.clock = clock;
        this.writeLock = writeLock;
    }

    /** A bot that runs as a single instance. */
    public ThreeXuiPanel(ThreeXuiSettings settings, Clock clock) {
        this(settings, clock, PanelWriteLock.singleInstance());
    }

    public ThreeXuiPanel() {
        this(ThreeXuiSettings.defaults(), Clock.systemUTC());
    }

    // --- VpnPanel ----------------------------------------------------------------------------

    @Override
    public PanelRepair repairClient(Server server, NewPanelClient client) {
        PanelSession s = session(server);
        return s.withGeneration(generation -> {
            StoredInbound inbound = vlessInbound(s, server.inboundId());
            ClientSync sync = new ClientSync(s, ClientRoutes.of(generation, s), server.inboundId());
            ObjectNode wanted = newClient(client, inbound.carriesVisionFlow());
            ClientSync.Synced synced = s.writes().runGrouped(server.inboundId(), wanted,
                    (List<WriteQueue.Pending<ObjectNode>> batch) -> sync.syncAll(batch));
            if (!synced.fixes().isEmpty()) {
                log.info("panel {}: client {} is on inbound {} until {} ({})", s.name(), client.id().email(),
                        server.inboundId(), client.expiresAt(), synced.fixes());
            }
            return new PanelRepair(links(s, inbound, synced.client()), synced.fixes());
        });
    }

    @Override
    public void setExpiry(Server server, PanelClientId client, Instant expiresAt) {
        long millis = expiresAt.toEpochMilli();
        change(server, client, "set the expiry of", c -> c.withExpiry(millis).withEnabled(true),
                c -> c.expiryTime() == millis && c.enabled());
    }

    @Override
    public void setEnabled(Server server, PanelClientId client, boolean enabled) {
        change(server, client, enabled ? "switch on" : "switch off", c -> c.withEnabled(enabled), c -> c.enabled() == enabled);
    }

    @Override
    public Optional<PanelClientState> findClient(Server server, PanelClientId client) {
        PanelSession s = session(server);
        return s.withGeneration(generation -> ClientRoutes.of(generation, s).find(server.inboundId(), client.email())
                .filter(found -> found.client().isOurs(client.uuid()))
                .map(found -> state(client, found)));
    }

    @Override
    public void deleteClient(Server server, PanelClientId client) {
        PanelSession s = session(server);
        s.withGeneration(generation -> s.writes().run(() -> {
            new ClientSync(s, ClientRoutes.of(generation, s), server.inboundId()).delete(client.email(), client.uuid());
            return null;
        }));
    }

    @Override
    public KeyLinks links(Server server, PanelClientId client) {
        PanelSession s = session(server);
        return s.withGeneration(generation -> {
            StoredInbound inbound = vlessInbound(s, server.inboundId());
            StoredClient stored = ClientRoutes.of(generation, s).find(server.inboundId(), client.email())
                    .map(ClientRoutes.Found::client)
                    .orElseThrow(() -> notFound(s, client));
            requireOurs(s, stored, client);
            return links(s, inbound, stored);
        });
    }

    // --- PanelInspection ------------------------------------------------------------------------

    @Override
    public PanelProbe probe(PanelConnection connection) {
        return probe(connection, null);
    }

    @Override
    public PanelProbe probe(PanelConnection connection, int inboundId) {
        return probe(connection, Integer.valueOf(inboundId));
    }

    private PanelProbe probe(PanelConnection connection, Integer inboundId) {
        return withInspectionSession(connection, s -> {
            boolean authenticated = false;
            String xray = null;
            List<PanelInbound> inbounds = List.of();
            PanelSubscription subscription = null;
            PanelProbe.Problem problem = null;
            try {
                s.generation();
                authenticated = true;
                inbounds = s.inbounds().stream().map(StoredInbound::summary).toList();
                subscription = s.subscription();
                xray = xrayVersion(s);
                if (inboundId != null) {
                    PanelInbound target = inbounds.stream().filter(i -> i.id() == inboundId).findFirst()
                            .orElseThrow(() -> new PanelException(Kind.INBOUND_NOT_FOUND, "panel has no inbound " + inboundId));
                    if (!target.isVless()) {
                        throw new PanelException(Kind.INBOUND_NOT_FOUND, "inbound " + inboundId + " is "
                                + target.protocol() + "; keys need a VLESS inbound");
                    }
                }
            } catch (PanelException e) {
                problem = new PanelProbe.Problem(e.kind(), e.getMessage());
            }
            return new PanelProbe(ApiGeneration.describe(s.knownGeneration()), xray, authenticated, s.certificate().orElse(null), inbounds,
                    subscription, problem);
        });
    }

    @Override
    public List<PanelInbound> listInbounds(PanelConnection connection) {
        return withInspectionSession(connection, s -> s.inbounds().stream().map(StoredInbound::summary).toList());
    }

    @Override
    public PanelInbound createRealityInbound(PanelConnection connection, RealityInboundRequest request) {
        return withInspectionSession(connection, s -> {
            ApiGeneration generation = s.generation();
            RealityKeys keys = realityKeys(s);
            ObjectNode body = realityInbound(request, keys, generation);
            StoredInbound created = s.writes().run(() -> {
                Envelope e = s.call(a -> a.addInbound(body));
                if (!e.success()) {
                    if (e.says(PanelMessages.PORT_EXISTS)) {
                        throw new PanelException(Kind.REJECTED, "port " + request.port() + " is already used by another inbound on this panel");
                    }
                    throw new PanelException(Kind.REJECTED, "panel refused the new inbound: " + e.shortMsg());
                }
                return e.obj().isObject() ? StoredInbound.parse(e.obj(), json) : null;
            });
            if (created != null) return created.summary();
            return s.inbounds().stream().filter(i -> i.port() == request.port()).findFirst().map(StoredInbound::summary)
                    .orElseThrow(() -> new PanelException(Kind.REJECTED, "the panel said the inbound was created but does not list it"));
        });
    }

    // --- writes -----------------------------------------------------------------------------

    private void change(Server server, PanelClientId client, String what, UnaryOperator<StoredClient> edit,
                        Predicate<StoredClient> done) {
        PanelSession s = session(server);
        s.withGeneration(generation -> s.writes().run(() -> {
            new ClientSync(s, ClientRoutes.of(generation, s), server.inboundId()).change(client.email(), client.uuid(), what, edit, done);
            return null;
        }));
    }

    // --- pieces -----------------------------------------------------------------------------

    private ObjectNode newClient(NewPanelClient c, boolean vision) {
        ObjectNode n = json.createObjectNode();
        n.put("id", c.id().uuid().toString());
        n.put("flow", vision ? PanelInbound.VISION_FLOW : "");
        n.put("email", c.id().email());
        n.put("limitIp", c.limitIp());
        n.put("totalGB", c.totalBytes()); // bytes, despite the name
        n.put("expiryTime", c.expiresAt().toEpochMilli());
        n.put("enable", true);
        n.put("tgId", c.telegramId()); // a number: v3.5+ rejects a string
        n.put("subId", c.id().subId());
        n.put("comment", "");
        n.put("reset", 0);
        return n;
    }

    private StoredInbound vlessInbound(PanelSession s, int inboundId) {
        StoredInbound inbound = s.inbound(inboundId);
        if (!inbound.protocol().equals("vless")) {
            throw new PanelException(Kind.INBOUND_NOT_FOUND, "inbound " + inboundId + " on panel " + s.name() + " is "
                    + inbound.protocol() + "; keys need a VLESS inbound");
        }
        return inbound;
    }

    private KeyLinks links(PanelSession s, StoredInbound inbound, StoredClient client) {
        String vless = ShareLinks.vless(inbound, client, s.host(), s.remarkModel());
        String subId = client.subId();
        String subscription = subId.isEmpty() ? null : ShareLinks.subscriptionUrl(s.subscription(), s.host(), subId);
        return new KeyLinks(subscription, vless);
    }

    private PanelClientState state(PanelClientId asked, ClientRoutes.Found found) {
        StoredClient c = found.client();
        JsonNode traffic = found.traffic();
        long up = traffic == null ? 0 : StoredClient.number(traffic.get("up"));
        long down = traffic == null ? 0 : StoredClient.number(traffic.get("down"));
        long total = c.totalGB() != 0 || traffic == null ? c.totalGB() : StoredClient.number(traffic.get("total"));
        long expiry = c.expiryTime();
        PanelClientId id;
        try {
            id = new PanelClientId(asked.uuid(), c.email(), c.subId());
        } catch (IllegalArgumentException e) {
            id = asked; // the panel holds an empty or odd subId: report our identity
        }
        return new PanelClientState(id, expiry > 0 ? Instant.ofEpochMilli(expiry) : null, c.enabled(), up, down, total, c.flow());
    }

    private static void requireOurs(PanelSession s, StoredClient stored, PanelClientId client) {
        if (!stored.isOurs(client.uuid())) {
            throw new PanelException(Kind.DUPLICATE_EMAIL, "client " + client.email() + " on panel " + s.name()
                    + " has UUID " + stored.id() + ", not ours (" + client.uuid() + "): left alone");
        }
    }

    private static PanelException notFound(PanelSession s, PanelClientId client) {
        return new PanelException(Kind.CLIENT_NOT_FOUND, "panel " + s.name() + " has no client " + client.email());
    }

    private String xrayVersion(PanelSession s) {
        Optional<Envelope> status = s.callIfExists(PanelApi::status);
        if (status.isEmpty()) status = s.callIfExists(PanelApi::statusLegacy);
        return status.filter(Envelope::success).map(e -> e.obj().path("xray").path("version").asText(""))
                .filter(v -> !v.isBlank()).orElse(null);
    }

    private RealityKeys realityKeys(PanelSession s) {
        for (Function<PanelApi, retrofit2.Call<okhttp3.ResponseBody>> route :
                List.<Function<PanelApi, retrofit2.Call<okhttp3.ResponseBody>>>of(PanelApi::newX25519, PanelApi::newX25519Legacy)) {
            Optional<Envelope> e = s.callIfExists(route);
            if (e.isPresent() && e.get().success()) {
                String priv = e.get().obj().path("privateKey").asText("");
                String pub = e.get().obj().path("publicKey").asText("");
                if (!priv.isBlank() && !pub.isBlank()) return new RealityKeys(priv.trim(), pub.trim());
            }
        }
        log.info("panel {} has no Reality key generator: generating the key pair here", s.name());
        return RealityKeys.generateLocally();
    }

    private ObjectNode realityInbound(RealityInboundRequest request, RealityKeys keys, ApiGeneration generation) {
        ObjectNode settingsNode = json.createObjectNode();
        settingsNode.putArray("clients");
        settingsNode.put("decryption", "none");
        if (generation != ApiGeneration.LEGACY) settingsNode.put("encryption", "none");
        settingsNode.putArray("fallbacks");

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

        ObjectNode sniffing = json.createObjectNode();
        sniffing.put("enabled", true);
        sniffing.putArray("destOverride").add("http").add("tls").add("quic").add("fakedns");
        sniffing.put("metadataOnly", false);
        sniffing.put("routeOnly", false);

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
        body.put("settings", text(settingsNode)); // JSON text: every version accepts it
        body.put("streamSettings", text(stream));
        body.put("sniffing", text(sniffing));
        return body;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- sessions ---------------------------------------------------------------------------

    private PanelSession session(Server server) {
        return sessions.compute(server.id(), (id, existing) -> {
            if (existing != null && existing.connection().equals(server.connection())) return existing;
            if (existing != null) {
                log.info("panel of server {}: connection settings changed, reconnecting", id);
                existing.close();
            }
            return new PanelSession("server-" + id, server.connection(), settings, base, json, clock, writeLock);
        });
    }

    /** A cached session with the same connection if a server uses it, else a throwaway one. */
    private <T> T withInspectionSession(PanelConnection connection, Function<PanelSession, T> work) {
        for (PanelSession s : new ArrayList<>(sessions.values())) {
            if (s.connection().equals(connection)) return work.apply(s);
        }
        try (PanelSession s = new PanelSession("probe-" + inspections.incrementAndGet(), connection, settings, base, json, clock, writeLock)) {
            return work.apply(s);
        }
    }

    @Override
    public void close() {
        sessions.values().forEach(PanelSession::close);
        sessions.clear();
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }
}
