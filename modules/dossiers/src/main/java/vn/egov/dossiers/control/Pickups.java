package vn.egov.dossiers.control;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.procedures.api.OfferedProcedures;
import vn.egov.procedures.api.OfferedProcedures.Offered;

/**
 * Dossiers sent by post: the applicant asks for their paper dossier to be picked up at an address and carried to the
 * unit (for a procedure the unit offers by post); the booking goes to the postal service through the outbox; its
 * arrival report puts it on the unit's desk, whose staff receive it as a dossier of the 'post' channel, linked to
 * the applicant's account. In the unit's scope.
 */
@ApplicationScoped
public class Pickups {
    public static final String COLS = "id, tenant_id, applicant_id, applicant_name, procedure_code, address, contact_email, status, tracking, requested_at, "
            + "arrived_at, dossier_id";

    @Inject
    Db db;

    @Inject
    OfferedProcedures catalogue;

    @Transactional
    @TenantTransactional
    public JsonObject request(Tenant unit, String procedureCode, String address, String email, long applicantId, String applicantName) {
        String code = procedureCode == null ? "" : procedureCode.strip();
        Offered p = catalogue.offered(unit, code).orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.procedureInThisUnitCatalogue", code));
        JsonNode definition = catalogue.currentDefinition(p);
        boolean byPost = false;
        for (JsonNode c : definition.path("channels")) {
            byPost |= c.asText().equals("post");
        }
        String where = Processing.clean(address, 500, "address");
        Fields problems = new Fields();
        if (!byPost) {
            problems.add("procedure", "problem.field.thisProcedureTakesNo");
        }
        if (where == null) {
            problems.add("address", "problem.field.giveAddressWherePost");
        }
        String mail = email == null || email.isBlank() ? null : email.strip();
        if (mail != null && !FormCheck.EMAIL.matcher(mail).matches()) {
            problems.add("email", "problem.field.eMailAddressNot");
        }
        if (!problems.isEmpty()) {
            throw Processing.invalid(problems);
        }
        long id = db.insert("INSERT INTO dossier_pickup (tenant_id, applicant_id, applicant_name, procedure_code, address, contact_email) VALUES (?, ?, ?, ?, ?, ?) "
                + "RETURNING id", unit.getId(), applicantId, applicantName, p.code(), where, Db.orNull(mail));
        String payload = Jsonp.createObjectBuilder().add("kind", "pickup").add("pickupId", id).add("dossierCode", "pickup-" + id).add("address", where)
                .add("sender", applicantName).add("recipient", unit.getName()).add("service", "BCCI-NHAN-HS").build().toString();
        db.insert("INSERT INTO dossier_outbox (tenant_id, target, payload) VALUES (?, 'vnpost', CAST(? AS jsonb)) RETURNING id", unit.getId(), payload);
        return one(id);
    }

    /** The postal service delivered the papers to the unit. A repeated report changes nothing. */
    @Transactional
    @TenantTransactional
    public boolean arrived(Tenant unit, long pickupId) {
        return db.update("UPDATE dossier_pickup SET status = 'arrived', arrived_at = now() WHERE id = ? AND tenant_id = ? AND status = 'accepted'",
                pickupId, unit.getId()) == 1;
    }

    /** The pickups that arrived at the unit and wait to be received (in the unit's scope). */
    @Transactional
    @TenantTransactional
    public List<JsonObject> arrivedAt(Tenant unit) {
        return db.list("SELECT " + COLS + " FROM dossier_pickup WHERE tenant_id = ? AND status = 'arrived' ORDER BY arrived_at, id", Pickups::json, unit.getId());
    }

    public JsonObject one(long id) {
        return db.one("SELECT " + COLS + " FROM dossier_pickup WHERE id = ?", Pickups::json, id)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.pickup", id));
    }

    /** Locks an arrived pickup of the unit for its receipt as a dossier (in the receipt's transaction). */
    JsonObject lockArrived(Tenant unit, long id, String procedureCode) {
        JsonObject p = db.one("SELECT " + COLS + " FROM dossier_pickup WHERE id = ? AND tenant_id = ? FOR UPDATE", Pickups::json, id, unit.getId())
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.pickupOfThisUnit", id));
        if (!p.getString("status").equals("arrived") || !p.getString("procedureCode").equals(procedureCode)) {
            throw Processing.conflict("problem.pickupNotHere", id);
        }
        return p;
    }

    void received(long pickupId, long dossierId) {
        db.update("UPDATE dossier_pickup SET status = 'received', dossier_id = ? WHERE id = ?", dossierId, pickupId);
    }

    public static JsonObject json(ResultSet rs) throws SQLException {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", rs.getLong("id")).add("applicantId", rs.getLong("applicant_id"))
                .add("applicantName", rs.getString("applicant_name")).add("procedureCode", rs.getString("procedure_code")).add("address", rs.getString("address"))
                .add("status", rs.getString("status")).add("requestedAt", Db.instant(rs, "requested_at").toString());
        if (rs.getString("contact_email") != null) {
            o.add("email", rs.getString("contact_email"));
        }
        if (rs.getString("tracking") != null) {
            o.add("tracking", rs.getString("tracking"));
        }
        if (rs.getObject("arrived_at") != null) {
            o.add("arrivedAt", Db.instant(rs, "arrived_at").toString());
        }
        if (rs.getObject("dossier_id") != null) {
            o.add("dossierId", rs.getLong("dossier_id"));
        }
        return o.build();
    }
}
