package dev.vpnbot.application.service.codes;

import dev.vpnbot.application.model.codes.Redemption;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.payment.ApplyPaymentUseCase;
import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.codes.PromoCodes;
import dev.vpnbot.application.service.ordering.OrderPricing;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.promo.Benefit;
import dev.vpnbot.domain.promo.CodeProblem;
import dev.vpnbot.domain.promo.Discount;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Promo codes at order placement. The code's row is locked while its uses are counted and the new
 * one is taken, so of any number of buyers racing for the last use exactly one gets it; the others
 * are refused and place nothing. A typed code that cannot be used refuses the order; a code
 * remembered from a start link is only used when it fits, and otherwise waits (or is forgotten
 * when it can never be used again).
 */
public final class PromoPricing implements OrderPricing {
    private static final Logger LOG = Logger.getLogger(PromoPricing.class.getName());
    /** A remembered code with one of these problems will never fit: it is forgotten. */
    private static final Set<CodeProblem> FOR_GOOD = EnumSet.of(CodeProblem.DISABLED, CodeProblem.EXPIRED, CodeProblem.EXHAUSTED,
            CodeProblem.USED_UP_BY_USER, CodeProblem.NEW_USERS_ONLY);

    private final PromoCodes codes;
    private final Orders orders;
    private final ApplyPaymentUseCase payments;
    private final Clock clock;
    private final PromoSettings settings;

    public PromoPricing(PromoCodes codes, Orders orders, ApplyPaymentUseCase payments, Clock clock, PromoSettings settings) {
        this.codes = codes;
        this.orders = orders;
        this.payments = payments;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Quote quote(UserId user, Tariff tariff, TariffSnapshot offered, OrderPurpose purpose, String code) {
        if (code != null) return take(user, tariff, offered, code, false);
        Optional<String> remembered = codes.remembered(user);
        if (remembered.isEmpty()) return Quote.of(offered);
        try {
            return take(user, tariff, offered, remembered.get(), true);
        } catch (Refusal refusal) {
            LOG.info(() -> "user " + user + ": remembered code not used for this order: " + refusal.getMessage());
            return Quote.of(offered);
        }
    }

    private Quote take(UserId user, Tariff tariff, TariffSnapshot offered, String typed, boolean remembered) {
        String text = PromoCode.normalize(typed).orElseThrow(() -> CodeRefusals.unknown(typed));
        Optional<PromoCode> found = codes.findForUpdate(text).filter(c -> c.usableBy(user));
        if (found.isEmpty()) {
            if (remembered) codes.forget(user);
            throw CodeRefusals.unknown(typed);
        }
        PromoCode code = found.get();
        Instant now = clock.instant();
        Optional<CodeProblem> problem = problem(user, tariff, offered, code, now);
        if (problem.isPresent()) {
            if (remembered && FOR_GOOD.contains(problem.get())) codes.forget(user);
            throw CodeRefusals.of(problem.get(), code.code());
        }
        Discount discount = Discount.of(code.benefit(), offered);
        return new Quote() {
            @Override
            public TariffSnapshot snapshot() {
                return discount.offered();
            }

            @Override
            public void placed(Order order) {
                codes.redeem(new Redemption(code.id(), code.code(), order.id(), user, discount.list().price(), discount.off(),
                        discount.extraDays(), now, null));
                // the code a start link brought is used up by any code the user uses: one code per order
                codes.forget(user);
                LOG.info(() -> "order " + order.publicId().value() + " placed with code " + code.code() + ": " + discount.off() + " off, "
                        + discount.extraDays() + " extra days");
            }
        };
    }

    private Optional<CodeProblem> problem(UserId user, Tariff tariff, TariffSnapshot offered, PromoCode code, Instant now) {
        Optional<CodeProblem> problem = code.problemWith(tariff.id(), now, codes.uses(code.id()), codes.usesBy(code.id(), user),
                !codes.hasPaidOrder(user));
        if (problem.isPresent()) return problem;
        if (code.benefit() instanceof Benefit.AmountOff off && !off.amount().sameCurrencyAs(offered.price())) {
            return Optional.of(CodeProblem.WRONG_TARIFF);
        }
        boolean discountedAlready = !offered.price().equals(tariff.price()) || offered.days() != tariff.days();
        if (discountedAlready && !settings.stacking()) return Optional.of(CodeProblem.NOT_STACKABLE);
        return Optional.empty();
    }

    @Override
    public Optional<Order> settleFree(Order order) {
        Optional<Redemption> redemption = codes.redemptionOf(order.id());
        if (redemption.isEmpty()) return Optional.empty();
        // the one payment entry, as an admin's grant would: no money moved, exactly once
        payments.apply(new VerifiedPayment(order.publicId(), PaymentStatus.PAID, order.price(), VerifiedPayment.Source.GRANT,
                "promo-" + order.publicId().value(), "promo_free", "{\"promoCode\":\"" + redemption.get().code() + "\"}"));
        return orders.find(order.id());
    }
}
