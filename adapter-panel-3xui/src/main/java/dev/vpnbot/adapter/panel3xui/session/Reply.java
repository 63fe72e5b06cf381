package dev.vpnbot.adapter.panel3xui.session;

import java.nio.charset.StandardCharsets;

/** One raw HTTP answer. */
record Reply(int code, String location, byte[] body, String route) {
    boolean redirect() {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    boolean empty() {
        return body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank();
    }
}
