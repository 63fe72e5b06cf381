package dev.vpnbot.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.vpnbot.adapter.telegram.broken.ScreenThatReachesPastItsPorts;
import dev.vpnbot.application.port.in.broken.PortThatSeesAService;
import dev.vpnbot.application.port.out.ConversationStates;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.StarsRefunds;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.admin.BackupChannel;
import dev.vpnbot.application.port.out.admin.BroadcastChannel;
import dev.vpnbot.bootstrap.cli.broken.CommandThatKnowsAScreen;
import dev.vpnbot.bootstrap.http.broken.ServerThatCounts;
import dev.vpnbot.bootstrap.metrics.broken.PageThatServes;
import dev.vpnbot.domain.broken.DomainClassThatUsesGuice;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the dependency rules over every production class of every module. */
class ArchitectureTest {
    private static final String OUT = "dev.vpnbot.application.port.out";
    /** Telegram implements the notifier, the broadcast and the backup channels and Stars refunds (failing as PaymentGatewayException); its screens keep a chat's step in ConversationStates. */
    private static final ArchRule TELEGRAM_DRIVES_IN_PORTS = DependencyRules.drivingAdapterUsesInPorts("dev.vpnbot.adapter.telegram..",
            List.of(OUT + ".notify.."), BroadcastChannel.class, BackupChannel.class, ConversationStates.class, StarsRefunds.class,
            PaymentGatewayException.class, dev.vpnbot.application.port.out.growth.ChannelMembership.class);
    /** Heleket's webhook drives ConfirmPaymentUseCase; its gateway side implements the payment port. */
    private static final ArchRule HELEKET_DRIVES_IN_PORTS = DependencyRules.drivingAdapterUsesInPorts("dev.vpnbot.adapter.heleket..",
            List.of(OUT + ".payment.."));
    /** The startup banner counts the servers, and `sandbox` seeds its own server, through the Servers store. */
    private static final ArchRule CLI_DRIVES_IN_PORTS = DependencyRules.drivingAdapterUsesInPorts("dev.vpnbot.bootstrap.cli..",
            List.of(), Servers.class);
    private static final ArchRule HTTP_DRIVES_IN_PORTS = DependencyRules.drivingAdapterUsesInPorts("dev.vpnbot.bootstrap.http..",
            List.of());
    /** POST /nodes/enroll drives EnrollServerUseCase and nothing else. */
    private static final ArchRule ENROLLMENT_DRIVES_IN_PORTS = DependencyRules.drivingAdapterUsesInPorts("dev.vpnbot.bootstrap.http.enrollment..",
            List.of());
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // test fixtures shared as test-jars
                .importPackages("dev.vpnbot");
    }

    @Test
    void domain_depends_on_the_jdk_only() {
        DependencyRules.DOMAIN_USES_THE_JDK_ONLY.check(production);
    }

    @Test
    void application_depends_on_the_domain_only() {
        DependencyRules.APPLICATION_USES_THE_DOMAIN_ONLY.check(production);
    }

    @Test
    void the_core_knows_no_adapter_and_no_bootstrap() {
        DependencyRules.CORE_DOES_NOT_USE_ADAPTERS_OR_BOOTSTRAP.check(production);
    }

    @Test
    void adapters_never_depend_on_each_other() {
        for (String adapter : DependencyRules.ADAPTERS) {
            DependencyRules.adapterDoesNotUseOtherAdapters(adapter).check(production);
        }
    }

    @Test
    void only_bootstrap_uses_guice() {
        DependencyRules.ONLY_BOOTSTRAP_USES_GUICE.check(production);
    }

    @Test
    void no_telegram_jdbi_retrofit_or_jackson_type_in_the_core() {
        DependencyRules.NO_WIRE_TYPES_IN_THE_CORE.check(production);
    }

    @Test
    void driving_adapters_use_only_in_ports_the_model_and_the_out_ports_they_implement() {
        TELEGRAM_DRIVES_IN_PORTS.check(production);
        HELEKET_DRIVES_IN_PORTS.check(production);
        CLI_DRIVES_IN_PORTS.check(production);
        HTTP_DRIVES_IN_PORTS.check(production);
        ENROLLMENT_DRIVES_IN_PORTS.check(production);
    }

    @Test
    void ports_never_see_services() {
        DependencyRules.PORTS_NEVER_SEE_SERVICES.check(production);
    }

    @Test
    void adapters_never_see_services_and_bootstrap_only_in_its_wiring() {
        DependencyRules.ADAPTERS_NEVER_SEE_SERVICES.check(production);
        DependencyRules.ONLY_WIRING_SEES_SERVICES.check(production);
    }

    @Test
    void bootstrap_sees_only_the_top_package_of_each_adapter() {
        DependencyRules.BOOTSTRAP_SEES_ONLY_TOP_PACKAGES_OF_ADAPTERS.check(production);
    }

    @Test
    void no_package_cycles_in_any_module() {
        DependencyRules.NO_PACKAGE_CYCLES.check(production);
    }

    @Test
    void the_shape_rules_fail_when_broken() {
        JavaClasses broken = new ClassFileImporter().importClasses(PortThatSeesAService.class, ScreenThatReachesPastItsPorts.class,
                CommandThatKnowsAScreen.class, ServerThatCounts.class, PageThatServes.class);
        assertFails(TELEGRAM_DRIVES_IN_PORTS, broken, "ScreenThatReachesPastItsPorts", "port.out.Users");
        assertFails(CLI_DRIVES_IN_PORTS, broken, "CommandThatKnowsAScreen", "service.account.UserLookup");
        assertFails(DependencyRules.PORTS_NEVER_SEE_SERVICES, broken, "PortThatSeesAService", "UserLookup");
        assertFails(DependencyRules.ADAPTERS_NEVER_SEE_SERVICES, broken, "ScreenThatReachesPastItsPorts", "UserLookup");
        assertFails(DependencyRules.ONLY_WIRING_SEES_SERVICES, broken, "CommandThatKnowsAScreen", "UserLookup");
        assertFails(DependencyRules.BOOTSTRAP_SEES_ONLY_TOP_PACKAGES_OF_ADAPTERS, broken, "CommandThatKnowsAScreen", "TelegramUseCases");
        assertFails(DependencyRules.NO_PACKAGE_CYCLES, broken, "Cycle", "ServerThatCounts");
    }

    private static void assertFails(ArchRule rule, JavaClasses broken, String... mentions) {
        var failure = assertThatThrownBy(() -> rule.check(broken)).isInstanceOf(AssertionError.class);
        for (String mention : mentions) failure.hasMessageContaining(mention);
    }

    @Test
    void the_rules_do_fail_when_broken() {
        JavaClasses broken = new ClassFileImporter().importClasses(DomainClassThatUsesGuice.class);
        assertThatThrownBy(() -> DependencyRules.DOMAIN_USES_THE_JDK_ONLY.check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("DomainClassThatUsesGuice");
        assertThatThrownBy(() -> DependencyRules.ONLY_BOOTSTRAP_USES_GUICE.check(broken)).isInstanceOf(AssertionError.class);
    }
}
