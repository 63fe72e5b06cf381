package dev.vpnbot.adapter.telegram;

import java.util.Map;

/** A page one of the adapter's routes answers with; bootstrap's server copies it onto the wire as it is. */
public record WebPage(int status, String contentType, byte[] body, Map<String, String> headers) {
    public WebPage {
        headers = Map.copyOf(headers);
    }
}
