package dev.vpnbot.application.port.out.balance;

import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Outgoing port: top-up invoices. */
public interface TopUps {

    long nextId();

    /** Inserts or updates. */
    void save(TopUp topUp);

    Optional<TopUp> find(PublicOrderId publicId);

    /** The top-up, its row locked until the transaction ends. */
    Optional<TopUp> findForUpdate(PublicOrderId publicId);

    /** Not credited yet, with an invoice, created after {@code createdAfter}; oldest first (the reconciler asks about them). */
    List<TopUp> waiting(java.time.Instant createdAfter, int limit);

    List<TopUp> ofUser(UserId user, int limit);
}
