package dev.vpnbot.application.service.ordering;

import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.tariff.TariffLimits;
import java.util.function.Predicate;

/**
 * The limits a key's panel client carries (3x-ui's limitIp and totalGB): the operator's for paid
 * keys, the trial's own for trial keys. Delivery, drift repair and link resets all ask here, so a
 * repair never lifts a trial key's limits.
 */
public final class ClientLimits {
    private final PurchaseSettings paid;
    private final Predicate<KeyId> isTrialKey;
    private final int trialLimitIp;
    private final long trialTotalBytes;

    public ClientLimits(PurchaseSettings paid, Predicate<KeyId> isTrialKey, int trialLimitIp, long trialTotalBytes) {
        if (trialLimitIp < 0 || trialTotalBytes < 0) throw new IllegalArgumentException("limits cannot be negative");
        this.paid = paid;
        this.isTrialKey = isTrialKey;
        this.trialLimitIp = trialLimitIp;
        this.trialTotalBytes = trialTotalBytes;
    }

    /** Without trials: every key gets the operator's limits. */
    public static ClientLimits paidOnly(PurchaseSettings paid) {
        return new ClientLimits(paid, key -> false, 0, 0);
    }

    /** The client for {@code key} under {@code identity} (its own, or the next one of a link reset). */
    public NewPanelClient client(PanelClientId identity, VpnKey key) {
        return client(identity, key, TariffLimits.NONE);
    }

    /** As {@link #client(PanelClientId, VpnKey)}, a paid key with its tariff's limits (0 there: the operator's). */
    public NewPanelClient client(PanelClientId identity, VpnKey key, TariffLimits tariff) {
        boolean trial = isTrialKey.test(key.id());
        return new NewPanelClient(identity, key.expiresAt(), key.owner().telegramId(),
                trial ? trialLimitIp : tariff.devicesOr(paid.limitIp()), trial ? trialTotalBytes : tariff.totalBytesOr(paid.totalBytes()));
    }
}
