package dev.vpnbot.application.service.balance;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.balance.TopUpBalanceUseCase;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.balance.TopUps;
import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.domain.tariff.Tariff;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * "Top up balance": the top-up is stored first, then the gateway is asked for its invoice (the
 * same public id always gives the same invoice), as orders are. Crediting it is the payment
 * side's (BalanceCheckout), after the gateway confirmed the payment.
 */
public final class BalanceTopUp implements TopUpBalanceUseCase {
    private final Nonces nonces = new Nonces();

    private final BalanceBook book;
    private final ShopCurrency currency;
    private final TopUps topUps;
    private final Users users;
    private final PaymentGateway gateway;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration invoiceLifetime;
    private final List<BigDecimal> presets;
    private final Tariffs tariffs;

    public BalanceTopUp(BalanceBook book, ShopCurrency currency, TopUps topUps, Users users, PaymentGateway gateway,
                        Transactions transactions, Clock clock, Duration invoiceLifetime, List<BigDecimal> presets, Tariffs tariffs) {
        this.book = book;
        this.currency = currency;
        this.topUps = topUps;
        this.users = users;
        this.gateway = gateway;
        this.transactions = transactions;
        this.clock = clock;
        this.invoiceLifetime = invoiceLifetime;
        this.presets = List.copyOf(presets);
        this.tariffs = tariffs;
    }

    @Override
    public List<Money> presets() {
        Currency shop = currency.get();
        if (presets.isEmpty()) {
            // none configured: enough for each tariff on sale
            return tariffs.all().stream().filter(Tariff::active).map(Tariff::price).filter(p -> p.currency().equals(shop))
                    .distinct().sorted().toList();
        }
        return presets.stream().map(p -> new Money(p.setScale(Math.max(shop.getDefaultFractionDigits(), 0), RoundingMode.DOWN), shop))
                .filter(m -> m.amount().signum() > 0).toList();
    }

    @Override
    public TopUp topUp(UserId user, Money amount) {
        return start(user, amount, null);
    }

    /** A top-up that pays {@code forOrder} from the balance once credited (null: just the balance). */
    public TopUp start(UserId user, Money amount, OrderId forOrder) {
        book.requireValid(amount);
        var stored = users.find(user).orElseThrow(() -> new Refusal(Refusal.Reason.USER_NOT_REGISTERED, "user " + user));
        if (stored.banned()) throw new Refusal(Refusal.Reason.USER_BANNED, "user " + user);
        TopUp created = transactions.inTransaction(() -> {
            long id = topUps.nextId();
            TopUp topUp = new TopUp(id, TopUp.publicId(id, nonces.next()), user, amount, forOrder, null, clock.instant(), null);
            topUps.save(topUp);
            return topUp;
        });
        Invoice invoice;
        try {
            invoice = gateway.createInvoice(new InvoiceRequest(created.publicId(), amount, invoiceLifetime));
        } catch (PaymentGatewayException e) {
            throw new Refusal(Refusal.Reason.PAYMENT_GATEWAY_UNAVAILABLE, e.getMessage());
        }
        TopUp issued = created.withInvoice(invoice);
        transactions.run(() -> topUps.save(issued));
        return issued;
    }
}
