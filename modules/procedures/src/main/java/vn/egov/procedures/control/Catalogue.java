package vn.egov.procedures.control;

import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.audit.AuditLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.procedures.entity.Procedure;
import vn.egov.procedures.entity.ProcedureVersion;

/**
 * The stored catalogue. A unit's own procedures (the province's are its master catalogue) are written under the
 * unit's scope; what a unit offers (its own and those it adopted from the province) and the versions are read in
 * the public-read scope, since the catalogue is public information and a unit reads the province's rows to adopt
 * from it. An import is checked whole before anything is written, and writes a new version only for a procedure
 * whose definition changed.
 */
@ApplicationScoped
public class Catalogue {
    static final String COLS = "p.id, p.tenant_id, p.code, p.name, p.sector, p.level, p.online_level, p.time_limit_days, p.current_version";

    @Inject
    Db db;

    @Inject
    AuditLog audit;

    @Inject
    PublicReads reads;

    @Inject
    vn.egov.platform.search.control.SearchIndex search;

    @Inject
    vn.egov.platform.tenancy.control.TenantDirectory directory;

    /** What happened to one imported procedure. */
    public record Outcome(String code, String result, int version) {
    }

    /**
     * Stores {@code items} as {@code unit}'s own procedures (all checked first; all or nothing). A unit that is not
     * the province keeps local procedures of its own level only.
     */
    public List<Outcome> importAll(Tenant unit, boolean province, List<JsonNode> items, String user) {
        List<JsonNode> clean = items.stream().map(Definitions::nfc).toList();
        Procedure.Level own = Procedure.Level.ofUnitKind(unit.getKind().name().toLowerCase());
        int count = problems(clean, province, own, Wording.VIETNAMESE).size();
        if (count > 0) {
            throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                    w -> w.text("problem.importInvalid", count), w -> problems(clean, province, own, w::text)));
        }
        List<Outcome> out = new ArrayList<>();
        for (JsonNode d : clean) {
            Outcome o = store(unit, d, user);
            out.add(o);
            if (!o.result().equals("unchanged")) {
                index(unit, d);
            }
        }
        return out;
    }

    /** What is wrong with the imported procedures, by place, said with {@code say}; empty when they can be stored. */
    private static Map<String, List<String>> problems(List<JsonNode> clean, boolean province, Procedure.Level own, Wording say) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < clean.size(); i++) {
            JsonNode d = clean.get(i);
            String at = "procedures[" + i + "]";
            Definitions.problems(d, say).forEach((k, v) -> errors.put(at + "." + k, v));
            String code = d.path("code").asText("");
            if (!code.isEmpty() && !codes.add(code)) {
                errors.put(at + ".code", List.of(say.text("problem.codeTwice", code)));
            }
            if (!province && d.has("level") && !d.path("level").asText().equals(own.db())) {
                errors.put(at + ".level", List.of(say.text("problem.ownLevelOnly", say.text(own.key()))));
            }
        }
        if (clean.isEmpty()) {
            errors.put("procedures", List.of(say.text("problem.noProcedure")));
        }
        return errors;
    }

    private Outcome store(Tenant unit, JsonNode d, String user) {
        String code = d.path("code").asText();
        String json = write(d);
        Optional<long[]> existing = db.one("SELECT id, current_version FROM procedure WHERE tenant_id = ? AND code = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, unit.getId(), code);
        if (existing.isEmpty()) {
            long id = db.insert("INSERT INTO procedure (tenant_id, code, name, sector, level, online_level, time_limit_days, current_version) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, 1) RETURNING id", unit.getId(), code, d.path("name").asText(), d.path("sector").asText(),
                    d.path("level").asText(), d.path("onlineLevel").asText(), d.path("timeLimitDays").decimalValue());
            db.insert("INSERT INTO procedure_version (tenant_id, procedure_id, version, definition, created_by) VALUES (?, ?, 1, CAST(? AS jsonb), ?) "
                    + "RETURNING id", unit.getId(), id, json, user);
            return new Outcome(code, "created", 1);
        }
        long id = existing.get()[0];
        int current = (int) existing.get()[1];
        String stored = db.one("SELECT definition::text FROM procedure_version WHERE tenant_id = ? AND procedure_id = ? AND version = ?",
                rs -> rs.getString(1), unit.getId(), id, current).orElseThrow();
        if (read(stored).equals(d)) {
            return new Outcome(code, "unchanged", current);
        }
        int next = current + 1;
        db.insert("INSERT INTO procedure_version (tenant_id, procedure_id, version, definition, created_by) VALUES (?, ?, ?, CAST(? AS jsonb), ?) "
                + "RETURNING id", unit.getId(), id, next, json, user);
        db.update("UPDATE procedure SET name = ?, sector = ?, level = ?, online_level = ?, time_limit_days = ?, current_version = ?, "
                        + "updated_at = now() WHERE tenant_id = ? AND id = ?", d.path("name").asText(), d.path("sector").asText(), d.path("level").asText(),
                d.path("onlineLevel").asText(), d.path("timeLimitDays").decimalValue(), next, unit.getId(), id);
        return new Outcome(code, "new-version", next);
    }

    /**
     * Sends the procedure's new text to search, as its owner offers it and as every unit that adopted it does (in
     * the outbox of this transaction; the province's administrators' scope covers the units below).
     */
    private void index(Tenant owner, JsonNode d) {
        String code = d.path("code").asText();
        Procedure p = db.one("SELECT " + COLS + " FROM procedure p WHERE p.tenant_id = ? AND p.code = ?", Catalogue::procedure, owner.getId(), code)
                .orElseThrow();
        search.put(ProcedureSearch.document(vn.egov.platform.search.SearchSource.Unit.of(owner), p, d));
        List<Long> adopters = reads.read(() -> db.list("SELECT tenant_id FROM unit_procedure WHERE procedure_id = ?", rs -> rs.getLong(1), p.id()));
        for (Long id : adopters) {
            directory.byId(id).ifPresent(u -> search.put(ProcedureSearch.document(vn.egov.platform.search.SearchSource.Unit.of(u), p, d)));
        }
    }

    /** What {@code unit} offers: its own procedures and those it adopted, by sector and name. Public. */
    public List<Procedure> offered(Tenant unit) {
        return reads.read(() -> db.list("SELECT " + COLS + " FROM procedure p WHERE p.tenant_id = ? UNION SELECT " + COLS
                + " FROM procedure p JOIN unit_procedure u ON u.procedure_id = p.id WHERE u.tenant_id = ? ORDER BY 5, 4", Catalogue::procedure,
                unit.getId(), unit.getId()));
    }

    /** One procedure {@code unit} offers, by its code. Public. */
    public Optional<Procedure> offered(Tenant unit, String code) {
        return reads.read(() -> db.one("SELECT " + COLS + " FROM procedure p WHERE p.code = ? AND (p.tenant_id = ? OR EXISTS "
                        + "(SELECT 1 FROM unit_procedure u WHERE u.procedure_id = p.id AND u.tenant_id = ?))", Catalogue::procedure,
                code, unit.getId(), unit.getId()));
    }

    public Optional<ProcedureVersion> version(Procedure p, int version) {
        return version(p.ownerId(), p.id(), version);
    }

    /** Version {@code version} of procedure {@code procedureId} of unit {@code ownerId}'s catalogue. Public. */
    public Optional<ProcedureVersion> version(long ownerId, long procedureId, int version) {
        return reads.read(() -> db.one("SELECT id, procedure_id, version, definition::text, created_by, created_at FROM procedure_version "
                        + "WHERE tenant_id = ? AND procedure_id = ? AND version = ?",
                rs -> new ProcedureVersion(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), Db.instant(rs, "created_at")),
                ownerId, procedureId, version));
    }

    /**
     * {@code unit} offers the province's procedure {@code code} from now on (true), or did already (false). Only a
     * procedure of the unit's own level: a commune does not carry out a department's procedures.
     */
    public boolean adopt(Tenant unit, Tenant province, String code, String user) {
        Procedure p = reads.read(() -> db.one("SELECT " + COLS + " FROM procedure p WHERE p.tenant_id = ? AND p.code = ?", Catalogue::procedure,
                province.getId(), code)).orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.procedureInTheProvinceCatalogue", code));
        Procedure.Level own = Procedure.Level.ofUnitKind(unit.getKind().name().toLowerCase());
        if (p.level() != own) {
            throw new ProblemException(Problem.said(Wording::in, 409, "conflict", "problem.notPossible",
                    w -> w.text("problem.otherLevel", code, w.text(p.level().key()), w.text(own.key())), w -> Map.of()));
        }
        boolean added = db.update("INSERT INTO unit_procedure (tenant_id, procedure_id, adopted_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                unit.getId(), p.id(), user) > 0;
        if (added) {
            audit.record(unit.getId(), "procedure.adopted", code, null, Jsonp.createObjectBuilder().add("procedure", code).build());
            JsonNode d = read(version(p, p.currentVersion()).orElseThrow().definitionJson());
            search.put(ProcedureSearch.document(vn.egov.platform.search.SearchSource.Unit.of(unit), p, d));
        }
        return added;
    }

    /** {@code unit} no longer offers the adopted procedure {@code code}; false if it did not. */
    public boolean drop(Tenant unit, String code) {
        boolean dropped = db.update("DELETE FROM unit_procedure WHERE tenant_id = ? AND procedure_id = ANY (?)", unit.getId(),
                adoptedIds(unit, code)) > 0;
        if (dropped) {
            audit.record(unit.getId(), "procedure.dropped", code, Jsonp.createObjectBuilder().add("procedure", code).build(), null);
            search.remove(unit.getId(), ProcedureSearch.docId(unit.getId(), code));
        }
        return dropped;
    }

    private Long[] adoptedIds(Tenant unit, String code) {
        return reads.read(() -> db.list("SELECT p.id FROM procedure p JOIN unit_procedure u ON u.procedure_id = p.id WHERE u.tenant_id = ? "
                + "AND p.code = ?", rs -> rs.getLong(1), unit.getId(), code)).toArray(new Long[0]);
    }

    static Procedure procedure(ResultSet rs) throws SQLException {
        BigDecimal limit = rs.getBigDecimal(8);
        return new Procedure(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Procedure.Level.valueOf(rs.getString(6).toUpperCase()), Procedure.OnlineLevel.valueOf(rs.getString(7).toUpperCase()),
                limit.stripTrailingZeros(), rs.getInt(9));
    }

    static String write(JsonNode d) {
        try {
            return Definitions.JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return Definitions.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
