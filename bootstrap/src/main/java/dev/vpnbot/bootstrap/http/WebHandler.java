package dev.vpnbot.bootstrap.http;

/**
 * Serves one route. Adapters' handlers are plugged in through a one-line lambda that maps
 * this request onto theirs. A handler that throws gets a 500 and a log line; the server goes on.
 */
@FunctionalInterface
public interface WebHandler {
    WebReply handle(WebRequest request);
}
