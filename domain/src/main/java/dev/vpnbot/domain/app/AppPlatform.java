package dev.vpnbot.domain.app;

/** The devices users connect from. */
public enum AppPlatform {
    ANDROID(true), IOS(true), WINDOWS(false), MACOS(false), LINUX(false);

    private final boolean phone;

    AppPlatform(boolean phone) {
        this.phone = phone;
    }

    /**
     * Whether it is a phone: the user most likely reads the bot on the very device they set up,
     * so its steps never say "scan the QR code" (a phone cannot scan its own screen).
     */
    public boolean isPhone() {
        return phone;
    }
}
