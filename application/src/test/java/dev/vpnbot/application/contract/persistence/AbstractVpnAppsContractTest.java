package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.fixtures.InMemoryVpnApps;
import dev.vpnbot.application.port.out.VpnApps;
import dev.vpnbot.domain.app.AppPlatform;
import dev.vpnbot.domain.app.ImportTemplate;
import dev.vpnbot.domain.app.VpnApp;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app list, for every implementation; each test starts from the seeded list. */
public abstract class AbstractVpnAppsContractTest extends PersistenceContract {
    private final Function<Persistence, VpnApps> appsOf;
    private VpnApps apps;

    /** @param appsOf the store holding exactly {@link InMemoryVpnApps#SEED} */
    protected AbstractVpnAppsContractTest(Supplier<Persistence> freshPorts, Function<Persistence, VpnApps> appsOf) {
        super(freshPorts);
        this.appsOf = appsOf;
    }

    @BeforeEach
    void openApps() {
        apps = appsOf.apply(ports);
    }

    @Test
    void the_list_is_read_back_by_platform_and_position() {
        assertThat(apps.all()).containsExactlyElementsOf(InMemoryVpnApps.SEED);
        assertThat(apps.find(AppPlatform.IOS, "streisand")).map(VpnApp::position).contains(3);
        assertThat(apps.find(AppPlatform.LINUX, "happ")).isEmpty();
    }

    @Test
    void an_app_is_added_edited_switched_off_and_a_new_default_replaces_the_old_one() {
        VpnApp singbox = new VpnApp(AppPlatform.LINUX, "singbox", "sing-box", "https://github.com/SagerNet/sing-box/releases/latest",
                new ImportTemplate("sing-box://import-remote-profile?url={url_encoded}"), 3, true, false);
        apps.save(singbox);
        assertThat(apps.find(AppPlatform.LINUX, "singbox")).contains(singbox);

        VpnApp hiddify = apps.find(AppPlatform.LINUX, "hiddify").orElseThrow();
        apps.save(hiddify.withDefault(false));
        apps.save(singbox.withDefault(true));
        VpnApp v2rayn = apps.find(AppPlatform.LINUX, "v2rayn").orElseThrow().withEnabled(false).edited("v2rayN (old)",
                "https://github.com/2dust/v2rayN/releases", null);
        apps.save(v2rayn);

        assertThat(apps.all()).filteredOn(a -> a.platform() == AppPlatform.LINUX)
                .extracting(VpnApp::code, VpnApp::isDefault, VpnApp::enabled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hiddify", false, true),
                        org.assertj.core.groups.Tuple.tuple("v2rayn", false, false),
                        org.assertj.core.groups.Tuple.tuple("singbox", true, true));
        assertThat(apps.find(AppPlatform.LINUX, "v2rayn")).contains(v2rayn);
    }
}
