package dev.vpnbot.application.service.ordering;

import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.growth.GrowthFlags;
import dev.vpnbot.application.port.out.growth.Trials;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerSelection;
import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Places orders. The order is committed first, then the gateway is asked for the invoice:
 * if the gateway fails, the order stays (CREATED) and can be paid again later, and no
 * invoice can ever exist that we have no order for.
 */
public final class OrderPlacement implements PlaceOrderUseCase {
    /** For tools and benchmarks built without the sales switch: sales are never paused there. */
    private static final SalesSwitch NEVER_PAUSED = new SalesSwitch() {
        @Override
        public Optional<SalesPause> current() {
            return Optional.empty();
        }

        @Override
        public void pause(SalesPause pause) {
            throw new UnsupportedOperationException("this placement was built without a sales switch");
        }

        @Override
        public void resume() {
        }
    };

    private final SalesSwitch sales;
    private final Users users;
    private final Tariffs tariffs;
    private final Servers servers;
    private final Keys keys;
    private final Orders orders;
    private final PaymentGateway gateway;
    private final Transactions transactions;
    private final Clock clock;
    private final PurchaseSettings settings;
    private final Nonces nonces;
    private OrderPricing pricing = OrderPricing.LIST;
    /** traffic packs; null: none are sold */
    private TrafficPackRules packRules;
    private final GrowthFlags flags;
    private final Trials trials;

    public OrderPlacement(Users users, Tariffs tariffs, Servers servers, Keys keys, Orders orders,
                          PaymentGateway gateway, Transactions transactions, Clock clock,
                          PurchaseSettings settings, Nonces nonces) {
        this(users, tariffs, servers, keys, orders, gateway, transactions, clock, settings, nonces, NEVER_PAUSED);
    }

    /** @param sales maintenance: while sales are paused, new keys are refused ({@code SALES_PAUSED}); renewals go on */
    public OrderPlacement(Users users, Tariffs tariffs, Servers servers, Keys keys, Orders orders,
                          PaymentGateway gateway, Transactions transactions, Clock clock,
                          PurchaseSettings settings, Nonces nonces, SalesSwitch sales) {
        this(users, tariffs, servers, keys, orders, gateway, transactions, clock, settings, nonces, sales, null, null);
    }

    /**
     * @param flags  once-per-user tariffs (a paid micro-trial is refused the second time); null: none
     * @param trials trial keys are not renewed (the user buys a key instead); null: no trials
     */
    public OrderPlacement(Users users, Tariffs tariffs, Servers servers, Keys keys, Orders orders,
                          PaymentGateway gateway, Transactions transactions, Clock clock,
                          PurchaseSettings settings, Nonces nonces, SalesSwitch sales, GrowthFlags flags, Trials trials) {
        this.flags = flags;
        this.trials = trials;
        this.sales = sales;
        this.users = users;
        this.tariffs = tariffs;
        this.servers = servers;
        this.keys = keys;
        this.orders = orders;
        this.gateway = gateway;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.nonces = nonces;
    }

    /** Discounts (promo codes) taken when an order is placed; without it, the list price. */
    public OrderPlacement pricedBy(OrderPricing orderPricing) {
        this.pricing = java.util.Objects.requireNonNull(orderPricing, "orderPricing");
        return this;
    }

    /** Traffic packs: never a new key; for a renewal, only for a key in its paid time with a traffic limit. */
    public OrderPlacement sellingPacks(TrafficPackRules rules) {
        this.packRules = java.util.Objects.requireNonNull(rules, "rules");
        return this;
    }

