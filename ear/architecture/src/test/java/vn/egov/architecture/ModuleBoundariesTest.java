package vn.egov.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Who may use whom, checked on the compiled jars of the EAR (issue 21, point 4). The platform knows no feature;
 * features meet only through the platform (interfaces, CDI events) or a feature's declared API package
 * ({@code vn.egov.<feature>.api}); inside a feature, entities know nothing above them and control no boundary or page.
 * Every rule holds outright: the violations found when they were written (117 between features, 133 from pages to
 * boundaries, 39 from control to boundaries or pages) were frozen while issue 21 paid them off, and the store is gone.
 */
@AnalyzeClasses(packages = "vn.egov", importOptions = {ImportOption.DoNotIncludeTests.class})
class ModuleBoundariesTest {
    /** The feature modules, by their package under {@code vn.egov} (tenant administration is one). */
    static final List<String> FEATURES = List.of("documents", "dossiers", "feedback", "notices", "portal", "procedures", "tenantadmin");

    private static String[] featurePackages() {
        return FEATURES.stream().map(f -> "vn.egov." + f + "..").toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule thePlatformKnowsNoFeature = noClasses().that().resideInAPackage("vn.egov.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(featurePackages())
            .because("platform/ owns what every module shares and knows none of them (they reach it, not it them)");

    /** A feature uses the others only through their declared API packages (one rule each, one line per dependency). */
    private static ArchRule meetsOthersOnlyThroughTheirApi(String feature) {
        String[] others = FEATURES.stream().filter(f -> !f.equals(feature)).map(f -> "vn.egov." + f + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("vn.egov." + feature + "..")
                .should().dependOnClassesThat(resideInAnyPackage(others).and(not(resideInAPackage("vn.egov.*.api.."))))
                .because("a feature uses another only through its declared API package, or through the platform and CDI events");
    }

    @ArchTest
    static final ArchRule documentsMeetOthersOnlyThroughTheirApi = meetsOthersOnlyThroughTheirApi("documents");
    @ArchTest
    static final ArchRule dossiersMeetOthersOnlyThroughTheirApi = meetsOthersOnlyThroughTheirApi("dossiers");
    @ArchTest
    static final ArchRule feedbackMeetsOthersOnlyThroughTheirApi = meetsOthersOnlyThroughTheirApi("feedback");
    @ArchTest
    static final ArchRule noticesMeetOthersOnlyThroughTheirApi = meetsOthersOnlyThroughTheirApi("notices");
    @ArchTest
    static final ArchRule portalMeetsOthersOnlyThroughTheirApi = meetsOthersOnlyThroughTheirApi("portal");
    @ArchTest
    static final ArchRule proceduresMeetOthersOnlyThroughTheirApi = meetsOthersOnlyThroughTheirApi("procedures");
    @ArchTest
    static final ArchRule tenantAdminMeetsOthersOnlyThroughTheirApi = meetsOthersOnlyThroughTheirApi("tenantadmin");

    @ArchTest
    static final ArchRule entitiesKnowNothingAboveThem = noClasses().that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..boundary..", "..control..", "..pages..")
            .because("an entity is the table's vocabulary; it is used by control and boundary, never the other way round");

    @ArchTest
    static final ArchRule controlKnowsNoBoundaryOrPage = noClasses().that().resideInAPackage("..control..")
            .should().dependOnClassesThat().resideInAnyPackage("..boundary..", "..pages..")
            .because("control is the work, called by boundaries (JAX-RS) and pages; it calls neither");

    @ArchTest
    static final ArchRule pagesCallControlNotTheirOwnApi = noClasses().that().resideInAPackage("..pages..")
            .should().dependOnClassesThat().resideInAPackage("..boundary..")
            .because("a page calls control classes through typed views, never its own JSON API (issue 21, point 6)");

    @ArchTest
    static final ArchRule noFeatureBindsTheScopeByHand = noClasses().that().resideInAnyPackage(featurePackages())
            .should().dependOnClassesThat().haveFullyQualifiedName("vn.egov.platform.persistence.TenantScopeBinder")
            .because("the scope is bound per transaction in one place, by the platform");
}
