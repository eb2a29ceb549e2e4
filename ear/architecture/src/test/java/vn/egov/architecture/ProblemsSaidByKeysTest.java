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

/**
 * A problem is said by keys of a module's texts ({@code Problem.of}, {@code Problem.said}, {@code ProblemException.platform},
 * {@code .notFound}, {@code .invalid}), never written in Java as a "tiếng Việt / English" pair: no class but {@code Problem}
 * itself calls a constructor of {@code Problem} (the platform's own problems were moved to its bundle, and the pair factory
 * {@code Problem.of(int, String, String, String, String, String)} is gone; a problem moved or reframed keeps its languages
 * through {@code Problem.withFields} and {@code withDetail}).
 */
@AnalyzeClasses(packages = "vn.egov", importOptions = {ImportOption.DoNotIncludeTests.class})
class ProblemsSaidByKeysTest {
    static final String PROBLEM = "vn.egov.platform.web.Problem";

    @ArchTest
    static final ArchRule problemsAreSaidByKeys = noClasses()
            .that(not(nameMatching(PROBLEM.replace(".", "\\.") + "(\\$.*)?")))
            .should().callConstructorWhere(target(declaredIn(PROBLEM)))
            .because("a problem's texts are keys of the module's bundles (Problem.of / said, ProblemException.platform / invalid /"
                    + " notFound), said in the reader's language; no Vietnamese/English pair is written in Java");
}
