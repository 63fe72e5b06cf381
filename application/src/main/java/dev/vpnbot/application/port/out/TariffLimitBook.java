package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffLimits;

/** Store: each tariff's device and traffic limits (kept beside the tariff, changed on their own). */
public interface TariffLimitBook {

    /** The tariff's limits; {@link TariffLimits#NONE} for a tariff without any, or one that is gone. */
    TariffLimits limitsOf(TariffId tariff);

    /** Sets the tariff's limits; false when there is no such tariff (nothing is written). */
    boolean setLimits(TariffId tariff, TariffLimits limits);
}
