package vn.egov.procedures.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.procedures.entity.Procedure;

/**
 * Procedures across a unit's subtree (the province's home finds them across the province): each procedure some unit of
 * the subtree offers, with the units that offer it in the tree's order. A unit offers its own procedures and those it
 * adopted; of the province's master catalogue, the province itself counts as offering its own level's only (the others
 * are there for the districts and communes to adopt). Read in the public-read scope: the catalogue is public.
 */
@ApplicationScoped
public class Finder {

    /** A procedure found, with the units offering it and whether it takes dossiers online. */
    public record Found(Procedure procedure, List<Tenant> units, boolean online) {
    }

    /** What a search found: how many procedures matched, and the first of them. */
    public record Result(int matching, List<Found> found) {
    }

    @Inject
    Db db;

    @Inject
    PublicReads reads;

    @Inject
    TenantDirectory directory;

    @Inject
    Adoption adoption;

    /** The procedures offered in {@code root}'s subtree that {@code matches} lets through, the first {@code limit} with their units. */
    public Result find(Tenant root, Predicate<Procedure> matches, int limit) {
        Map<Long, Tenant> units = new LinkedHashMap<>();
        directory.subtree(root).stream().filter(t -> !t.isRetired()).forEach(t -> units.put(t.getId(), t));
        Long[] ids = units.keySet().toArray(new Long[0]);
        long province = adoption.province(root).getId();
        String own = "p.tenant_id = ANY (?) AND (p.tenant_id <> ? OR p.level = 'province')";
        List<Procedure> offered = reads.read(() -> db.list("SELECT " + Catalogue.COLS + " FROM procedure p WHERE (" + own + ") OR p.id IN "
                + "(SELECT procedure_id FROM unit_procedure WHERE tenant_id = ANY (?)) ORDER BY 4, 3", Catalogue::procedure, ids, province, ids));
        List<Procedure> matching = offered.stream().filter(matches).toList();
        List<Procedure> shown = matching.subList(0, Math.min(limit, matching.size()));
        if (shown.isEmpty()) {
            return new Result(0, List.of());
        }
        Long[] found = shown.stream().map(Procedure::id).toArray(Long[]::new);
        Map<Long, Set<Long>> by = new HashMap<>();
        reads.read(() -> db.list("SELECT procedure_id, tenant_id FROM unit_procedure WHERE procedure_id = ANY (?) AND tenant_id = ANY (?) "
                + "UNION SELECT p.id, p.tenant_id FROM procedure p WHERE p.id = ANY (?) AND " + own, rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                found, ids, found, ids, province)).forEach(r -> by.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]));
        Set<Long> online = new HashSet<>(reads.read(() -> db.list("SELECT p.id FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id "
                + "AND v.version = p.current_version WHERE p.id = ANY (?) AND v.definition -> 'channels' @> '[\"online\"]'::jsonb",
                rs -> rs.getLong(1), (Object) found)));
        List<Found> out = new ArrayList<>();
        for (Procedure p : shown) {
            Set<Long> at = by.getOrDefault(p.id(), Set.of());
            out.add(new Found(p, units.values().stream().filter(t -> at.contains(t.getId())).toList(), online.contains(p.id())));
        }
        return new Result(matching.size(), out);
    }
}
