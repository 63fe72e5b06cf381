package dev.vpnbot.domain.tariff;

/**
 * What a key bought with a tariff may use on its panel.
 *
 * <p>Rules: 0 means "no limit of the tariff's own", and the shop-wide default (the configured
 * device and traffic limits) applies; a monthly reset needs a traffic limit to reset; the panel
 * counts bytes, and one GB here is 1024³ bytes, as the panel's UI shows it.
 *
 * @param devices      simultaneous devices (source IPs) per key, 0 = the shop's default
 * @param trafficGb    traffic per key (per 30 days with {@code monthlyReset}), 0 = the shop's default
 * @param monthlyReset the used traffic starts again from zero every 30 days of the key
 */
public record TariffLimits(int devices, int trafficGb, boolean monthlyReset) {
    public static final int MAX_DEVICES = 1000;
    public static final int MAX_TRAFFIC_GB = 1_000_000;
    public static final long BYTES_PER_GB = 1024L * 1024 * 1024;
    /** A tariff without limits of its own. */
    public static final TariffLimits NONE = new TariffLimits(0, 0, false);

    public TariffLimits {
        if (devices < 0 || devices > MAX_DEVICES) throw new IllegalArgumentException("devices: 0.." + MAX_DEVICES + ", got " + devices);
        if (trafficGb < 0 || trafficGb > MAX_TRAFFIC_GB) {
            throw new IllegalArgumentException("traffic: 0.." + MAX_TRAFFIC_GB + " GB, got " + trafficGb);
        }
        if (monthlyReset && trafficGb == 0) throw new IllegalArgumentException("a monthly reset needs a traffic limit");
    }

    /** The device limit to put on the panel: the tariff's, else the shop's default. */
    public int devicesOr(int shopDefault) {
        return devices > 0 ? devices : shopDefault;
    }

    /** The quota in bytes to put on the panel: the tariff's, else the shop's default. */
    public long totalBytesOr(long shopDefault) {
        return trafficGb > 0 ? trafficGb * BYTES_PER_GB : shopDefault;
    }
}
