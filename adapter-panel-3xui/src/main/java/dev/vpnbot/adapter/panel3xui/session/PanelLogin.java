package dev.vpnbot.adapter.panel3xui.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, and reopens, the session with one panel and finds out which API generation it
 * speaks; one at a time per panel. Logging in once and reusing the cookie is the rule.
 *
 * <p>A refused login is tried again after a short pause that doubles with every refusal in a row,
 * up to {@link SessionSettings#loginCooldown()}: 3x-ui answers a busy database ("database is
 * locked") like wrong credentials, and such a hiccup must not park a panel for minutes. Never
 * more than {@link #REFUSALS_PER_WINDOW} refused logins fall within {@link #LIMITER_WINDOW}, so
 * v3's limiter (5 failures in 5 minutes block the user for 15) is never reached.
 */
final class PanelLogin {

    private static final Logger log = LoggerFactory.getLogger(PanelLogin.class);
    private static final String PROBE_EMAIL = "vpnbot-probe";

    /** The first pause after a refused login; doubled with each further refusal in a row. */
    static final Duration FIRST_COOLDOWN = Duration.ofSeconds(5);
    /**
     * 3x-ui v3 blocks a user for 15 minutes after 5 failures in 5 minutes (MHSanaei/3x-ui
     * v3.0.0 web/controller/login_limiter.go; v3.6.0 internal/web/controller/login_limiter.go#L10-L12):
     * we stay one below.
     */
    static final Duration LIMITER_WINDOW = Duration.ofMinutes(5);
    static final int REFUSALS_PER_WINDOW = 4;

    /** The latest refusal, when the next login may be tried, and the refusals in a row so far (newest last). */
    private record LoginRefusal(Instant at, PanelException failure, Instant retryAt, int inARow, List<Instant> recent) {}

    private final String name;
    private final PanelConnection connection;
    private final SessionSettings settings;
    private final Clock clock;
    private final PanelHttp http;
    private final PanelAnswers answers;
    private final Runnable forgetPanelSettings;
    private final ReentrantLock authLock = new ReentrantLock();

    private volatile ApiGeneration generation;
    private volatile ApiGeneration provisional;
    private volatile long authEpoch;
    private volatile LoginRefusal refusal;

    /** @param forgetPanelSettings run on every detection: settings read before may have changed with the panel */
    PanelLogin(String name, PanelConnection connection, SessionSettings settings, Clock clock, PanelHttp http,
               PanelAnswers answers, Runnable forgetPanelSettings) {
        this.name = name;
        this.connection = connection;
        this.settings = settings;
        this.clock = clock;
        this.http = http;
        this.answers = answers;
        this.forgetPanelSettings = forgetPanelSettings;
    }

    /** The detected generation, detecting it (and logging in) first if need be. */
    ApiGeneration generation() {
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
    ApiGeneration knownGeneration() {
        ApiGeneration g = generation;
        return g != null ? g : provisional;
    }

    /** Counts logins, so that of several callers that saw one session expire only the first logs in again. */
    long epoch() {
        return authEpoch;
    }

    void reauthenticate(long staleEpoch) {
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

    /** Detects again after a route went missing; throws when the panel now speaks another generation. */
    void redetect(ApiGeneration used) {
        authLock.lock();
        try {
            if (generation == used) detect();
        } finally {
            authLock.unlock();
        }
        ApiGeneration now = generation;
        if (now != null && now != used) throw new PanelSession.GenerationChanged(used, now);
    }

    // --- detection ---------------------------------------------------------------------------

    /** §6.4 of the research notes: csrf-token tells v3 from v2, a login, an API check, then the clients API. */
    private void detect() {
        forgetSession();
        boolean v3 = probeCsrf();
        provisional = v3 ? ApiGeneration.V3_0 : ApiGeneration.LEGACY;
        logIn(v3);
        checkSession();
        ApiGeneration detected = probeGeneration(v3);
        provisional = detected;
        generation = detected;
        authEpoch++;
        log.info("panel {}: speaks the {} API ({})", name, detected.versions(),
                connection.credentials() instanceof PanelCredentials.ApiToken ? "API token" : "password login");
    }

    private void forgetSession() {
        generation = null;
        http.forgetSession();
        forgetPanelSettings.run();
    }

    /** Whether the panel is v3: only v3 hands out a CSRF token, v2 has no such route. */
    private boolean probeCsrf() {
        Reply csrf = http.send(PanelApi::csrfToken);
        if (csrf.code() == 404) return false;
        if (csrf.code() != 200) throw answers.oddStatus(csrf);
        JsonNode body = answers.parse(csrf).orElse(null);
        if (body == null || !body.path("success").asBoolean(false) || !body.path("obj").isTextual()) {
            throw answers.notAPanel("csrf-token");
        }
        http.csrfToken(body.path("obj").asText());
        return true;
    }

    /** A password login; an API token needs none, but panels before v3 have no tokens. */
    private void logIn(boolean v3) {
        if (connection.credentials() instanceof PanelCredentials.Password p) {
            Reply login = login(p);
            if (login.code() == 404) throw answers.wrongBasePath();
            if (login.code() == 403) {
                throw new PanelException(PanelFault.REJECTED, v3
                        ? "panel " + name + " refused the login's CSRF token (HTTP 403)"
                        : "panel " + name + " answers 403: its webDomain setting only allows its domain name, not this host");
            }
            if (login.code() != 200) throw answers.oddStatus(login);
            acceptLogin(login, v3);
        } else if (!v3) {
            // a v2 panel without tokens, or nothing at this base path at all?
            Reply index = http.send(a -> a.page(connection.baseUrl()));
            if (index.code() == 404) throw answers.wrongBasePath();
            throw new PanelException(PanelFault.UNSUPPORTED_VERSION, "panel " + name
                    + " is older than 3x-ui v3.0 and has no API tokens: connect with username and password");
        }
    }

    /** One API call proves the session (or token) works. */
    private void checkSession() {
        Reply check = http.send(a -> a.inbound(0)); // "record not found" is a fine answer: it proves the session
        if (answers.unauthenticated(check)) {
            if (connection.credentials() instanceof PanelCredentials.ApiToken) {
                throw new PanelException(PanelFault.BAD_CREDENTIALS, "panel " + name + " does not accept the API token");
            }
            throw new PanelException(PanelFault.UNSUPPORTED_VERSION, "panel " + name + " accepted the login but its API answers HTTP "
                    + check.code() + ": the panel is older than 3x-ui v1.7, or a proxy in front of it drops cookies");
        }
        Envelope checked = answers.envelope(check);
        if (!checked.success() && checked.says(PanelMessages.TOKEN_NOT_PERMITTED)) {
            throw new PanelException(PanelFault.BAD_CREDENTIALS, "panel " + name + ": the API token lacks the admin scope");
        }
    }

    /** Among v3 panels, only v3.1+ have the clients API. */
    private ApiGeneration probeGeneration(boolean v3) {
        if (!v3) return ApiGeneration.LEGACY;
        Reply clients = http.send(a -> a.clientV3(PROBE_EMAIL));
        return clients.code() == 200 ? ApiGeneration.CLIENTS_API : ApiGeneration.V3_0;
    }

    // --- login -------------------------------------------------------------------------------

    /** Never more than one refused login per cooldown: v3 locks the user out after five. */
    private Reply login(PanelCredentials.Password p) {
        LoginRefusal last = refusal;
        if (last != null && last.retryAt().isAfter(clock.instant())) {
            throw new PanelException(PanelFault.BAD_CREDENTIALS, last.failure().getMessage()
                    + " (not retried before " + last.retryAt() + ")");
        }
        return http.send(a -> a.login(p.username(), p.password(), p.twoFactorCode()));
    }

    private void acceptLogin(Reply login, boolean v3) {
        Envelope e;
        try {
            e = answers.envelope(login);
        } catch (PanelException notJson) {
            throw answers.notAPanel("login");
        }
        if (!e.success()) {
            PanelException refused = new PanelException(PanelFault.BAD_CREDENTIALS, "panel " + name
                    + " refused the username, password or two-factor code"
                    + (v3 ? " (3x-ui v3 blocks a user for 15 minutes after 5 failed logins)" : ""));
            refusal = refusedAgain(refusal, refused, clock.instant());
            throw refused;
        }
        refusal = null;
    }

    /** The pause doubles per refusal in a row, up to the cooldown, and keeps the limiter's window below its count. */
    private LoginRefusal refusedAgain(LoginRefusal previous, PanelException failure, Instant now) {
        int inARow = previous == null ? 1 : previous.inARow() + 1;
        List<Instant> recent = new ArrayList<>(previous == null ? List.of() : previous.recent());
        recent.add(now);
        if (recent.size() > REFUSALS_PER_WINDOW) recent.remove(0);
        Duration pause = FIRST_COOLDOWN;
        for (int i = 1; i < inARow && pause.compareTo(settings.loginCooldown()) < 0; i++) pause = pause.multipliedBy(2);
        if (pause.compareTo(settings.loginCooldown()) > 0) pause = settings.loginCooldown();
        Instant retryAt = now.plus(pause);
        if (recent.size() == REFUSALS_PER_WINDOW) {
            Instant windowOpens = recent.get(0).plus(LIMITER_WINDOW).plusSeconds(1);
            if (windowOpens.isAfter(retryAt)) retryAt = windowOpens;
        }
        Instant next = retryAt;
        log.warn("panel {} refused the login ({} in a row); next try at {}", name, inARow, next);
        return new LoginRefusal(now, failure, retryAt, inARow, List.copyOf(recent));
    }
}
