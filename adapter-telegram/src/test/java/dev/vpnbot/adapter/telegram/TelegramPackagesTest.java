package dev.vpnbot.adapter.telegram;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the adapter's packages may lean on each other: the top package wires everything and nothing
 * leans on it; screens (shop, admin) and notices use bot/ and the outbox, never the other way; the
 * outbox knows no screen at all. No cycles.
 */
class TelegramPackagesTest {
    private static final String TOP = "dev.vpnbot.adapter.telegram";
    private static JavaClasses adapter;

    @BeforeAll
    static void importTheAdapter() {
        adapter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(TOP);
    }

    @Test
    void the_sub_packages_are_free_of_cycles() {
        slices().matching(TOP + ".(*)..").should().beFreeOfCycles().check(adapter);
    }

    @Test
    void nothing_leans_on_the_top_package_that_wires_it_all() {
        noClasses().that().resideInAPackage(TOP + ".*..").should().dependOnClassesThat().resideInAPackage(TOP)
                .because("the settings reach sub-packages through the interfaces they declare (ShopSettings, NoticeSettings, OutboxSettings)")
                .check(adapter);
    }

    @Test
    void bot_knows_no_screen_and_no_notice() {
        noClasses().that().resideInAPackage(TOP + ".bot..")
                .should().dependOnClassesThat().resideInAnyPackage(TOP + ".shop..", TOP + ".admin..", TOP + ".notify..", TOP + ".web..")
                .check(adapter);
    }

    @Test
    void the_outbox_knows_nothing_else_of_the_adapter() {
        noClasses().that().resideInAPackage(TOP + ".outbox..")
                .should().dependOnClassesThat().resideInAnyPackage(TOP + ".bot..", TOP + ".shop..", TOP + ".admin..", TOP + ".notify..",
                        TOP + ".web..")
                .check(adapter);
    }

    @Test
    void the_shop_and_the_admin_panel_do_not_reach_into_each_other() {
        noClasses().that().resideInAPackage(TOP + ".shop..").should().dependOnClassesThat().resideInAPackage(TOP + ".admin..").check(adapter);
        noClasses().that().resideInAPackage(TOP + ".admin..").should().dependOnClassesThat().resideInAPackage(TOP + ".shop..").check(adapter);
    }
}
