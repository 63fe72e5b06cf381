package dev.vpnbot.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.vpnbot.bootstrap.broken.EndpointOutsideTheRooms;
import dev.vpnbot.bootstrap.http.broken.ServerThatCounts;
import dev.vpnbot.bootstrap.http.broken.ServerThatKnowsAnEndpoint;
import dev.vpnbot.bootstrap.metrics.broken.PageThatServes;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How bootstrap's packages lean on each other: it holds only its eight rooms (issue 13), no cycles,
 * and the HTTP server stands alone (it reports requests through its own RequestCounter; routes,
 * also the driving endpoints under {@code http.<name>}, are plugged in by wiring).
 */
class BootstrapPackagesTest {
    private static final String TOP = "dev.vpnbot.bootstrap";
    /** Bootstrap's rooms, exactly; only Main sits at the top. */
    static final String[] ROOMS = {"wiring", "config", "cli", "lifecycle", "schedule", "health", "http", "metrics"};
    /** Driving endpoints under http: JSON in, an in-port called, JSON out (ArchitectureTest holds them to in-ports). */
    private static final String ENDPOINTS = TOP + ".http.enrollment..";
    private static final ArchRule ONLY_THE_ROOMS = classes().should().resideInAnyPackage(Arrays.stream(ROOMS)
                    .map(room -> TOP + "." + room + "..").toArray(String[]::new))
            .orShould().resideInAPackage(TOP)
            .because("bootstrap holds wiring, config, CLI, lifecycle, schedule, health, http and metrics, nothing else (docs/ARCHITECTURE.md)");
    private static final ArchRule NO_CYCLES = slices().matching(TOP + ".(*)..").should().beFreeOfCycles();
    private static final ArchRule HTTP_STANDS_ALONE = noClasses().that().resideInAPackage(TOP + ".http..")
            .and().resideOutsideOfPackage(ENDPOINTS)
            .should().dependOnClassesThat().resideInAnyPackage(TOP + ".metrics..", TOP + ".health..", TOP + ".wiring..",
                    TOP + ".config..", ENDPOINTS, "dev.vpnbot.adapter..", "dev.vpnbot.application..")
            .because("every route's handler, endpoints included, is mapped onto the server's own WebRequest/WebReply in wiring");
    private static JavaClasses bootstrap;

    @BeforeAll
    static void importBootstrap() {
        bootstrap = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(TOP);
    }

    @Test
    void bootstrap_holds_only_its_rooms() {
        ONLY_THE_ROOMS.check(bootstrap);
    }

    @Test
    void the_packages_are_free_of_cycles() {
        NO_CYCLES.check(bootstrap);
    }

    @Test
    void the_http_server_knows_no_metrics_no_health_no_endpoint_and_no_adapter() {
        HTTP_STANDS_ALONE.check(bootstrap);
    }

    @Test
    void the_rules_fail_when_broken() {
        JavaClasses broken = new ClassFileImporter().importClasses(ServerThatCounts.class, PageThatServes.class,
                ServerThatKnowsAnEndpoint.class, EndpointOutsideTheRooms.class);
        assertThatThrownBy(() -> ONLY_THE_ROOMS.check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("EndpointOutsideTheRooms").hasMessageNotContaining("ServerThatCounts");
        assertThatThrownBy(() -> NO_CYCLES.check(broken)).isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
        assertThatThrownBy(() -> HTTP_STANDS_ALONE.check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ServerThatCounts").hasMessageContaining("ServerThatKnowsAnEndpoint");
    }
}
