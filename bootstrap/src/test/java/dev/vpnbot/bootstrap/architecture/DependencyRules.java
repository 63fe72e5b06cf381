package dev.vpnbot.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's dependency rules. Maven's module graph already forbids most wrong arrows; these
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
}
