package vn.egov.procedures.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * What another module may read of the procedure catalogue: the procedures a unit offers (its own and those it adopted
 * from the province) and a version's definition (its form, papers, steps and fees as JSON). Implemented by the
 * procedures module as a CDI bean; the dossiers receive under it.
 */
public interface OfferedProcedures {
    /** A procedure a unit offers, as others see it. */
    record Offered(long id, long ownerId, String code, String name, String sector, BigDecimal timeLimitDays, int currentVersion) {
    }

    /** The procedures {@code unit} offers, by code. */
    List<Offered> offered(Tenant unit);

    /** The procedure {@code code} if {@code unit} offers it. */
    Optional<Offered> offered(Tenant unit, String code);

    /** The definition of version {@code version} of {@code p}, parsed. */
    Optional<JsonNode> definition(Offered p, int version);

    /** The definition of its current version. */
    default JsonNode currentDefinition(Offered p) {
        return definition(p, p.currentVersion()).orElseThrow();
    }
}
