package dev.vpnbot.application.port.out;

import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the Telegram Stars ledger, one row per charge. */
public interface StarPayments {

    /** Stores a payment never seen before; false (and nothing changed) when its charge id is known. */
    boolean record(StarPayment payment);

    /** The payment, its row locked until the transaction ends. */
    Optional<StarPayment> findForUpdate(String chargeId);

    /** Updates a recorded payment (refunded, panel done). */
    void save(StarPayment payment);

    /** A user's Stars payments, newest first. */
    List<StarPayment> ofPayer(UserId payer, int limit);

    /** Refunds whose panel step has not been confirmed yet, oldest first. */
    List<StarPayment> panelPending(int limit);
}
