package dev.vpnbot.application.service.account;

import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.application.port.in.account.DiagnoseKeyUseCase;
import dev.vpnbot.application.port.in.account.ShowKeyUsageUseCase;
import dev.vpnbot.application.port.in.account.ShowKeyUsageUseCase.KeyUsage;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.Optional;

/**
 * Diagnoses a key from our database first (expiry, the admin's switch), then from the panel's
 * answer, read through the key screen's usage reading: the same time limit, so a dead server
 * makes the answer "server down" in seconds rather than a hanging button.
 */
public final class KeyDiagnosis implements DiagnoseKeyUseCase {
    private final Keys keys;
    private final ShowKeyUsageUseCase usage;
    private final Clock clock;

    public KeyDiagnosis(Keys keys, ShowKeyUsageUseCase usage, Clock clock) {
        this.keys = keys;
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public Optional<Diagnosis> diagnose(UserId user, KeyId keyId) {
        Optional<VpnKey> found = keys.find(keyId).filter(k -> k.belongsTo(user) && k.status() != KeyStatus.DELETED);
        if (found.isEmpty()) return Optional.empty();
        VpnKey key = found.get();
        if (key.status() == KeyStatus.DISABLED || key.isExpired(clock.instant())) {
            return Optional.of(new Diagnosis(keyId, Verdict.EXPIRED, null));
        }
        KeyUsage read = key.status() == KeyStatus.PROVISIONING ? new KeyUsage.Unavailable() : usage.usage(user, keyId);
        if (read instanceof KeyUsage.MissingOnPanel) return Optional.of(new Diagnosis(keyId, Verdict.NOT_ON_PANEL, null));
        if (!(read instanceof KeyUsage.Live live)) return Optional.of(new Diagnosis(keyId, Verdict.SERVER_DOWN, null));
        return Optional.of(new Diagnosis(keyId, verdict(live.usage()), live.usage()));
    }

    /** Rule: the panel's own causes in the order a user can act on them. */
    static Verdict verdict(PanelUsage u) {
        if (u.quotaUsedUp()) return Verdict.TRAFFIC_USED_UP;
        if (!u.enabled()) return Verdict.SWITCHED_OFF;
        if (!u.everConnected()) return Verdict.NEVER_CONNECTED;
        return Verdict.ALL_FINE;
    }
}
