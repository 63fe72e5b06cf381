package dev.vpnbot.adapter.panel3xui.client;

import dev.vpnbot.adapter.panel3xui.inbound.StoredClient;
import dev.vpnbot.adapter.panel3xui.inbound.StoredInbound;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a panel keeps the client of one email, read before every change: its copies in the
 * inbound's {@code settings.clients} (more than one after a retried add on v3.0–v3.4, which
 * append the same email+subId again: MHSanaei/3x-ui@v3.0.2:web/service/inbound.go#L249-L279,
 * fixed in v3.5.0: @v3.6.0:internal/web/service/client_inbound_apply.go#L327-L358) and, from
 * v3.1, its row in the clients table.
 *
 * @param record the v3.1+ client record, empty on older panels or when there is none
 */
record ClientPlacement(StoredInbound inbound, List<StoredClient> copies, Optional<Record> record) {

    /** The v3.1+ client record: the VLESS UUID (may be empty) and the inbounds it is attached to. */
    record Record(String uuid, List<Integer> inboundIds) {}

    static ClientPlacement in(StoredInbound inbound, String email, Optional<Record> record) {
        List<StoredClient> copies = inbound.clients().stream().filter(c -> c.email().equalsIgnoreCase(email)).toList();
        return new ClientPlacement(inbound, copies, record);
    }

    boolean absent() {
        return copies.isEmpty() && record.map(r -> r.inboundIds().isEmpty()).orElse(true);
    }

    /**
     * Refuses, before anything is written, a placement that cannot be trusted: a copy or record
     * without a UUID or with somebody else's, or our client attached to another inbound too.
     */
    void requireOurs(String panel, String email, UUID ours) {
        for (StoredClient copy : copies) {
            if (copy.uuid().isEmpty()) {
                throw new PanelException(PanelFault.REJECTED, "client " + email + " on panel " + panel + " has no UUID: left alone");
            }
            if (!copy.isOurs(ours)) {
                throw new PanelException(PanelFault.DUPLICATE_EMAIL, "client " + email + " on panel " + panel + " has UUID "
                        + copy.id() + ", not ours (" + ours + "): left alone");
            }
        }
        if (record.isEmpty()) return;
        Record r = record.get();
        if (r.uuid().isBlank()) {
            throw new PanelException(PanelFault.REJECTED, "the client record of " + email + " on panel " + panel + " has no UUID: left alone");
        }
        if (!r.uuid().equalsIgnoreCase(ours.toString())) {
            throw new PanelException(PanelFault.DUPLICATE_EMAIL, "client " + email + " on panel " + panel + " has UUID "
                    + r.uuid() + ", not ours (" + ours + "): left alone");
        }
        List<Integer> elsewhere = r.inboundIds().stream().filter(id -> id != inbound.id()).toList();
        if (!elsewhere.isEmpty()) {
            throw new PanelException(PanelFault.REJECTED, "client " + email + " on panel " + panel + " is attached to inbound(s) "
                    + elsewhere + " besides " + inbound.id() + ": left alone for an admin to sort out");
        }
    }
}
