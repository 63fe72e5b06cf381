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
}
