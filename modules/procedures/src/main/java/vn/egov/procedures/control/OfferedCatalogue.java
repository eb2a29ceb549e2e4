package vn.egov.procedures.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.procedures.api.OfferedProcedures;
import vn.egov.procedures.entity.Procedure;

/** The catalogue as other modules read it (its declared API), over {@link Catalogue}. */
@ApplicationScoped
public class OfferedCatalogue implements OfferedProcedures {
    @Inject
    Catalogue catalogue;

    @Override
    public List<Offered> offered(Tenant unit) {
        return catalogue.offered(unit).stream().map(OfferedCatalogue::offered).toList();
    }

    @Override
    public Optional<Offered> offered(Tenant unit, String code) {
        return catalogue.offered(unit, code).map(OfferedCatalogue::offered);
    }

    @Override
    public Optional<JsonNode> definition(Offered p, int version) {
        return catalogue.version(p.ownerId(), p.id(), version).map(v -> {
                    try {
                        return Definitions.parse(v.definitionJson());
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("a stored definition is not JSON: " + p.code() + " v" + version, e);
                    }
                });
    }

    private static Offered offered(Procedure p) {
        return new Offered(p.id(), p.ownerId(), p.code(), p.name(), p.sector(), p.timeLimitDays(), p.currentVersion());
    }
}
