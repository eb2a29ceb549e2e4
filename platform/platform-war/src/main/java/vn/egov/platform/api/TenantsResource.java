package vn.egov.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;

/** {@code /api/tenants}: the public directory of units (no login needed). */
@Path("api/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @Inject
    TenantDirectory directory;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Context
    UriInfo uri;

    /** The roots with their direct children. */
    @GET
    public List<TenantView> roots() {
        return directory.roots().stream().map(this::withChildren).toList();
    }

    /** One unit with its direct children. */
    @GET
    @Path("{code}")
    public TenantView one(@PathParam("code") String code) {
        return withChildren(find(code));
    }

    @GET
    @Path("{code}/children")
    public List<TenantView> children(@PathParam("code") String code) {
        Tenant t = find(code);
        return directory.children(t.getId()).stream().map(c -> TenantView.of(c, t.getCode(), null)).toList();
    }

    /** From the root down to the unit's parent. */
    @GET
    @Path("{code}/ancestors")
    public List<TenantView> ancestors(@PathParam("code") String code) {
        List<Tenant> chain = directory.ancestors(find(code));
        Map<Long, String> codes = chain.stream().collect(Collectors.toMap(Tenant::getId, Tenant::getCode));
        return chain.stream().map(a -> TenantView.of(a, a.getParentId() == null ? null : codes.get(a.getParentId()), null))
                .toList();
    }

    private TenantView withChildren(Tenant t) {
        String parentCode = t.getParentId() == null ? null
                : directory.byId(t.getParentId()).map(Tenant::getCode).orElse(null);
        List<TenantView> kids = directory.children(t.getId()).stream()
                .map(c -> TenantView.of(c, t.getCode(), null)).toList();
        return TenantView.of(t, parentCode, kids);
    }

    /**
     * What became of the unit, newest first: renames and recodes, moves, the merge or dissolution that ended it
     * (with its successor and the plan). Answers for old codes too: "where did commune X go?"
     */
    @GET
    @Path("{code}/history")
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> history(@PathParam("code") String code) {
        Tenant t = find(code, false);
        List<Object[]> rows = em.createNativeQuery("SELECT h.change, h.old_code, h.old_name, h.new_code, h.new_name, coalesce(h.reason, ''), "
                        + "to_char(h.changed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI'), h.plan_id, s.code, op.code, np.code, "
                        + "h.changed_by FROM unit_history h LEFT JOIN tenant s ON s.id = h.successor_id "
                        + "LEFT JOIN tenant op ON op.id = h.old_parent_id LEFT JOIN tenant np ON np.id = h.new_parent_id "
                        + "WHERE h.unit_id = ?1 ORDER BY h.changed_at DESC, h.id DESC")
                .setParameter(1, t.getId()).getResultList();
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("change", r[0]);
            m.put("oldCode", r[1]);
            m.put("oldName", r[2]);
            m.put("newCode", r[3]);
            m.put("newName", r[4]);
            m.put("reason", r[5]);
            m.put("at", r[6]);
            m.put("by", r[11]);
            if (r[7] != null) {
                m.put("plan", ((Number) r[7]).longValue());
            }
            if (r[8] != null) {
                m.put("successor", r[8]);
                m.put("current", directory.current(t).getCode());
            }
            if (r[9] != null) {
                m.put("oldParent", r[9]);
            }
            if (r[10] != null) {
                m.put("newParent", r[10]);
            }
            out.add(m);
        }
        return out;
    }

    private Tenant find(String code) {
        return find(code, true);
    }

    /**
     * A current code, or an old one (renamed away, or a unit that ended) answered with a permanent redirect to the
     * unit's current address; {@code follow = false} answers for the ended unit itself (its history).
     */
    private Tenant find(String code, boolean follow) {
        Optional<Tenant> current = directory.byCode(code);
        if (current.isPresent() && (!follow || !current.get().isRetired())) {
            return current.get();
        }
        Optional<Tenant> successor = current.isPresent() ? Optional.of(directory.current(current.get()))
                : directory.successorOfCode(code);
        if (successor.isPresent()) {
            String rest = uri.getPath().substring(uri.getPath().indexOf(code) + code.length());
            throw new WebApplicationException(Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(URI.create("/api/tenants/" + successor.get().getCode() + rest)).build());
        }
        throw ProblemException.notFound(ProblemException::platformTexts, "platform.notFound.unitWithCode", abbreviate(code));
    }

    static String abbreviate(String s) {
        return s.length() > 63 ? s.substring(0, 63) + "…" : s;
    }

}
