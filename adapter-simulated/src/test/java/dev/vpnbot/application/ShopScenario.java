package dev.vpnbot.application;

import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/**
 * Test fixture: a shop over in-memory persistence and the simulated panel and gateway, with one
 * 1-month tariff, one server ("Frankfurt") and one registered buyer, as the business scenarios
 * start. The scenarios live in adapter-simulated because application cannot depend on it.
 */
abstract class ShopScenario {
    protected static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    protected static final UserId BUYER = new UserId(1001);

    protected final MutableClock clock = new MutableClock(START);
    protected final SimulatedVpnPanel panel = new SimulatedVpnPanel();
    protected final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();
    protected final RecordingNotifier notifier = new RecordingNotifier();
    protected TestShop shop;
    protected Tariff oneMonth;
    protected Server serverX;

    @BeforeEach
    void openShop() {
        shop = TestShop.inMemory(clock).panel(panel).gateway(gateway).notifier(notifier).build();
        oneMonth = TariffMother.oneMonth(1);
        shop.tariffs.save(oneMonth);
        serverX = ServerMother.server(1, "Frankfurt");
        shop.servers.save(serverX);
        shop.registration.register(new RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));
    }

    protected Order buyOnServerX() {
        return shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), serverX.id()));
    }
}
