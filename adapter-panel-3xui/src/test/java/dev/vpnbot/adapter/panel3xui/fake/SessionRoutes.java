package dev.vpnbot.adapter.panel3xui.fake;

import static dev.vpnbot.adapter.panel3xui.fake.Exchange.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Login, the session cookie, CSRF tokens, the v3 login limiter, Bearer tokens and the API auth gate. */
final class SessionRoutes {

    static final String COOKIE = "3x-ui"; // MHSanaei/3x-ui@v2.8.11:web/web.go#L206-L216
    private static final Duration LIMITER_WINDOW = Duration.ofMinutes(5);
    private static final Duration LIMITER_BLOCK = Duration.ofMinutes(15);
    private static final int LIMITER_FAILURES = 5;

    private final FakeThreeXuiPanel panel;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> loginFailures = new HashMap<>();
    private final Map<String, Instant> blockedUntil = new HashMap<>();

    SessionRoutes(FakeThreeXuiPanel panel) {
        this.panel = panel;
    }

    static final class Session {
        final String id;
        volatile boolean loggedIn;
        volatile String csrf;
        volatile Instant expiresAt;

        Session(String id) {
            this.id = id;
        }
    }

    void expireAll() {
        sessions.clear();
    }

    Session session(Exchange r) {
        String id = r.cookie(COOKIE);
        if (id == null) return null;
        Session s = sessions.get(id);
        if (s == null) return null;
        if (s.expiresAt != null && !s.expiresAt.isAfter(panel.now())) {
            sessions.remove(s.id);
            return null;
        }
        return s;
    }

    // MHSanaei/3x-ui@v3.0.2:web/controller/index.go#L152-L159 — {"success":true,"obj":token}: no msg key
    void csrfToken(Exchange r) throws IOException {
        Session s = session(r);
        if (s == null) {
            s = newSession();
            setCookie(r, s);
        }
        if (s.csrf == null) s.csrf = randomHex(16);
        ObjectNode body = NODES.objectNode();
        body.put("success", true);
        body.put("obj", s.csrf);
        r.json(200, body);
    }

    // MHSanaei/3x-ui@v2.4.11:web/controller/index.go#L50-L96 (loginSecret; "X Successfully")
    // MHSanaei/3x-ui@v2.8.11:web/controller/index.go#L60-L100 (twoFactorCode)
    // MHSanaei/3x-ui@v3.0.2:web/controller/index.go#L44 (CSRF middleware on the login POST), #L79-L113 (limiter)
    void login(Exchange r) throws IOException {
        Profile p = panel.profile();
        if (p.isV3() && !csrfOk(r)) {
            r.empty(403); // before credentials are even looked at
            return;
        }
        panel.loginAttempts.incrementAndGet();
        String user = r.field("username");
        String pass = r.field("password");
        if (user.isEmpty()) {
            r.fail("Username is required"); // pureJsonMsg: the toast alone
            return;
        }
        if (pass.isEmpty()) {
            r.fail("Password is required");
            return;
        }
        String limiterKey = r.x.getRemoteAddress().getAddress().getHostAddress() + "|" + user;
        Instant now = panel.now();
        synchronized (loginFailures) {
            Instant blocked = blockedUntil.get(limiterKey);
            if (p.isV3() && blocked != null && blocked.isAfter(now)) {
                r.fail(p.wrongLogin()); // a blocked caller sees the ordinary wrong-password answer, HTTP 200
                return;
            }
        }
        String code = panel.twoFactorCode();
        String secondFactor = r.field(p == Profile.V2_4 ? "loginSecret" : "twoFactorCode");
        boolean ok = user.equals(panel.username()) && pass.equals(panel.password()) && (code == null || code.equals(secondFactor));
        if (!ok) {
            if (p.isV3()) recordFailure(limiterKey, now);
            r.fail(p.wrongLogin());
            return;
        }
        synchronized (loginFailures) {
            loginFailures.remove(limiterKey);
        }
        Session s = p.isV3() ? session(r) : null; // v3 keeps the session that holds the CSRF token
        if (s == null) s = newSession();
        s.loggedIn = true;
        s.expiresAt = now.plus(panel.sessionTtl());
        setCookie(r, s);
        panel.successfulLogins.incrementAndGet();
        r.ok(p.loginSuccess(), null);
    }

