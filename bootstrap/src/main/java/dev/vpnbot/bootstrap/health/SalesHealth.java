package dev.vpnbot.bootstrap.health;

import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.domain.server.Server;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a buyer can get a new key at all: some server is switched on and has room. When none
 * is, {@code /healthz} says so (degraded: renewals and deliveries still work, a restart would
 * not help) and {@link #watch()} alerts the admins once, when sales become impossible, and not
 * again until sales were possible in between.
 */
public final class SalesHealth implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SalesHealth.class);

    private final Servers servers;
    private final Notifier notifier;
    /** What the last {@link #watch()} saw; null before the first. */
    private Boolean couldSell;

    public SalesHealth(Servers servers, Notifier notifier) {
        this.servers = servers;
        this.notifier = notifier;
    }

    @Override
    public String name() {
        return "sales";
    }

    @Override
    public Health check() {
        List<Server> all = servers.all();
        return canSell(all) ? Health.up(selling(all)) : Health.degraded(whyNot(all));
    }

    /** Run by the scheduler every minute: alerts the admins on the turn from "can sell" (or start-up) to "cannot". */
    public synchronized void watch() {
        List<Server> all = servers.all();
        boolean now = canSell(all);
        if (!now && !Boolean.FALSE.equals(couldSell)) {
            String why = whyNot(all);
            LOG.warn("{}", why);
            notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.SALES_IMPOSSIBLE, why));
        } else if (now && Boolean.FALSE.equals(couldSell)) {
            LOG.info("sales possible again: {}", selling(all));
        }
        couldSell = now;
    }

    private static boolean canSell(List<Server> all) {
        return all.stream().anyMatch(Server::isOfferedToBuyers);
    }

    private static String selling(List<Server> all) {
        List<Server> open = all.stream().filter(Server::isOfferedToBuyers).toList();
        return open.size() + " server(s) selling, " + open.stream().mapToInt(Server::freeSlots).sum() + " free slot(s)";
    }

    private static String whyNot(List<Server> all) {
        if (all.isEmpty()) return "no server can sell: none has been added (vpnbot server add, or /admin in Telegram)";
        String off = names(all.stream().filter(s -> !s.active()).toList());
        String full = names(all.stream().filter(s -> s.active() && !s.hasRoom()).toList());
        return "no server can sell: " + (off.isEmpty() ? "" : "switched off: " + off + (full.isEmpty() ? "" : "; "))
                + (full.isEmpty() ? "" : "full: " + full);
    }

    private static String names(List<Server> servers) {
        return servers.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }
}
