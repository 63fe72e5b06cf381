package dev.vpnbot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.Await;
import dev.vpnbot.application.fixtures.RecordingNotifier;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase;
import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import dev.vpnbot.application.port.in.payment.PayInTestModeUseCase;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase;
import dev.vpnbot.bootstrap.config.StarsConfig;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.account.ShowMyKeysUseCase;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.bootstrap.http.Route;
import dev.vpnbot.bootstrap.http.WebHandler;
import dev.vpnbot.bootstrap.http.WebReply;
import dev.vpnbot.bootstrap.http.WebServer;
import dev.vpnbot.bootstrap.lifecycle.Lifecycle;
import dev.vpnbot.bootstrap.lifecycle.ManagedResource;
import dev.vpnbot.bootstrap.lifecycle.UpdateSource;
import dev.vpnbot.bootstrap.metrics.MeasuredFulfilment;
import dev.vpnbot.bootstrap.metrics.MeasuredVpnPanel;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real Guice wiring of bootstrap, over application's in-memory ports instead of the adapters. */
class WiringTest {
    private static final UserId BUYER = new UserId(1001);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private Lifecycle lifecycle;

    @AfterEach
    void stop() {
        if (lifecycle != null) lifecycle.stop();
    }

    private Injector wire(boolean testPayments, Module... extra) {
        List<Module> modules = new ArrayList<>(Wiring.core(TestConfig.appConfig(testPayments), TestConfig.NO_DATABASE));
        modules.add(new InMemoryAdaptersModule());
        modules.addAll(List.of(extra));
        return Wiring.injector(modules);
    }

