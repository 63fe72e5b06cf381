package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffLimits;
import dev.vpnbot.domain.user.UserId;

/**
 * Use case (admins only): a tariff's device and traffic limits. New keys get them when created,
 * existing keys at their next renewal. Refuses callers who are not admins, tariffs that do not
 * exist ({@code TARIFF_NOT_AVAILABLE}) and limits that break their rules ({@code INVALID_INPUT}).
 */
public interface SetTariffLimitsUseCase {

    TariffLimits limitsOf(UserId actor, TariffId tariff);

    /**
     * @param devices      0..1000, 0 = the shop's default
     * @param trafficGb    0..1000000, 0 = the shop's default
     * @param monthlyReset needs {@code trafficGb > 0}
     */
    TariffLimits setLimits(UserId actor, TariffId tariff, int devices, int trafficGb, boolean monthlyReset);

    /** GB the tariff adds to a key as a traffic pack; 0: it is no pack. */
    int trafficPackOf(UserId actor, TariffId tariff);

    /**
     * Makes the tariff a traffic pack (it then adds {@code gb} GB to a key and no days, and is no
     * longer offered as a new key), or an ordinary tariff again with 0.
     *
     * @param gb 0..1000000
     */
    int setTrafficPack(UserId actor, TariffId tariff, int gb);
}
