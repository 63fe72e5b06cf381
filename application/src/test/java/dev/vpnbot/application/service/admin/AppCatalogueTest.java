package dev.vpnbot.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.fixtures.InMemoryTransactions;
import dev.vpnbot.application.fixtures.InMemoryVpnApps;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase.AppDetails;
import dev.vpnbot.domain.app.AppPlatform;
import dev.vpnbot.domain.app.VpnApp;
import dev.vpnbot.domain.user.UserId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Apps as data: what buyers see, and the admin's changes, each checked whole before anything is saved. */
class AppCatalogueTest {
    private static final UserId ADMIN = new UserId(1);
    private final InMemoryVpnApps apps = InMemoryVpnApps.seeded();
    private final AppCatalogue catalogue = new AppCatalogue(new Admins(Set.of(ADMIN)), apps, new InMemoryTransactions());

    @Test
    void buyers_see_the_switched_on_apps_of_their_platform_default_first() {
        catalogue.makeDefault(ADMIN, AppPlatform.ANDROID, "v2rayng");
        catalogue.setEnabled(ADMIN, AppPlatform.ANDROID, "hiddify", false);

        assertThat(catalogue.appsFor(AppPlatform.ANDROID)).extracting(VpnApp::code).containsExactly("v2rayng", "happ", "v2raytun");
        assertThat(apps.find(AppPlatform.ANDROID, "happ")).map(VpnApp::isDefault).contains(false);
    }

    @Test
    void an_added_app_goes_last_and_a_template_with_a_forbidden_scheme_is_refused_with_nothing_saved() {
        VpnApp added = catalogue.add(ADMIN, new AppDetails(AppPlatform.LINUX, "singbox", "sing-box",
                "https://github.com/SagerNet/sing-box/releases/latest", "sing-box://import-remote-profile?url={url_encoded}"));
        assertThat(added.position()).isEqualTo(3);
        assertThat(catalogue.importApp("singbox")).contains(added);

        for (String bad : new String[] {"javascript:alert(1)//{url}", "data:text/html,{url}", "file:///{url}", "https://evil.example/?u={url}"}) {
            assertThatThrownBy(() -> catalogue.add(ADMIN, new AppDetails(AppPlatform.LINUX, "evil", "Evil", "https://evil.example", bad)))
                    .as(bad).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.INVALID_INPUT));
            assertThatThrownBy(() -> catalogue.edit(ADMIN, new AppDetails(AppPlatform.LINUX, "singbox", "sing-box", "https://a.example", bad)))
                    .isInstanceOf(Refusal.class);
        }
        assertThat(apps.find(AppPlatform.LINUX, "evil")).isEmpty();
        assertThat(apps.find(AppPlatform.LINUX, "singbox")).contains(added);
    }

    @Test
    void a_switched_off_app_is_no_default_and_no_import_target_and_only_admins_change_the_list() {
        catalogue.setEnabled(ADMIN, AppPlatform.LINUX, "hiddify", false);
        assertThat(apps.find(AppPlatform.LINUX, "hiddify")).map(VpnApp::isDefault).contains(false);
        assertThatThrownBy(() -> catalogue.makeDefault(ADMIN, AppPlatform.LINUX, "hiddify")).isInstanceOf(Refusal.class);
        assertThat(catalogue.importApp("hiddify")).as("still on elsewhere").isPresent();
        assertThat(catalogue.importApp("v2rayn")).as("no template").isEmpty();

        assertThatThrownBy(() -> catalogue.setEnabled(new UserId(5), AppPlatform.IOS, "happ", false))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_ADMIN));
        assertThatThrownBy(() -> catalogue.add(ADMIN, new AppDetails(AppPlatform.IOS, "happ", "Happ", "https://a.example", null)))
                .as("a second happ on iOS").isInstanceOf(Refusal.class);
    }
}
