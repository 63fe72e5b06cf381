package dev.vpnbot.adapter.panel3xui.session;

import dev.vpnbot.application.model.panel.PanelApi;

/**
 * The three incompatible shapes of the 3x-ui HTTP API. A panel's generation decides which
 * routes exist, how a session is opened and whether API tokens work.
 */
public enum ApiGeneration {
    /** v1.x – v2.9.x: cookie login, client routes under {@code panel/api/inbounds}. */
    LEGACY("v1.x–v2.x", false),
    /** v3.0.x: as legacy, plus a CSRF token on every write and optional API tokens. */
    V3_0("v3.0.x", true),
    /** v3.1 and later: clients are first-class under {@code panel/api/clients}, keyed by email. */
    CLIENTS_API("v3.1+", true);

    private final String versions;
    private final boolean apiTokens;

    ApiGeneration(String versions, boolean apiTokens) {
        this.versions = versions;
        this.apiTokens = apiTokens;
    }

    /** The panel versions that speak this generation, for operators. */
    public String versions() {
        return versions;
    }

    /** The generation for a probe's report; null stays null (not told yet). */
    public static PanelApi describe(ApiGeneration generation) {
        return generation == null ? null : new PanelApi(generation.name(), generation.versions());
    }

    /** Whether the panel accepts {@code Authorization: Bearer} API tokens. */
    public boolean acceptsApiTokens() {
        return apiTokens;
    }
}
