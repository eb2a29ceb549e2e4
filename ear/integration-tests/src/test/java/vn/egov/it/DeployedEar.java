package vn.egov.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys the real EAR (as built by ear/egov-ear) to the 'it' Payara domain for the test class, and tests it
 * from outside, over HTTP, as its clients would. A test whose browser was served a page with an error of the HTML
 * checker fails ({@link ServedHtml}).
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ServedHtml.AfterEach.class)
public abstract class DeployedEar {

    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ItEnvironment.platform().ear().toFile());
    }
}
