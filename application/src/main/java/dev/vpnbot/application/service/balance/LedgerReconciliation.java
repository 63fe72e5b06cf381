package dev.vpnbot.application.service.balance;

import dev.vpnbot.application.port.in.balance.ReconcileLedgerUseCase;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.balance.Balances;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily check that the ledger tells the gateway's story. Rules: every payment that put money
 * on a balance that day is asked about with {@code payment/info}; the deposits made from it (over
 * all days) must not exceed what the gateway says was paid, and it must still say paid (or wrong
 * amount); every account's figure must equal the sum of its ledger. Any mismatch is one admin alert
 * listing them all; a gateway that cannot be asked is a mismatch too (the check did not happen).
 */
public final class LedgerReconciliation implements ReconcileLedgerUseCase {
    private final Balances balances;
    private final PaymentGateway gateway;
    private final Notifier notifier;
    private final SentNotifications once;

    public LedgerReconciliation(Balances balances, PaymentGateway gateway, Notifier notifier, SentNotifications once) {
        this.balances = balances;
        this.gateway = gateway;
        this.notifier = notifier;
        this.once = once;
    }

    @Override
    public Optional<Report> reconcileOnce(LocalDate day) {
        // claimed first: a crash loses one day's check rather than alerting twice
        if (!once.claim("ledger-reconciliation", day.toString())) return Optional.empty();
        return Optional.of(reconcile(day));
    }

    @Override
    public Report reconcile(LocalDate day) {
        List<LedgerEntry> deposits = balances.depositsBetween(day.atStartOfDay().toInstant(ZoneOffset.UTC),
                day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Map<String, List<LedgerEntry>> byPayment = new LinkedHashMap<>();
        deposits.stream().filter(e -> e.paymentRef() != null)
                .forEach(e -> byPayment.computeIfAbsent(e.paymentRef(), k -> new ArrayList<>()).add(e));
        List<String> mismatches = new ArrayList<>();
        byPayment.keySet().forEach(ref -> check(ref, mismatches));
        for (UserId user : balances.accountsDisagreeingWithLedger()) {
            mismatches.add("user " + user.telegramId() + ": the account figure differs from the sum of the ledger");
        }
        if (!mismatches.isEmpty()) {
            notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.LEDGER_MISMATCH, day + ": " + String.join("; ", mismatches)));
        }
        return new Report(day, deposits.size(), byPayment.size(), mismatches);
    }

    private void check(String ref, List<String> mismatches) {
        Optional<PaymentInfo> info;
        try {
            info = gateway.paymentInfo(new PublicOrderId(ref));
        } catch (PaymentGatewayException e) {
            mismatches.add(ref + ": the gateway could not be asked (" + e.getMessage() + ")");
            return;
        }
        Money deposited = depositedFrom(ref);
        if (info.isEmpty()) {
            mismatches.add(ref + ": " + deposited + " deposited, the gateway knows no such payment");
            return;
        }
        PaymentInfo p = info.get();
        boolean paidStatus = p.status().isPaid() || p.status() == dev.vpnbot.application.model.payment.PaymentStatus.WRONG_AMOUNT;
        Money paid = p.paid() != null ? p.paid() : p.invoiced();
        if (!paidStatus || !paid.sameCurrencyAs(deposited) || deposited.compareTo(paid) > 0) {
            mismatches.add(ref + ": " + deposited + " deposited, the gateway says " + p.rawStatus() + " " + paid);
        }
    }

    /** Everything ever deposited from one payment (a surplus and a rest may be written on different days). */
    private Money depositedFrom(String ref) {
        List<LedgerEntry> all = balances.depositsOfPayment(ref);
        Money sum = new Money(java.math.BigDecimal.ZERO, all.get(0).amount().currency());
        for (LedgerEntry e : all) sum = sum.plus(e.amount());
        return sum;
    }
}
