package dev.vpnbot.adapter.panel3xui.fake;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.panel3xui.fake.PanelStore.Record;
import dev.vpnbot.adapter.panel3xui.fake.PanelStore.Traffic;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code POST panel/api/clients/resetTraffic/:email} (v3.1+): MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L48,
 * #L219-L229 → ClientService.ResetTrafficByEmail (web/service/client.go#L773-L802): an unknown email is
 * gorm's "record not found" under the "somethingWentWrong" toast; otherwise the client's traffic row
 * starts from zero and is switched on again (InboundService.ResetClientTraffic). Same at
 * v3.6.0:internal/web/controller/client.go#L75, #L489-L497.
 */
final class ClientTrafficReset {
    private ClientTrafficReset() {}

    static void reset(FakeThreeXuiPanel panel, PanelStore store, Exchange r, String email) throws IOException {
        Profile p = panel.profile();
        synchronized (store.lock) {
            Record rec = store.records.get(email.toLowerCase(Locale.ROOT));
            if (rec == null || !rec.email.equals(email)) {
                r.fail(p.failed("somethingWentWrong", "record not found"));
                return;
            }
            Traffic t = store.traffics.get(email.toLowerCase(Locale.ROOT));
            if (t != null) {
                t.up = 0;
                t.down = 0;
                t.enable = true;
            }
        }
        r.ok(p.done("pages.inbounds.toasts.resetInboundClientTrafficSuccess"), null);
    }
}
