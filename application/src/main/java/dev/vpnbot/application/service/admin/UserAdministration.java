package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageUsersUseCase;
import dev.vpnbot.application.port.in.payment.ApplyPaymentUseCase;
import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

/** Finds users for admins and grants them time through zero-price orders, paid through the one payment entry. */
public final class UserAdministration implements ManageUsersUseCase {
    private final Admins admins;
    private final Users users;
    private final Keys keys;
    private final Orders orders;
    private final Tariffs tariffs;
    private final Servers servers;
    private final Transactions transactions;
    private final Clock clock;
    private final ApplyPaymentUseCase payments;

    public UserAdministration(Admins admins, Users users, Keys keys, Orders orders, Tariffs tariffs, Servers servers,
                              Transactions transactions, Clock clock, ApplyPaymentUseCase payments) {
        this.admins = admins;
        this.users = users;
        this.keys = keys;
        this.orders = orders;
        this.tariffs = tariffs;
        this.servers = servers;
        this.transactions = transactions;
        this.clock = clock;
        this.payments = payments;
    }

    @Override
    public Optional<UserDossier> findUser(UserId actor, String query) {
        admins.require(actor);
        String q = query == null ? "" : query.strip();
        Optional<User> user = q.matches("\\d{1,19}")
                ? users.find(new UserId(Long.parseLong(q)))
                : q.isEmpty() ? Optional.empty() : users.findByUsername(q);
        return user.map(u -> new UserDossier(u, keys.ofOwner(u.id()), orders.ofUser(u.id(), 20)));
    }

    @Override
    public Order grantNewKey(UserId actor, UserId user, TariffId tariffId, ServerId serverId) {
        admins.require(actor);
        users.find(user).orElseThrow(() -> new Refusal(Refusal.Reason.USER_NOT_FOUND, "user " + user));
        // an admin may place a key on any known server, even a full or switched-off one
        servers.find(serverId).orElseThrow(() -> new Refusal(Refusal.Reason.SERVER_NOT_AVAILABLE, "server " + serverId));
        return grant(actor, user, tariff(tariffId), new OrderPurpose.NewKey(serverId));
    }

    @Override
    public Order grantExtension(UserId actor, KeyId keyId, TariffId tariffId) {
        admins.require(actor);
        VpnKey key = keys.find(keyId).orElseThrow(() -> new Refusal(Refusal.Reason.KEY_NOT_FOUND, "key " + keyId));
        return grant(actor, key.owner(), tariff(tariffId), new OrderPurpose.Renewal(keyId));
    }

    private Order grant(UserId actor, UserId user, Tariff tariff, OrderPurpose purpose) {
        Money free = new Money(BigDecimal.ZERO, tariff.price().currency());
        Order placed = transactions.inTransaction(() -> {
            OrderId id = orders.nextId();
            PublicOrderId publicId = new PublicOrderId("grant-" + actor.telegramId() + "-" + id.value());
            Order order = Order.place(id, publicId, user, new TariffSnapshot(tariff.id(), tariff.days(), free), purpose,
                    clock.instant(), java.time.Duration.ofMinutes(1));
            orders.save(order);
            return order;
        });
        payments.apply(VerifiedPayment.granted(placed.publicId(), free, actor));
        return orders.find(placed.id()).orElseThrow();
    }

    private Tariff tariff(TariffId id) {
        return tariffs.find(id).orElseThrow(() -> new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "no tariff " + id));
    }
}
