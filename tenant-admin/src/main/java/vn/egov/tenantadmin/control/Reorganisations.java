package vn.egov.tenantadmin.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import vn.egov.platform.settings.SettingsRegistry;
import vn.egov.platform.tenancy.UnitsReorganised;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.audit.AuditLog;

/**
 * Reorganisation plans over the caller's subtree (administration rights over the whole subtree needed), for the API
 * and the administration page alike: reading a plan (JSON or CSV), its dry-run, which changes nothing and gives the
 * basis token, and its application, refused when a unit changed since the dry-run. The caller's transaction is the
 * one the work runs in; every refusal is a problem with nothing changed.
 */
@RequestScoped
public class Reorganisations {
    static final int MAX_BYTES = 2 * 1024 * 1024;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    SettingsRegistry settings;

    @Inject
    Event<UnitsReorganised> reorganised;

    @Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    /** The dry-run of a CSV plan typed on the administration page, its words in the page's language. */
    public JsonObject dryRunCsv(String csv, String title, String effective, Locale locale) {
        return dryRun(read(csv == null ? null : csv.getBytes(StandardCharsets.UTF_8), false, title, null).withEffective(effective(effective)),
                locale);
    }

    /** Applying a CSV plan typed on the administration page, with the basis token of its dry-run. */
    public JsonObject applyCsv(String csv, String title, String basis, String effective, Locale locale) {
        return apply(read(csv == null ? null : csv.getBytes(StandardCharsets.UTF_8), false, title, basis).withEffective(effective(effective)),
                locale);
    }

    /** What the plan would do, changing nothing (its basis token added for the apply), its words said in {@code locale}. */
    public JsonObject dryRun(ReorgPlan plan, Locale locale) {
        Tenant unit = access.requireSubtree(Units.DOMAIN, Units.ACTION);
        try (Connection c = dataSource.getConnection()) {
            Reorganiser.Checked checked = new Reorganiser(c, access.username(), unit.getId()).dryRun(plan);
            if (!checked.valid()) {
                throw invalid(checked.errors());
            }
            JsonObject report = ReorgSaid.in(checked.report(), locale);
            return Jsonp.createObjectBuilder(report).add("basisToken", ReorgPlan.basisToken(report.getJsonObject("basis"))).build();
        } catch (SQLException e) {
            throw database(e);
        }
    }