    @Override
    public Order placeNewKey(PlaceNewKeyOrderCommand command) {
        requireRegistered(command.userId());
        sales.current().ifPresent(pause -> {
            throw new Refusal(Refusal.Reason.SALES_PAUSED, pause.message());
        });
        Tariff tariff = activeTariff(command.tariffId());
        if (packRules != null && packRules.isPack(tariff.id())) {
            throw new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "tariff " + tariff.id() + " is a traffic pack, not a key");
        }
        ServerSelection selection = new ServerSelection(servers.all());
        Server server = command.serverId() == null
                ? selection.leastLoaded().orElseThrow(() -> new Refusal(Refusal.Reason.NO_SERVER_AVAILABLE, "all servers are full or off"))
                : selection.pick(command.serverId()).orElseThrow(() -> new Refusal(Refusal.Reason.SERVER_NOT_AVAILABLE, "server " + command.serverId()));
        requireFirstPurchase(command.userId(), tariff);
        return place(command.userId(), tariff, new OrderPurpose.NewKey(server.id()), command.promoCode());
    }

    @Override
    public Order placeRenewal(PlaceRenewalCommand command) {
        requireRegistered(command.userId());
        Tariff tariff = activeTariff(command.tariffId());
        VpnKey key = keys.find(command.keyId())
                .filter(k -> k.belongsTo(command.userId()))
                .orElseThrow(() -> new Refusal(Refusal.Reason.KEY_NOT_FOUND, "key " + command.keyId() + " of user " + command.userId()));
        // a switched-off server still renews (its panel may well answer); a retired one is gone for good
        if (servers.find(key.serverId()).isEmpty()) {
            throw new Refusal(Refusal.Reason.SERVER_NOT_AVAILABLE, "key " + key.id() + " is on retired server " + key.serverId());
        }
        if (trials != null && trials.isTrialKey(key.id())) {
            throw new Refusal(Refusal.Reason.TRIAL_KEY_NOT_RENEWABLE, "key " + key.id() + " is a trial key");
        }
        if (packRules != null && packRules.isPack(tariff.id())) packRules.requireSellable(key, clock.instant());
        requireFirstPurchase(command.userId(), tariff);
        return place(command.userId(), tariff, new OrderPurpose.Renewal(key.id()), command.promoCode());
    }

    private Order place(UserId userId, Tariff tariff, OrderPurpose purpose, String promoCode) {
        Duration lifetime = settings.invoiceLifetime();
        Order created = transactions.inTransaction(() -> {
            // each order is an invoice at the gateway and a row the reconciler walks: one user gets a few at a time
            int open = orders.countWaiting(userId);
            if (open >= settings.maxOpenOrders()) {
                throw new Refusal(Refusal.Reason.TOO_MANY_OPEN_ORDERS, "user " + userId + " has " + open + " orders waiting for payment");
            }
            OrderId id = orders.nextId();
            OrderPricing.Quote quote = pricing.quote(userId, tariff, tariff.snapshot(settings.starsPerUnit()), purpose, promoCode);
            Order order = Order.place(id, PublicOrderId.of(id, nonces.next()), userId, quote.snapshot(), purpose,
                    clock.instant(), lifetime);
            orders.save(order);
            quote.placed(order);
            return order;
        });
        // a free order (a code took everything off) has nothing to invoice
        if (created.price().amount().signum() == 0) return pricing.settleFree(created).orElseGet(() -> requestInvoice(created));
        return requestInvoice(created);
    }

    /** Asks the gateway for the order's invoice; also used to retry an order left CREATED. */
    Order requestInvoice(Order order) {
        Invoice invoice;
        try {
            invoice = gateway.createInvoice(new InvoiceRequest(order.publicId(), order.price(), settings.invoiceLifetime()));
        } catch (PaymentGatewayException e) {
            throw new Refusal(Refusal.Reason.PAYMENT_GATEWAY_UNAVAILABLE, e.getMessage());
        }
        return transactions.inTransaction(() -> {
            Order current = orders.findForUpdate(order.id()).orElseThrow();
            if (current.invoice() != null || !current.status().isWaitingForPayment()) return current;
            Order awaiting = current.awaitPayment(invoice);
            orders.save(awaiting);
            return awaiting;
        });
    }

    /** A known user who is not banned: nothing is sold to a banned user, not even a renewal that would switch a key back on. */
    private void requireRegistered(UserId userId) {
        var user = users.find(userId).orElseThrow(() -> new Refusal(Refusal.Reason.USER_NOT_REGISTERED, "user " + userId));
        if (user.banned()) throw new Refusal(Refusal.Reason.USER_BANNED, "user " + userId);
    }

    /** A once-per-user tariff (a paid micro-trial) is sold to each user once: paid, or still waiting for payment. */
    private void requireFirstPurchase(UserId userId, Tariff tariff) {
        if (flags != null && flags.oncePerUser(tariff.id()) && flags.boughtBefore(userId, tariff.id())) {
            throw new Refusal(Refusal.Reason.TARIFF_ONCE_PER_USER, "user " + userId + " has bought tariff " + tariff.id() + " before");
        }
    }

    private Tariff activeTariff(TariffId id) {
        return tariffs.find(id).filter(Tariff::active)
                .orElseThrow(() -> new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "tariff " + id));
    }
}