    private HttpResponse<String> get(Injector injector, String path) throws Exception {
        int port = injector.getInstance(WebServer.class).port();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_use_case_of_the_application_is_bound() {
        Injector injector = wire(false);
        List<JavaClass> useCases = new ClassFileImporter().importPackages("dev.vpnbot.application.port.in").stream()
                .filter(c -> c.isInterface() && c.getSimpleName().endsWith("UseCase"))
                .toList();

        assertThat(useCases).hasSizeGreaterThanOrEqualTo(21);
        for (JavaClass useCase : useCases) {
            Class<?> type = useCase.reflect();
            if (type == PayInTestModeUseCase.class) {
                assertThat(injector.getInstance(Key.get(new TypeLiteral<Optional<PayInTestModeUseCase>>() {}))).isEmpty();
            } else if (type == PayWithStarsUseCase.class) {
                assertThat(injector.getInstance(Key.get(new TypeLiteral<Optional<PayWithStarsUseCase>>() {}))).isEmpty();
            } else {
                assertThat(injector.getInstance(type)).as(type.getSimpleName()).isInstanceOf(type);
            }
        }
    }

    @Test
    void stars_exist_only_when_switched_on_and_orders_then_carry_their_stars_price() {
        Injector injector = Wiring.injector(withAdapters(TestConfig.appConfig(false,
                new StarsConfig(true, new java.math.BigDecimal("50"), false))));
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Optional<PayWithStarsUseCase>>() {}))).isPresent();
        assertThat(injector.getInstance(dev.vpnbot.application.service.ordering.PurchaseSettings.class).starsPerUnit())
                .isEqualByComparingTo("50");
    }

    private static List<Module> withAdapters(dev.vpnbot.bootstrap.config.AppConfig config) {
        List<Module> modules = new ArrayList<>(Wiring.core(config, TestConfig.NO_DATABASE));
        modules.add(new InMemoryAdaptersModule());
        return modules;
    }

    @Test
    void test_payments_exist_only_when_switched_on() {
        Optional<PayInTestModeUseCase> on = wire(true).getInstance(Key.get(new TypeLiteral<Optional<PayInTestModeUseCase>>() {}));
        assertThat(on).isPresent();
    }

    @Test
    void use_cases_get_the_measured_panel_and_fulfilment_and_one_catalogue_serves_both_lists() {
        Injector injector = wire(false);
        assertThat(injector.getInstance(VpnPanel.class)).isInstanceOf(MeasuredVpnPanel.class);
        assertThat(injector.getInstance(Key.get(VpnPanel.class, Undecorated.class))).isInstanceOf(SimulatedVpnPanel.class);
        assertThat(injector.getInstance(FulfilOrderUseCase.class)).isInstanceOf(MeasuredFulfilment.class);
        assertThat((Object) injector.getInstance(ListTariffsUseCase.class)).isSameAs(injector.getInstance(ListServersForPurchaseUseCase.class));
    }

    @Test
    void a_paid_order_is_delivered_by_the_wired_background_jobs_and_shows_in_metrics_and_health() throws Exception {
        Injector injector = wire(false);
        Tariff month = TariffMother.oneMonth(1);
        injector.getInstance(Tariffs.class).save(month);
        Server server = ServerMother.server(1, "Helsinki");
        injector.getInstance(Servers.class).save(server);
        lifecycle = injector.getInstance(Lifecycle.class);
        lifecycle.start();

        injector.getInstance(RegisterUserUseCase.class).register(new RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));
        Order order = injector.getInstance(PlaceOrderUseCase.class).placeNewKey(new PlaceNewKeyOrderCommand(BUYER, month.id(), null));
        SimulatedPaymentGateway gateway = injector.getInstance(SimulatedPaymentGateway.class);
        gateway.payInFull(order.publicId());
        ConfirmPaymentUseCase.Outcome outcome = injector.getInstance(ConfirmPaymentUseCase.class).confirm(new ConfirmPaymentCommand(
                gateway.invoiceOf(order.publicId()).invoiceId(), order.publicId(), PaymentStatus.PAID, order.price(), "paid", "{}"));

        assertThat(outcome).isEqualTo(ConfirmPaymentUseCase.Outcome.PAID);
        RecordingNotifier notifier = injector.getInstance(RecordingNotifier.class);
        Await.until("the key-ready notice", Duration.ofSeconds(5), () -> !notifier.sentOfKind("keyReady").isEmpty());
        assertThat(notifier.sentOfKind("keyReady")).hasSize(1);
        assertThat(injector.getInstance(ShowMyKeysUseCase.class).myKeys(BUYER)).hasSize(1);

        HttpResponse<String> metrics = get(injector, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body())
                .contains("vpnbot_payment_notifications_total{outcome=\"paid\"} 1")
                .contains("vpnbot_fulfilments_total{result=\"fulfilled\"} 1")
                .contains("vpnbot_fulfilment_seconds_count 1")
                .contains("vpnbot_panel_call_seconds_count{operation=\"create_client\"} 1")
                .contains("vpnbot_orders{status=\"fulfilled\"} 1");

        HttpResponse<String> health = get(injector, "/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"panels\":{\"status\":\"UP\",\"detail\":\"1 panel(s) answering\"},"
                + "\"sales\":{\"status\":\"UP\",\"detail\":\"1 server(s) selling, 99 free slot(s)\"}}}\n");
    }

    @Test
    void an_adapter_plugs_its_route_its_update_source_and_its_resources_in_with_one_provider_each() throws Exception {
        Injector injector = wire(false, new AbstractModule() {
            @ProvidesIntoMap
            @RouteKey(Route.CONNECT)
            WebHandler connect() {
                return request -> WebReply.text(200, "connect page for " + request.queryParameter("key").orElse("?"));
            }

            @ProvidesIntoSet
            UpdateSource polling() {
                return new UpdateSource() {
                    public String name() {
                        return "test polling";
                    }

                    public void start() {
                        events.add("updates started");
                    }

                    public void stop() {
                        events.add("updates stopped");
                    }
                };
            }

            @ProvidesIntoSet
            ManagedResource pool() {
                return new ManagedResource("pool", ManagedResource.CloseOrder.STORAGE, () -> events.add("pool closed"));
            }

            @ProvidesIntoSet
            ManagedResource sender() {
                return new ManagedResource("sender", ManagedResource.CloseOrder.MESSAGING, () -> events.add("sender closed"));
            }
        });
        lifecycle = injector.getInstance(Lifecycle.class);
        lifecycle.start();

        assertThat(get(injector, "/connect?key=7").body()).isEqualTo("connect page for 7");
        int port = injector.getInstance(WebServer.class).port();
        lifecycle.stop();
        lifecycle.stop(); // twice is harmless

        assertThat(events).containsExactly("updates started", "updates stopped", "sender closed", "pool closed");
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void migrate_wires_the_schema_migration_and_nothing_that_needs_a_pool_or_the_secret_key() {
        Injector injector = Wiring.injector(Wiring.migration(TestConfig.appConfig(false), TestConfig.NO_DATABASE));

        assertThat(injector.getInstance(dev.vpnbot.bootstrap.lifecycle.SchemaMigration.class)).isNotNull();
        assertThat(injector.getExistingBinding(Key.get(dev.vpnbot.application.port.out.Users.class))).isNull();
        assertThat(injector.getExistingBinding(Key.get(dev.vpnbot.adapter.postgres.PostgresPersistence.class))).isNull();
    }

    @Test
    void a_missing_adapter_is_named_in_one_line_each() {
        CreationException e = org.assertj.core.api.Assertions.catchThrowableOfType(CreationException.class,
                () -> Wiring.injector(Wiring.core(TestConfig.appConfig(false), TestConfig.NO_DATABASE)));

        assertThat(Wiring.explain(e)).contains(
                "nothing in this build provides dev.vpnbot.application.port.out.Users",
                "nothing in this build provides dev.vpnbot.application.port.out.payment.PaymentGateway",
                "nothing in this build provides dev.vpnbot.application.port.out.panel.VpnPanel annotated with @dev.vpnbot.bootstrap.wiring.Undecorated()",
                "nothing in this build provides dev.vpnbot.bootstrap.lifecycle.SchemaMigration")
                .allSatisfy(line -> assertThat(line).doesNotContain("\n"));
    }
}
