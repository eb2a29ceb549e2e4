package vn.egov.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * A problem is said by keys of a module's texts ({@code Problem.of}, {@code Problem.said}, {@code ProblemException.platform},
 * {@code .notFound}, {@code .invalid}), never written in Java as a "tiếng Việt / English" pair: no class but {@code Problem}
 * itself calls a constructor of {@code Problem} (the platform's own problems were moved to its bundle, and the pair factory
 * {@code Problem.of(int, String, String, String, String, String)} is gone). The classes listed in {@link #NOT_YET} still
 * write a pair; they belong to modules moving to keys, and the list only shrinks.
 */
@AnalyzeClasses(packages = "vn.egov", importOptions = {ImportOption.DoNotIncludeTests.class})
class ProblemsSaidByKeysTest {
    static final String PROBLEM = "vn.egov.platform.web.Problem";

    /** Classes (and their nested ones) of modules that still build a problem from two texts: to be converted, then removed here. */
    static final List<String> NOT_YET = List.of(
            "vn.egov.documents.exchange.Exchange",
            "vn.egov.portal.control.SiteFiles",
            "vn.egov.portal.pages.ArticlePages",
            "vn.egov.tenantadmin.boundary.UnitAdminResource");

    private static String notYet() {
        return "(" + String.join("|", NOT_YET.stream().map(n -> n.replace(".", "\\.")).toList()) + ")(\\$.*)?";
    }

    @ArchTest
    static final ArchRule problemsAreSaidByKeys = noClasses()
            .that(not(nameMatching(PROBLEM.replace(".", "\\.") + "(\\$.*)?")))
            .and(not(nameMatching(notYet())))
            .should().callConstructorWhere(target(declaredIn(PROBLEM)))
            .because("a problem's texts are keys of the module's bundles (Problem.of / said, ProblemException.platform / invalid /"
                    + " notFound), said in the reader's language; no Vietnamese/English pair is written in Java");

    @ArchTest
    static final ArchRule thePlatformReadsNoPairOfAFileRefusal = noClasses().that().resideInAPackage("vn.egov.platform..")
            .should().getField("vn.egov.platform.web.files.FileCheck$Refused", "vi")
            .orShould().getField("vn.egov.platform.web.files.FileCheck$Refused", "en")
            .because("a refused file's reason is a key of the platform's texts (Refused.key/args/text(locale))");
}
