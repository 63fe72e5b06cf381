package dev.vpnbot.adapter.telegram.outbox;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Watches every HTTP call to the Bot API (sender, long poll, start-up calls) and says, once per
 * outage, what is wrong and what to check: an outage is one log line naming the address, then
 * silence while the callers retry, then one line when Telegram answers again. {@code /healthz}
 * reads {@link #outage()}.
 */
public final class BotApiReachability implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(BotApiReachability.class);

    /** Since when the Bot API has been failing, why, and how many calls failed meanwhile. */
    public record Outage(Instant since, String cause, int failedCalls) {}

    private final String address;
    private Outage outage;
    private boolean everAnswered;

    public BotApiReachability(TelegramUrl url) {
        boolean defaultPort = url.getPort() == ("https".equals(url.getSchema()) ? 443 : 80);
        this.address = url.getSchema() + "://" + url.getHost() + (defaultPort ? "" : ":" + url.getPort());
    }

    /** The Bot API's address as the operator configured it (no token, no path). */
    public String address() {
        return address;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (!chain.call().isCanceled() && !(e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException))) {
                failed("unreachable (" + networkCause(e) + ")", "check TELEGRAM_API_URL and the network");
            }
            throw e;
        }
        int code = response.code();
        if (code == 401 || code == 404) {
            // the Bot API answers an unknown token with 401 or 404 for every method
            failed("refuses the bot token (" + code + " " + response.message() + ")", "check BOT_TOKEN (copy it again from @BotFather)");
        } else if (code >= 500) {
            failed("failing (" + code + " " + response.message() + ")", "check TELEGRAM_API_URL (a relay there may be down); retrying");
        } else {
            answered();
        }
        return response;
    }

    /** Empty while the Bot API answers (or before the first call). */
    public synchronized Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    /** Whether any call has been answered since start. */
    public synchronized boolean everAnswered() {
        return everAnswered;
    }

    /** @param cause "unreachable (connection refused)": logged once, again only when it changes */
    private synchronized void failed(String cause, String hint) {
        if (outage == null || !outage.cause().equals(cause)) {
            LOG.warn("Telegram Bot API at {} {}; {}", address, cause, hint);
            outage = new Outage(outage == null ? Instant.now() : outage.since(), cause, (outage == null ? 0 : outage.failedCalls()) + 1);
            return;
        }
        outage = new Outage(outage.since(), cause, outage.failedCalls() + 1);
    }

    private synchronized void answered() {
        everAnswered = true;
        if (outage == null) return;
        LOG.info("Telegram Bot API at {} answers again (after {} s and {} failed calls)", address,
                Duration.between(outage.since(), Instant.now()).toSeconds(), outage.failedCalls());
        outage = null;
    }

    /** A network failure in a few words: "connection refused", "unknown host". */
    public static String networkCause(IOException e) {
        if (e instanceof ConnectException) return "connection refused";
        if (e instanceof UnknownHostException) return "unknown host";
        if (e instanceof NoRouteToHostException) return "no route to host";
        if (e instanceof SocketTimeoutException) return "no answer in time";
        if (e instanceof SSLException) return "TLS failed: " + e.getMessage();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
