package dev.vpnbot.application.port.in.account;

import dev.vpnbot.domain.app.AppPlatform;
import dev.vpnbot.domain.app.VpnApp;
import java.util.List;
import java.util.Optional;

/** Use case: the apps a buyer is shown for a platform, and the app a {@code /connect} link names. */
public interface ListVpnAppsUseCase {

    /** The switched-on apps of {@code platform}: the default first, then in the admin's order. */
    List<VpnApp> appsFor(AppPlatform platform);

    /** A switched-on app with one-tap import by its code (the first platform's, the template being the app's own). */
    Optional<VpnApp> importApp(String code);
}
