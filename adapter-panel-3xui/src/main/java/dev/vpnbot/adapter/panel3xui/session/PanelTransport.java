package dev.vpnbot.adapter.panel3xui.session;

import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;

/**
 * Authenticated calls to one panel. A busy database is retried with backoff. An expired
 * session is followed by one re-login (one at a time per panel) and one retry; a route that
 * still answers 404 after a fresh login does not exist in this version, so the generation is
 * detected again, and if the panel was upgraded the caller redoes the operation with the new
 * routes.
 */
final class PanelTransport {

    private static final Logger log = LoggerFactory.getLogger(PanelTransport.class);

    private final String name;
    private final PanelConnection connection;
    private final SessionSettings settings;
    private final PanelHttp http;
    private final PanelAnswers answers;
    private final PanelLogin login;

    PanelTransport(String name, PanelConnection connection, SessionSettings settings, PanelHttp http,
                   PanelAnswers answers, PanelLogin login) {
        this.name = name;
        this.connection = connection;
        this.settings = settings;
        this.http = http;
        this.answers = answers;
        this.login = login;
    }

    Envelope call(Function<PanelApi, Call<ResponseBody>> request) {
        return busyRetried(request, false).orElseThrow();
    }

    /** As {@link #call}, but a route that does not exist on this panel gives empty. */
    Optional<Envelope> callIfExists(Function<PanelApi, Call<ResponseBody>> request) {
        return busyRetried(request, true);
    }

    private Optional<Envelope> busyRetried(Function<PanelApi, Call<ResponseBody>> request, boolean optional) {
        long pause = settings.busyBackoff().toMillis();
        for (int attempt = 0; ; attempt++) {
            Optional<Envelope> reply = callOnce(request, optional);
            if (reply.isEmpty() || reply.get().success() || !reply.get().says(PanelMessages.DATABASE_LOCKED)) return reply;
            if (attempt >= settings.busyRetries()) {
                throw new PanelException(PanelFault.BUSY, "panel " + name + ": its database stayed locked after "
                        + (attempt + 1) + " tries (" + reply.get().shortMsg() + ")");
            }
            log.debug("panel {}: database is locked, retrying in {} ms", name, pause);
            PanelSession.sleep(pause);
            pause *= 2;
        }
    }

    private Optional<Envelope> callOnce(Function<PanelApi, Call<ResponseBody>> request, boolean optional) {
        ApiGeneration used = login.generation();
        long epoch = login.epoch();
        Reply reply = http.send(request);
        if (answers.unauthenticated(reply)) {
            login.reauthenticate(epoch);
            reply = http.send(request);
            if (reply.code() == 404) {
                if (optional) return Optional.empty();
                login.redetect(used);
                throw new PanelException(PanelFault.UNSUPPORTED_VERSION, "panel " + name + " has no route " + reply.route()
                        + " although it speaks the " + used.versions() + " API: this panel version is not supported");
            }
            if (answers.unauthenticated(reply)) {
                if (optional) return Optional.empty();
                throw connection.credentials() instanceof PanelCredentials.ApiToken
                        ? new PanelException(PanelFault.BAD_CREDENTIALS, "panel " + name + " does not accept the API token for " + reply.route())
                        : new PanelException(PanelFault.REJECTED, "panel " + name + " refuses a fresh session for " + reply.route()
                        + " (HTTP " + reply.code() + ")");
            }
        }
        return Optional.of(answers.envelope(reply));
    }
}
