package dev.vpnbot.bootstrap.http;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Serves one route. Adapters' handlers are plugged in through a one-line lambda that maps
 * this request onto theirs. A handler that throws gets a 500 and a log line; the server goes on.
 */
@FunctionalInterface
public interface WebHandler {
    WebReply handle(WebRequest request);

    /**
     * Asked before the body is read, with only who sent the request: a refusal here (a webhook
     * from an address that may not send it) is answered at once and the body is never read.
     */
    default Optional<WebReply> refuseBeforeBody(Optional<InetAddress> client) {
        return Optional.empty();
    }
}
