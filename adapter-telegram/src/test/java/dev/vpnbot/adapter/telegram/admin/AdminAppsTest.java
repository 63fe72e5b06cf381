package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.adapter.telegram.web.ConnectPage;
import dev.vpnbot.domain.app.AppPlatform;
import dev.vpnbot.domain.app.VpnApp;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the apps and their instructions are data. Admins add, edit, switch off and choose
 * the default app from /admin; buyers' guide and /connect follow at once; an import template
 * with a forbidden scheme is explained and nothing is saved; the steps differ per device.
 */
class AdminAppsTest {
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    private Call linuxApps(BotRig.TgUser admin) {
        Call home = admin.send("/admin");
        return admin.press(admin.press(home, "akl"), "akp:linux");
    }

    private KeyId boughtKey(BotRig.TgUser buyer) {
        Call summary = buyer.press(buyer.press(buyer.press(buyer.send("/start"), "b"), "bt:1"), "bs:1:1");
        rig.payAndDeliver(Long.parseLong(summary.data("oc:").substring(3)));
        return rig.keys.ofOwner(new UserId(buyer.id)).get(0).id();
    }

    @Test
    void an_app_added_in_the_admin_panel_is_offered_to_buyers_without_a_release() {
        rig = BotRig.started();
        BotRig.TgUser olga = rig.user(BotRig.ADMIN, "Olga", "en");
        Call linux = linuxApps(olga);
        assertThat(linux.text()).contains("Apps on 🐧 Linux").contains("⭐ Hiddify").contains("v2rayN");

        olga.press(linux, "akn:linux");
        Call added = olga.send("singbox\nsing-box\nhttps://github.com/SagerNet/sing-box/releases/latest\nsing-box://import-remote-profile?url={url_encoded}");
        assertThat(added.text()).contains("sing-box is added and switched on");
        assertThat(rig.appList.find(AppPlatform.LINUX, "singbox")).map(VpnApp::position).contains(3);

        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        KeyId key = boughtKey(ivan);
        Call guide = ivan.pressData(ivan.send("/start").messageId(), "hq:linux:" + key.value());
        assertThat(guide.buttons()).extracting(Button::text).contains("⬇ sing-box", "➕ Add to sing-box");
        String add = guide.button("➕ Add to sing-box").url();
        ConnectPage.Response opened = new ConnectPage(rig.connectLinks(), rig.apps).respond(add.substring(add.indexOf('?') + 1));
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).startsWith("sing-box://import-remote-profile?url=https%3A%2F%2F");
    }

    @Test
    void a_template_with_a_forbidden_scheme_is_explained_in_the_admins_language_and_nothing_is_saved() {
        rig = BotRig.started();
        BotRig.TgUser olga = rig.user(BotRig.ADMIN, "Olga", "ru");
        String[] forbidden = {"javascript:alert(document.cookie)//{url}", "data:text/html,<script>{url}", "file:///etc/passwd#{url}",
                "https://evil.example/?next={url_encoded}"};
        String[] schemes = {"javascript", "data", "file", "https"};
        olga.press(linuxApps(olga), "akn:linux");
        for (int i = 0; i < forbidden.length; i++) {
            Call refused = olga.send("evil\nEvil VPN\nhttps://evil.example/app\n" + forbidden[i]);
            assertThat(refused.text()).as(forbidden[i]).contains("Ничего не сохранено");
            if (i != 1) assertThat(refused.text()).contains("Схема <code>" + schemes[i] + ":</code> запрещена");
        }
        Call badStore = olga.send("evil\nEvil VPN\njavascript:alert(1)\n-");
        assertThat(badStore.text()).contains("Ссылка на магазин должна начинаться с https://");
        assertThat(rig.appList.find(AppPlatform.LINUX, "evil")).isEmpty();

        // editing an existing app to a forbidden template leaves it as it was
        VpnApp hiddify = rig.appList.find(AppPlatform.LINUX, "hiddify").orElseThrow();
        olga.press(olga.press(linuxApps(olga), "akv:linux:hiddify"), "ake:linux:hiddify");
        assertThat(olga.send("Hiddify\nhttps://github.com/hiddify/hiddify-app/releases\njavascript:x//{url}").text()).contains("запрещена");
        assertThat(rig.appList.find(AppPlatform.LINUX, "hiddify")).contains(hiddify);
    }

    @Test
    void a_switched_off_app_leaves_the_guide_and_connect_and_the_default_leads_the_list_and_the_steps() {
        rig = BotRig.started();
        BotRig.TgUser olga = rig.user(BotRig.ADMIN, "Olga", "en");
        Call android = olga.press(olga.press(olga.send("/admin"), "akl"), "akp:android");
        Call happ = olga.press(android, "akv:android:happ");
        assertThat(happ.text()).contains("happ://add/{url}").contains("switched on");
        olga.press(happ, "akt:android:happ:0");
        Call v2rayng = olga.press(olga.press(olga.send("/admin"), "akl"), "akp:android");
        olga.press(olga.press(v2rayng, "akv:android:v2rayng"), "akd:android:v2rayng");

        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        KeyId key = boughtKey(ivan);
        Call guide = ivan.pressData(ivan.send("/start").messageId(), "hq:android:" + key.value());
        assertThat(guide.buttons()).extracting(Button::text).doesNotContain("⬇ Happ").first().isEqualTo("⬇ v2rayNG");
        assertThat(guide.text()).contains("Install v2rayNG");
        assertThat(rig.appList.find(AppPlatform.ANDROID, "happ")).map(VpnApp::isDefault).contains(false);
    }

    @Test
    void a_phone_is_never_told_to_scan_the_qr_code_it_shows_and_a_computer_imports_from_the_clipboard() {
        rig = BotRig.started(b -> b.publicUrl(null)); // no one-tap import: the manual steps
        BotRig.TgUser anna = rig.user(1002, "Anna", "en");
        KeyId key = boughtKey(anna);
        for (String phone : new String[] {"android", "ios"}) {
            Call steps = anna.pressData(anna.send("/start").messageId(), "hq:" + phone + ":" + key.value());
            assertThat(steps.text()).as(phone).doesNotContainIgnoringCase("QR").contains("import from clipboard").contains("Install Happ");
        }
        Call windows = anna.pressData(anna.send("/start").messageId(), "hq:windows:" + key.value());
        assertThat(windows.text()).contains("on the computer").contains("import from clipboard").contains("cannot scan a QR code");
        rig.close();

        rig = BotRig.started();
        BotRig.TgUser boris = rig.user(1003, "Борис", "ru");
        KeyId his = boughtKey(boris);
        Call iphone = boris.pressData(boris.send("/start").messageId(), "hq:ios:" + his.value());
        assertThat(iphone.text()).contains("На этом телефоне нажмите «➕ В Happ»").doesNotContain("QR");
        Call mac = boris.pressData(boris.send("/start").messageId(), "hq:macos:" + his.value());
        assertThat(mac.text()).contains("На этом компьютере нажмите");
        assertThat(rig.connectLinks().link(rig.apps.importApp("happ").orElseThrow(), "https://vpn.example/sub/x", Language.RU)).isPresent();
    }
}
