package dev.vpnbot.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The hexagon's dependency rules, as buckpal's HexagonalArchitecture declares them: driving
 * adapters (Telegram, Heleket's webhook, bootstrap's CLI) → in-ports → services → out-ports ←
 * driven adapters (PostgreSQL, 3x-ui, Heleket's gateway, the simulators, Telegram's notifier);
 * bootstrap wires and sees each adapter through its top package only. Maven's module graph already forbids most wrong arrows; these
 * rules also catch what it cannot (a framework type creeping into the core through a
 * transitive dependency, an adapter reaching into another adapter's packages).
 */
final class DependencyRules {
    private DependencyRules() {}

    static final String[] ADAPTERS = {
        "dev.vpnbot.adapter.telegram..", "dev.vpnbot.adapter.panel3xui..",
        "dev.vpnbot.adapter.heleket..", "dev.vpnbot.adapter.postgres..", "dev.vpnbot.adapter.simulated.."
    };

    static final ArchRule DOMAIN_USES_THE_JDK_ONLY = classes()
            .that().resideInAPackage("dev.vpnbot.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.vpnbot.domain..", "java..")
            .because("the domain is pure Java: no frameworks, no I/O");

    static final ArchRule APPLICATION_USES_THE_DOMAIN_ONLY = classes()
            .that().resideInAPackage("dev.vpnbot.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.vpnbot.application..", "dev.vpnbot.domain..", "java..")
            .because("use cases talk to the world only through their ports");

    static final ArchRule ONLY_BOOTSTRAP_USES_GUICE = noClasses()
            .that().resideOutsideOfPackage("dev.vpnbot.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
            .because("wiring is bootstrap's job; everything else takes plain constructor arguments");

    static final ArchRule NO_WIRE_TYPES_IN_THE_CORE = noClasses()
            .that().resideInAnyPackage("dev.vpnbot.domain..", "dev.vpnbot.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.telegram..", "org.jdbi..", "retrofit2..", "okhttp3..", "com.fasterxml.jackson..",
                    "com.zaxxer..", "org.flywaydb..", "org.postgresql..")
            .because("adapters' wire types never leak into the core");

    static ArchRule adapterDoesNotUseOtherAdapters(String adapter) {
        String[] others = java.util.Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("adapters never depend on each other")
                .allowEmptyShould(true);
    }

    static final ArchRule CORE_DOES_NOT_USE_ADAPTERS_OR_BOOTSTRAP = noClasses()
            .that().resideInAnyPackage("dev.vpnbot.domain..", "dev.vpnbot.application..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.vpnbot.adapter..", "dev.vpnbot.bootstrap..");

    private static final String APPLICATION = "dev.vpnbot.application";
    private static final String IN_PORTS = APPLICATION + ".port.in..";
    private static final String MODEL = APPLICATION + ".model..";
    private static final String SERVICES = APPLICATION + ".service..";

    static final ArchRule PORTS_NEVER_SEE_SERVICES = noClasses()
            .that().resideInAnyPackage(APPLICATION + ".port..", MODEL)
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("a port is the contract; the service behind it may change without its callers noticing");

    static final ArchRule ADAPTERS_NEVER_SEE_SERVICES = noClasses()
            .that().resideInAPackage("dev.vpnbot.adapter..")
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("adapters talk to the application through its ports; only bootstrap's wiring constructs services");

    static final ArchRule ONLY_WIRING_SEES_SERVICES = noClasses()
            .that().resideInAPackage("dev.vpnbot.bootstrap..").and().resideOutsideOfPackage("dev.vpnbot.bootstrap.wiring..")
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("bootstrap's wiring constructs the services; CLI, HTTP, schedule and metrics see their in-ports");

    static final ArchRule BOOTSTRAP_SEES_ONLY_TOP_PACKAGES_OF_ADAPTERS = noClasses()
            .that().resideInAPackage("dev.vpnbot.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dev.vpnbot.adapter.*.*..")
            .because("each adapter offers bootstrap its top package (settings, a composition class); what lies below may move freely");

    /** Every package of every module, each one slice: no two packages lean on each other, directly or around a loop. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.vpnbot.(**)").should().beFreeOfCycles();

    /**
     * A driving adapter reaches the application through in-ports (and the shared model); of the
     * out-ports it sees only those it implements itself, and the named exceptions (each with its reason where it is called).
     *
     * @param adapter    the adapter's packages, e.g. {@code dev.vpnbot.adapter.telegram..}
     * @param ownPorts   the out-port packages it implements, e.g. {@code dev.vpnbot.application.port.out.notify..}
     * @param exceptions out-port types it may use besides (with their nested types)
     */
    static ArchRule drivingAdapterUsesInPorts(String adapter, List<String> ownPorts, Class<?>... exceptions) {
        List<String> allowed = new ArrayList<>(List.of(IN_PORTS, MODEL));
        allowed.addAll(ownPorts);
        DescribedPredicate<JavaClass> beyondInPorts = resideInAPackage(APPLICATION + "..")
                .and(not(resideInAnyPackage(allowed.toArray(String[]::new))))
                .and(not(belongToAnyOf(exceptions)));
        return noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat(beyondInPorts.as("belong to the application beyond its in-ports, its model and "
                        + String.join(", ", ownPorts)))
                .because("a driving adapter drives use cases; it does not reach past them into the out-ports");
    }
}