    /** The effective day as typed (dd/MM/yyyy), or a 400 problem. */
    public static java.time.LocalDate effective(String day) {
        try {
            return ReorgPlan.day(day);
        } catch (ReorgPlan.BadDay e) {
            throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                    w -> w.text("problem.effectiveDate"), w -> Map.of("effective", List.of(e.error().reason(Wording.of(w))))));
        }
    }

    /** Carries the plan out in the caller's transaction, or refuses it with nothing changed; its report said in {@code locale}. */
    public JsonObject apply(ReorgPlan plan, Locale locale) {
        Tenant unit = access.requireSubtree(Units.DOMAIN, Units.ACTION);
        if (plan.basis().isEmpty()) {
            throw new ProblemException(Problem.of(Wording::in, 428, "basis-missing", "problem.basisMissing.title", "problem.basisMissing"));
        }
        Reorganiser.Applied applied;
        List<UnitCsvPlan.LineError> errors = new ArrayList<>();
        vn.egov.platform.tenancy.control.TenantDirectory.forgetAfterCommit();
        try (Connection c = dataSource.getConnection()) {
            applied = new Reorganiser(c, access.username(), unit.getId()).apply(plan, errors);
        } catch (Reorganiser.Stale e) {
            throw new ProblemException(Problem.said(Wording::in, 409, "changed-meanwhile", "problem.unitsChanged.title",
                    w -> w.text("problem.unitsChanged", String.join(", ", e.units())), w -> Map.of("basis", e.units())));
        } catch (SQLException e) {
            throw database(e);
        }
        if (applied == null) {
            throw invalid(errors);
        }
        applied.touched().forEach(settings::invalidateAfterCommit);
        applied.successors().keySet().forEach(settings::invalidateAfterCommit);
        // the request's EntityManager may hold units read before the plan changed them
        em.clear();
        reorganised.fire(new UnitsReorganised(applied.planId(), applied.successors(), List.copyOf(applied.touched()),
                applied.created(), access.username()));
        JsonObject report = applied.report();
        audit.record(unit.getId(), "unit.reorganised", plan.title(), null, Jsonp.createObjectBuilder()
                .add("planId", applied.planId()).add("unitsEnded", report.getJsonNumber("unitsEnded"))
                .add("unitsMoved", report.getJsonNumber("unitsMoved")).add("unitsCreated", report.getJsonNumber("unitsCreated"))
                .add("moved", report.getJsonObject("moved")).build());
        return ReorgSaid.in(report, locale);
    }

    /** The plans applied from this unit (and, as far as the rights reach, below it), newest first. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list() {
        access.require(Units.DOMAIN, Units.ACTION);
        List<Object[]> rows = em.createNativeQuery("SELECT p.id, p.title, p.applied_by, "
                + "to_char(p.applied_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI:SS'), t.code "
                + "FROM reorg_plan p JOIN tenant t ON t.id = p.tenant_id ORDER BY p.applied_at DESC, p.id DESC LIMIT 200").getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", ((Number) r[0]).longValue());
            m.put("title", r[1]);
            m.put("appliedBy", r[2]);
            m.put("appliedAt", r[3]);
            m.put("unit", r[4]);
            out.add(m);
        }
        return out;
    }

    /** One applied plan's report, its words said in {@code locale} (a report stored before them shows what it holds). */
    public JsonObject one(long id, Locale locale) {
        access.require(Units.DOMAIN, Units.ACTION);
        List<?> rows = em.createNativeQuery("SELECT report FROM reorg_plan WHERE id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound(Wording::in, "notFound.reorganisationPlan", id);
        }
        try (JsonReader r = Jsonp.createReader(new StringReader((String) rows.get(0)))) {
            return ReorgSaid.in(r.readObject(), locale);
        }
    }

    /** A plan as sent: JSON when {@code isJson}, CSV otherwise; refused (nothing changed) when unreadable. */
    public static ReorgPlan read(byte[] body, boolean isJson, String title, String basis) {
        if (body == null || body.length == 0) {
            throw invalid(List.of(new UnitCsvPlan.LineError(0, "planError.empty")));
        }
        if (body.length > MAX_BYTES) {
            throw new ProblemException(Problem.of(Wording::in, 413, "too-large", "problem.planTooLarge.title", "problem.planTooLarge"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(List.of(new UnitCsvPlan.LineError(0, "planError.notUtf8")));
        }
        try {
            if (isJson) {
                JsonObject json;
                try (JsonReader r = Jsonp.createReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
                    json = r.readObject();
                } catch (JsonException | IllegalStateException e) {
                    throw invalid(List.of(new UnitCsvPlan.LineError(0, "planError.json", e.getMessage())));
                }
                ReorgPlan plan = ReorgPlan.fromJson(json);
                return plan.basis().isEmpty() && basis != null ? plan.withBasis(parseBasis(basis)) : plan;
            }
            return ReorgPlan.fromCsv(title, text, parseBasis(basis));
        } catch (ReorgPlan.Unreadable e) {
            throw invalid(e.errors());
        }
    }

    static Map<String, Integer> parseBasis(String basis) {
        try {
            return ReorgPlan.parseBasisToken(basis);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                    w -> w.text("problem.basisForm"), w -> Map.of("basis", List.of(e.getMessage()))));
        }
    }

    private static ProblemException invalid(List<UnitCsvPlan.LineError> errors) {
        return new ProblemException(Problem.said(Wording::in, 422, "plan-invalid", "problem.planInvalid.title",
                w -> w.text("problem.planInvalid", errors.size()), w -> Map.of(), w -> UnitCsvPlan.LineError.json(errors, Wording.of(w))));
    }

    private static ProblemException database(SQLException e) {
        java.util.logging.Logger.getLogger(Reorganisations.class.getName())
                .warning("reorganisation refused by the database: " + e.getSQLState() + " " + e.getMessage());
        if ("42501".equals(e.getSQLState())) {
            return ProblemException.forbidden();
        }
        if ("23505".equals(e.getSQLState())) {
            return new ProblemException(Problem.of(Wording::in, 409, "duplicate", "problem.duplicate", "problem.reorgTaken"));
        }
        if ("40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState()) || "55P03".equals(e.getSQLState())) {
            return new ProblemException(Problem.of(Wording::in, 409, "changed-meanwhile", "problem.unitsBusy.title", "problem.unitsBusy"));
        }
        throw new IllegalStateException("reorganisation failed in the database: " + e.getSQLState() + " " + e.getMessage(), e);
    }
}
