package dev.vpnbot.domain.key;

import java.util.Objects;

/** One live location of a key as a screen shows it: the server's name and the placement's raw vless:// link. */
public record KeyLocation(String name, String vlessUrl) {
    public KeyLocation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vlessUrl, "vlessUrl");
    }
}
