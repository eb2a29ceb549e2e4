package vn.egov.dossiers.sync;

import org.eclipse.microprofile.config.ConfigProvider;
import vn.egov.platform.web.Problem;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.web.ProblemException;

/** The simulators of the outside systems answer only where {@code egov.simulators=on} (development and tests). */
final class Simulators {
    private Simulators() {
    }

    static void requireEnabled() {
        if (!"on".equals(ConfigProvider.getConfig().getOptionalValue("egov.simulators", String.class).orElse("off"))) {
            throw new ProblemException(Problem.of(Wording::in, 404, "not-found", "problem.notFound.title", "problem.noSimulator"));
        }
    }
}
