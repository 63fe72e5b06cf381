package dev.vpnbot.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.vpnbot.domain.broken.DomainClassThatUsesGuice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the dependency rules over every production class of every module. */
class ArchitectureTest {
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
    void the_rules_do_fail_when_broken() {
        JavaClasses broken = new ClassFileImporter().importClasses(DomainClassThatUsesGuice.class);
        assertThatThrownBy(() -> DependencyRules.DOMAIN_USES_THE_JDK_ONLY.check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("DomainClassThatUsesGuice");
        assertThatThrownBy(() -> DependencyRules.ONLY_BOOTSTRAP_USES_GUICE.check(broken)).isInstanceOf(AssertionError.class);
    }
}