    // MHSanaei/3x-ui@v3.0.2:web/service/login_limiter.go#L9-L15: 5 failures in 5 min per (IP, user) → 15 min
    private void recordFailure(String key, Instant now) {
        synchronized (loginFailures) {
            Deque<Instant> failures = loginFailures.computeIfAbsent(key, k -> new ArrayDeque<>());
            failures.addLast(now);
            while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(LIMITER_WINDOW))) failures.pollFirst();
            if (failures.size() >= LIMITER_FAILURES) {
                blockedUntil.put(key, now.plus(LIMITER_BLOCK));
                failures.clear();
            }
        }
    }

    void logout(Exchange r) throws IOException {
        Profile p = panel.profile();
        if (p.isV3() && !r.is("POST")) {
            r.empty(404);
            return;
        }
        if (p.isV3() && !csrfOk(r)) {
            r.empty(403);
            return;
        }
        Session s = session(r);
        if (s != null) sessions.remove(s.id);
        r.ok("", null);
    }

    /**
     * The /panel/api gate; true when the call may go on. Answers per version:
     * v2.4.11:web/controller/base.go#L15-L26 (XHR → 401 JSON, else 307 to the base path);
     * v2.8.11:web/controller/api.go#L27-L35 (bare 404);
     * v3.0.2:web/controller/api.go#L46-L53, v3.1.0 same (XHR → bare 401, else bare 404).
     * v3 cookie callers must send the CSRF token on unsafe methods (v3.0.2:web/middleware/security.go#L41-L62);
     * Bearer callers skip it (v3.0.2:web/controller/api.go#L33-L45).
     */
    boolean apiAuthorised(Exchange r) throws IOException {
        Profile p = panel.profile();
        String token = panel.apiToken();
        String auth = r.header("Authorization");
        String presented = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : "";
        boolean bearer = p.isV3() && (token != null && token.equals(presented) || panel.apiTokenRoutes.matches(presented));
        Session s = session(r);
        if (!bearer && (s == null || !s.loggedIn)) {
            if (p.redirectsUnauthenticated()) refuseLikeCheckLogin(r);
            else if (p.isV3()) r.empty(r.xhr() ? 401 : 404);
            else r.empty(404);
            return false;
        }
        if (p.isV3() && !bearer && !safeMethod(r) && !csrfOk(r)) {
            r.empty(403);
            return false;
        }
        return true;
    }

    /** Pages outside /panel/api keep checkLogin: a redirect, or 401 JSON for XHR. */
    boolean uiAuthorised(Exchange r) throws IOException {
        Session s = session(r);
        if (s != null && s.loggedIn) {
            if (panel.profile().isV3() && r.is("POST") && !csrfOk(r)) {
                r.empty(403);
                return false;
            }
            return true;
        }
        refuseLikeCheckLogin(r);
        return false;
    }

    private void refuseLikeCheckLogin(Exchange r) throws IOException {
        if (r.xhr()) r.json(401, Exchange.envelopeNode(false, "Your session has expired, please log in again", null));
        else r.redirect(307, panel.basePath());
    }

    private static boolean safeMethod(Exchange r) {
        return r.is("GET") || r.is("HEAD") || r.is("OPTIONS") || r.is("TRACE");
    }

    private boolean csrfOk(Exchange r) {
        Session s = session(r);
        if (s == null || s.csrf == null) return false;
        String sent = r.header("X-CSRF-Token");
        if (sent == null) sent = r.field("_csrf");
        return s.csrf.equals(sent);
    }

    private Session newSession() {
        Session s = new Session(randomHex(24));
        s.expiresAt = panel.now().plus(panel.sessionTtl());
        sessions.put(s.id, s);
        return s;
    }

    private void setCookie(Exchange r, Session s) {
        String path = panel.profile().isV3() ? panel.basePath() : "/";
        r.x.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + s.id + "; Path=" + path + "; Max-Age="
                + panel.sessionTtl().toSeconds() + "; HttpOnly; SameSite=Lax");
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
