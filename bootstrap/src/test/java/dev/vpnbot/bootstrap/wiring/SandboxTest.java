package dev.vpnbot.bootstrap.wiring;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.vpnbot.adapter.simulated.PlaceholderInvoices;
import dev.vpnbot.adapter.simulated.SandboxServer;
import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.InMemoryKeys;
import dev.vpnbot.application.fixtures.InMemoryServers;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sandbox's simulated panel and payments drive the real use cases, and nothing but `sandbox` can wire them. */
class SandboxTest {
    private static final UserId NEWCOMER = new UserId(777);

    @Test
    void only_the_sandbox_command_wires_the_simulators() {
        // placeholder invoices are the one simulated piece `run` may bind: test payment mode without Heleket keys
        noClasses().that().resideOutsideOfPackages("dev.vpnbot.bootstrap.wiring.sandbox..", "dev.vpnbot.adapter.simulated..")
                .and().doNotHaveFullyQualifiedName("dev.vpnbot.bootstrap.cli.SandboxCommand")
                .should().dependOnClassesThat(resideInAPackage("dev.vpnbot.bootstrap.wiring.sandbox.."))
                .orShould().dependOnClassesThat(resideInAPackage("dev.vpnbot.adapter.simulated..")
                        .and(not(equivalentTo(PlaceholderInvoices.class))))
                .because("simulated panels and payments must never be switched on by `run`")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(location -> !location.contains("-tests.jar")) // tests use the simulators freely
                        .importPackages("dev.vpnbot"));
    }

    @Test
    void start_buy_pay_key_and_extend_work_against_the_simulators() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        SimulatedVpnPanel panel = new SimulatedVpnPanel();
        SimulatedPaymentGateway payments = new SimulatedPaymentGateway();
        TestShop shop = TestShop.inMemory(clock).panel(panel).gateway(payments).build();
        Server server = SandboxServer.ensure(shop.servers);
        assertThat(SandboxServer.ensure(shop.servers)).isEqualTo(server); // once only
        Tariff month = TariffMother.oneMonth(1);
        shop.tariffs.save(month);
        shop.registration.register(new RegisterUserCommand(NEWCOMER, "Newcomer", null, "ru"));

        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(NEWCOMER, month.id(), null));
        assertThat(order.invoice().payUrl()).startsWith("https://sandbox-pay.invalid/pay/");
        assertThat(payments.payAndNotify(order.publicId(), shop.confirmation)).isEqualTo(ConfirmPaymentUseCase.Outcome.PAID);
        shop.worker.runDueJobs();

        VpnKey key = shop.myKeys.myKeys(NEWCOMER).get(0).key();
        assertThat(key.links().vlessUrl()).contains(".invalid:443").contains("SANDBOX-");
        assertThat(panel.client(server.id(), key.client().email())).isPresent();

        clock.advance(Duration.ofDays(10));
        Order renewal = shop.placement.placeRenewal(new PlaceRenewalCommand(NEWCOMER, key.id(), month.id()));
        payments.payAndNotify(renewal.publicId(), shop.confirmation);
        shop.worker.runDueJobs();

        assertThat(shop.orders.find(renewal.id()).orElseThrow().status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(panel.client(server.id(), key.client().email()).orElseThrow().expiresAt())
                .isEqualTo(key.expiresAt().plus(Duration.ofDays(30)));
    }

    @Test
    void the_simulated_panel_keeps_the_real_panels_rules() {
        SimulatedVpnPanel panel = new SimulatedVpnPanel();
        Server server = SandboxServer.ensure(new InMemoryServers(new InMemoryKeys(), java.time.Clock.systemUTC()));
        var id = new dev.vpnbot.domain.key.PanelClientId(java.util.UUID.randomUUID(), "vpnbot-k1-u1", "k1abcdefgh");
        var client = new dev.vpnbot.application.port.out.panel.NewPanelClient(id, Instant.now(), 1, 0, 0);

        assertThat(panel.createClient(server, client)).isEqualTo(panel.createClient(server, client)); // a retry is success
        var impostor = new dev.vpnbot.domain.key.PanelClientId(java.util.UUID.randomUUID(), "vpnbot-k1-u1", "other1234");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> panel.createClient(server,
                        new dev.vpnbot.application.port.out.panel.NewPanelClient(impostor, Instant.now(), 1, 0, 0)))
                .isInstanceOfSatisfying(PanelException.class, e -> assertThat(e.kind()).isEqualTo(PanelFault.DUPLICATE_EMAIL));
        panel.deleteClient(server, id);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> panel.setExpiry(server, id, Instant.now()))
                .isInstanceOfSatisfying(PanelException.class, e -> assertThat(e.kind()).isEqualTo(PanelFault.CLIENT_NOT_FOUND));
    }
}
