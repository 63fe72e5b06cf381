package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.app.AppPlatform;
import dev.vpnbot.domain.app.VpnApp;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the VPN apps we recommend, per platform. Joins the caller's transaction. */
public interface VpnApps {

    /** Every app, switched off ones too, by platform and then position. */
    List<VpnApp> all();

    Optional<VpnApp> find(AppPlatform platform, String code);

    /** Adds the app or replaces the one with its platform and code. At most one default per platform: unset the old one first. */
    void save(VpnApp app);
}
