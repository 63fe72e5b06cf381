package dev.vpnbot.bootstrap.config;


/** Reads the Telegram Stars settings (switch, rate, paying users only) for {@link ConfigReader}. */
final class StarsConfigReader {
    private StarsConfigReader() {
    }

    static StarsConfig read(ConfigReader in) {
        return new StarsConfig(in.parse("STARS_ENABLED", ConfigReader::bool).orElse(false),
                in.parse("STARS_PER_UNIT", StarsConfig::rate).orElse(null), in.parse("STARS_ONLY_FOR_PAYING_USERS", ConfigReader::bool).orElse(false));
    }
}
