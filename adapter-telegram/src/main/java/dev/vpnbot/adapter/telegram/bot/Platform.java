package dev.vpnbot.adapter.telegram.bot;

import java.util.List;

/** The devices users connect from, each with the apps we recommend and where to get them. */
public enum Platform {
    ANDROID("🤖 Android", List.of(
            new Download(VpnApp.HAPP, "https://play.google.com/store/apps/details?id=com.happproxy"),
            new Download(VpnApp.V2RAYTUN, "https://play.google.com/store/apps/details?id=com.v2raytun.android"),
            new Download(VpnApp.HIDDIFY, "https://play.google.com/store/apps/details?id=app.hiddify.com"),
            new Download(VpnApp.V2RAYNG, "https://github.com/2dust/v2rayNG/releases/latest"))),
    IOS("🍏 iPhone / iPad", List.of(
            new Download(VpnApp.HAPP, "https://apps.apple.com/app/happ-proxy-utility/id6504287215"),
            new Download(VpnApp.V2RAYTUN, "https://apps.apple.com/app/v2raytun/id6476628951"),
            new Download(VpnApp.STREISAND, "https://apps.apple.com/app/streisand/id6450534064"),
            new Download(VpnApp.HIDDIFY, "https://apps.apple.com/app/hiddify-proxy-vpn/id6596777532"))),
    WINDOWS("🪟 Windows", List.of(
            new Download(VpnApp.HAPP, "https://github.com/Happ-proxy/happ-desktop/releases/latest"),
            new Download(VpnApp.HIDDIFY, "https://github.com/hiddify/hiddify-app/releases/latest"),
            new Download(VpnApp.V2RAYN, "https://github.com/2dust/v2rayN/releases/latest"))),
    MACOS("💻 macOS", List.of(
            new Download(VpnApp.HAPP, "https://apps.apple.com/app/happ-proxy-utility/id6504287215"),
            new Download(VpnApp.V2RAYTUN, "https://apps.apple.com/app/v2raytun/id6476628951"),
            new Download(VpnApp.HIDDIFY, "https://github.com/hiddify/hiddify-app/releases/latest"))),
    LINUX("🐧 Linux", List.of(
            new Download(VpnApp.HIDDIFY, "https://github.com/hiddify/hiddify-app/releases/latest"),
            new Download(VpnApp.V2RAYN, "https://github.com/2dust/v2rayN/releases/latest")));

    /** Where to install an app on this platform. */
    public record Download(VpnApp app, String url) {}

    private final String label;
    private final List<Download> downloads;

    Platform(String label, List<Download> downloads) {
        this.label = label;
        this.downloads = downloads;
    }

    /** The button label: an emoji and the device. */
    public String label() {
        return label;
    }

    public List<Download> downloads() {
        return downloads;
    }
}
