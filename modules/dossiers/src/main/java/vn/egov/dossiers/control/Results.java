package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.egov.dossiers.api.DossierResults;
import vn.egov.platform.tenancy.entity.Tenant;

/** The dossiers' answer to other modules returning a dossier's result: the same step as the desk's "return the result". */
@ApplicationScoped
public class Results implements DossierResults {
    @Inject
    Finishing finishing;

    @Override
    public Returned returnResult(Tenant unit, String code, String fileName, byte[] content, String note, String actor) {
        Processing.State done = finishing.finish(unit, code, List.of(new Intake.Paper("result", fileName, content)), note, null, actor);
        return new Returned(done.code(), done.status());
    }
}
