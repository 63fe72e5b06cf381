package dev.vpnbot.adapter.telegram.bot;

import dev.vpnbot.domain.app.AppPlatform;

/** The devices users connect from, as buttons show them; their apps are data ({@code ListVpnAppsUseCase}). */
public enum Platform {
    ANDROID("🤖 Android"),
    IOS("🍏 iPhone / iPad"),
    WINDOWS("🪟 Windows"),
    MACOS("💻 macOS"),
    LINUX("🐧 Linux");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    /** The button label: an emoji and the device. */
    public String label() {
        return label;
    }

    /** The platform the app list knows it by. */
    public AppPlatform apps() {
        return AppPlatform.valueOf(name());
    }

    public static Platform of(AppPlatform platform) {
        return valueOf(platform.name());
    }

    /**
     * The steps' text key for this device: a phone reads the bot on itself (tap to add, or copy
     * the link; never "scan the QR code" it is showing), a computer copies the link or taps "Add".
     */
    public String stepsKey(boolean oneTap) {
        return "connect.steps." + (apps().isPhone() ? "phone" : "computer") + (oneTap ? "" : "_manual");
    }
}
