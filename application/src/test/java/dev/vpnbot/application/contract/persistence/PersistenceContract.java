package dev.vpnbot.application.contract.persistence;

import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * Test fixture: what every contract test shares: the ports under test ({@link #ports}, fresh
 * for each test) and small builders for rows the database's foreign keys need
 * (a key needs its user and server, a job its order).
 */
public abstract class PersistenceContract {
    /** Where the clock stands at the start of every contract test. */
    public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    protected static final Tariff ONE_MONTH = TariffMother.oneMonth(1);

    private final Supplier<Persistence> freshPorts;

    /** The ports under test, fresh for every test. */
    protected Persistence ports;

    /** @param freshPorts called before each test: new in-memory adapters, or the test's emptied schema */
    protected PersistenceContract(Supplier<Persistence> freshPorts) {
        this.freshPorts = freshPorts;
    }

    @BeforeEach
    void openPorts() {
        ports = freshPorts.get();
    }

    protected User savedUser(long telegramId) {
        User user = UserMother.russian(telegramId);
        ports.users().save(user);
        return user;
    }

    protected Server savedServer(String name) {
        ServerId id = ports.servers().nextId();
        Server server = new Server(id, name, ServerMother.panel("https://panel" + id + ".example:2053/Xq9secret/"), 1, true, 100, 0);
        ports.servers().save(server);
        return server;
    }

    protected VpnKey savedKey(User owner, Server server, Instant expiresAt, KeyStatus status) {
        VpnKey key = newKey(owner, server, expiresAt, status);
        ports.keys().save(key);
        return key;
    }

    protected VpnKey newKey(User owner, Server server, Instant expiresAt, KeyStatus status) {
        KeyId id = ports.keys().nextId();
        PanelClientId client = new PanelClientId(UUID.randomUUID(), "vpnbot-k" + id + "-u" + owner.id(), "k" + id + "sub");
        KeyLinks links = status == KeyStatus.ACTIVE || status == KeyStatus.DISABLED ? links(server, client) : null;
        return new VpnKey(id, owner.id(), server.id(), client, expiresAt, status, links, NOW);
    }

    protected static KeyLinks links(Server server, PanelClientId client) {
        return new KeyLinks("https://sub.server" + server.id() + ".example/sub/" + client.subId(),
                "vless://" + client.uuid() + "@server" + server.id() + ".example:443?type=tcp&security=reality#" + client.email());
    }

    protected Order placedOrder(User user, Server server, Instant at) {
        Order order = newOrder(user, new OrderPurpose.NewKey(server.id()), at);
        ports.orders().save(order);
        return order;
    }

    protected Order newOrder(User user, OrderPurpose purpose, Instant at) {
        OrderId id = ports.orders().nextId();
        return Order.place(id, PublicOrderId.of(id, "n0nce" + id), user.id(), ONE_MONTH.snapshot(), purpose, at, Duration.ofHours(1));
    }
}
