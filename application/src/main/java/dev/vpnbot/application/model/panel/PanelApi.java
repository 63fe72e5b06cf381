package dev.vpnbot.application.model.panel;

import java.util.Objects;

/**
 * Which API a panel speaks, in words an operator reads: the adapter's name for it and the
 * panel releases that speak it (e.g. "CLIENTS_API", "v3.1+").
 */
public record PanelApi(String name, String releases) {
    public PanelApi {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(releases, "releases");
    }
}
