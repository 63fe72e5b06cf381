package dev.vpnbot.adapter.heleket.fake;

import java.time.Duration;

/** A failure the fake plays instead of answering (reference §7.1.5). */
public record Fault(int status, String contentType, String body, Duration delay) {

    /** 500 with an HTML page, as a crashed upstream behind a proxy gives. */
    public static Fault serverErrorHtml() {
        return new Fault(500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>", Duration.ZERO);
    }

    /** 502 with no body. */
    public static Fault badGatewayEmpty() {
        return new Fault(502, null, "", Duration.ZERO);
    }

    /** Says nothing for {@code delay}, then answers 504. */
    public static Fault hang(Duration delay) {
        return new Fault(504, null, "", delay);
    }

    /** HTTP 200 with JSON cut in the middle. */
    public static Fault truncatedJson() {
        return new Fault(200, "application/json", "{\"state\":0,\"result\":{\"uuid\":\"", Duration.ZERO);
    }

    /** HTTP 200 with an HTML page where JSON was due. */
    public static Fault htmlInsteadOfJson() {
        return new Fault(200, "text/html", "<html>maintenance</html>", Duration.ZERO);
    }

    /** Any status and JSON body, e.g. a 429. */
    public static Fault answer(int status, String json) {
        return new Fault(status, "application/json", json, Duration.ZERO);
    }
}
