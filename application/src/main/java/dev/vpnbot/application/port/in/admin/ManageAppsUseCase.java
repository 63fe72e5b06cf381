package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.domain.app.AppPlatform;
import dev.vpnbot.domain.app.VpnApp;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Use case (admins only): the VPN apps the bot recommends, without a release. A template or store
 * link the rules refuse (a forbidden scheme, say) is a {@code Refusal} (INVALID_INPUT) and
 * nothing is saved.
 */
public interface ManageAppsUseCase {

    /**
     * @param template the import template ({@code happ://add/{url}}), or null for an app without one-tap import
     */
    record AppDetails(AppPlatform platform, String code, String name, String storeUrl, String template) {
        public AppDetails {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(storeUrl, "storeUrl");
        }
    }

    /** Every app, switched off ones too, by platform and position. */
    List<VpnApp> list(UserId actor);

    /** Adds an app at the end of its platform's list, switched on; an app of that code on the platform is refused. */
    VpnApp add(UserId actor, AppDetails app);

    /** Changes an app's name, store link and template. */
    VpnApp edit(UserId actor, AppDetails app);

    /** Switches an app on or off; switching off the default leaves the platform without one until another is chosen. */
    VpnApp setEnabled(UserId actor, AppPlatform platform, String code, boolean enabled);

    /** Makes a switched-on app its platform's default (the former default stays, as a plain entry). */
    VpnApp makeDefault(UserId actor, AppPlatform platform, String code);
}
