package dev.vpnbot.adapter.panel3xui.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Every request's way in: host and base-path checks, the auth gate, injected faults, write bookkeeping, then the routes. */
final class Dispatcher {

    private final FakeThreeXuiPanel panel;
    private final SessionRoutes sessions;
    private final InboundRoutes inboundRoutes;
    private final LegacyRoutes legacyRoutes;
    private final ClientsApiRoutes clientsApiRoutes;

    Dispatcher(FakeThreeXuiPanel panel, SessionRoutes sessions, InboundRoutes inboundRoutes, LegacyRoutes legacyRoutes,
               ClientsApiRoutes clientsApiRoutes) {
        this.panel = panel;
        this.sessions = sessions;
        this.inboundRoutes = inboundRoutes;
        this.legacyRoutes = legacyRoutes;
        this.clientsApiRoutes = clientsApiRoutes;
    }


    void handle(HttpExchange x) {
        long started = System.nanoTime();
        try {
            Exchange r = new Exchange(x, panel.basePath());
            panel.requestLog.add(r.method + " " + r.route);
            if (panel.redirectToHttps) {
                r.redirect(307, "https://" + r.header("Host") + x.getRequestURI());
                return;
            }
            if (panel.webDomain != null) {
                String host = Optional.ofNullable(r.header("Host")).orElse("").replaceAll(":\\d+$", "");
                if (!host.equalsIgnoreCase(panel.webDomain)) {
                    r.empty(403);
                    return;
                }
            }
            if (!r.underBase) {
                r.empty(404); // RedirectMiddleware + engine.Group(basePath): nothing outside it
                return;
            }
            route(r);
        } catch (Hang h) {
            // the client gave up long ago; nothing to answer
        } catch (RuntimeException | IOException e) {
            try {
                x.sendResponseHeaders(500, -1); // gin's Recovery: a panic becomes an empty 500
            } catch (IOException | RuntimeException ignored) {
                // connection gone
            }
        } finally {
            x.close();
            panel.handlingNanos.addAndGet(System.nanoTime() - started);
        }
    }

    private void route(Exchange r) throws IOException {
        String route = r.route;
        if (route.isEmpty() && r.is("GET")) {
            r.html("<html><body>3x-ui login</body></html>");
        } else if (route.equals("csrf-token") && r.is("GET") && panel.profile().isV3()) {
            sessions.csrfToken(r);
        } else if (route.equals("login") && r.is("POST")) {
            sessions.login(r);
        } else if (route.equals("logout")) {
            sessions.logout(r);
        } else if (route.startsWith("panel/api/")) {
            api(r, route.substring("panel/api/".length()));
        } else if (!panel.apiTokenRoutes.handleUi(r, sessions) && !inboundRoutes.handleUi(r, sessions)) {
            r.empty(404); // engine.NoRoute → AbortWithStatus(404) (MHSanaei/3x-ui@v3.1.0:web/web.go#L247-L250)
        }
    }

    private void api(Exchange r, String route) throws IOException {
        if (!sessions.apiAuthorised(r)) return;
        if (applyFault(r, route)) return;
        if (panel.apiTokenRoutes.handleApi(r, route)) return;
        boolean write = r.is("POST") && isWriteRoute(route);
        AtomicBoolean left = new AtomicBoolean();
        Runnable leaveWrite = () -> {
            if (left.compareAndSet(false, true)) panel.writesInFlight.decrementAndGet();
        };
        if (write) {
            enterWrite();
            r.beforeReply(leaveWrite);
        }
        try {
            String[] seg = route.split("/", -1);
            if (inboundRoutes.handle(r, seg)) return;
            if (legacyRoutes.handle(r, seg)) return;
            if (clientsApiRoutes.handle(r, seg)) return;
            r.empty(404); // unknown route or wrong method, e.g. /inbounds/addClient from v3.1
        } finally {
            if (write) leaveWrite.run(); // an answer that never went out
        }
    }

    private static boolean isWriteRoute(String route) {
        return route.contains("add") || route.contains("update") || route.contains("del") || route.contains("reset");
    }

    private void enterWrite() {
        try {
            panel.writeGate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int now = panel.writesInFlight.incrementAndGet();
        panel.maxWritesInFlight.accumulateAndGet(now, Math::max);
        Duration latency = panel.writeLatency;
        if (!latency.isZero()) FakeThreeXuiPanel.sleep(latency.toMillis());
    }

    private boolean applyFault(Exchange r, String route) throws IOException {
        for (FaultRule rule : panel.faults) {
            if (!route.contains(rule.routeContains)) continue;
            if (rule.fault == FakeThreeXuiPanel.Fault.DATABASE_LOCKED && !r.is("POST")) continue;
            if (rule.remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) <= 0) continue;
            switch (rule.fault) {
                case HTTP_500 -> r.empty(500);
                case DATABASE_LOCKED -> r.fail(panel.profile().failed("somethingWentWrong", "database is locked"));
                case HANG -> {
                    try {
                        panel.hangs.await(60, TimeUnit.SECONDS);
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

    record FaultRule(FakeThreeXuiPanel.Fault fault, AtomicInteger remaining, String routeContains) {}

    static final class Hang extends RuntimeException {
        Hang() {
            super(null, null, false, false);
        }
    }

}
