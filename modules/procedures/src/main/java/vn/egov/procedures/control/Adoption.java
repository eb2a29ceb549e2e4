package vn.egov.procedures.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.PublicReads;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.words.Phrase;
import vn.egov.procedures.entity.Procedure;

/**
 * A unit adopting procedures of the province's catalogue several at a time (the desk's adoption screen): the
 * catalogue with what the unit adopted, and the adoption or the dropping of a selection, checked whole first (an
 * unknown code, another level's procedure, one not adopted: nothing is written) and then done in the caller's
 * transaction, one procedure after the other through {@link Catalogue}.
 */
@ApplicationScoped
public class Adoption {

    @Inject
    Db db;

    @Inject
    PublicReads reads;

    @Inject
    Catalogue catalogue;

    @Inject
    TenantDirectory directory;

    /** The root of {@code unit}'s tree: the province whose catalogue it adopts from. */
    public Tenant province(Tenant unit) {
        if (unit.getParentId() == null) {
            return unit;
        }
        return directory.ancestors(unit).stream().filter(t -> t.getParentId() == null).findFirst().orElseThrow();
    }

    /** The province's catalogue, by sector and name. Public. */
    public List<Procedure> catalogueOf(Tenant province) {
        return reads.read(() -> db.list("SELECT " + Catalogue.COLS + " FROM procedure p WHERE p.tenant_id = ? ORDER BY 5, 4",
                Catalogue::procedure, province.getId()));
    }

    /** The ids of the province's procedures {@code unit} adopted. */
    public Set<Long> adopted(Tenant unit) {
        return new HashSet<>(reads.read(() -> db.list("SELECT procedure_id FROM unit_procedure WHERE tenant_id = ?", rs -> rs.getLong(1),
                unit.getId())));
    }

    /**
     * Why {@code codes} cannot be adopted ({@code adopt}) or dropped by {@code unit}: each refused code with the reason,
     * a phrase of the module's texts; empty when all can.
     */
    public Map<String, Phrase> refusals(Tenant unit, List<String> codes, boolean adopt) {
        Tenant province = province(unit);
        Map<String, Procedure> byCode = new LinkedHashMap<>();
        catalogueOf(province).forEach(p -> byCode.put(p.code(), p));
        Set<Long> adopted = adopted(unit);
        Procedure.Level own = Procedure.Level.ofUnitKind(unit.getKind().name().toLowerCase());
        Map<String, Phrase> out = new LinkedHashMap<>();
        for (String code : codes) {
            Optional<Procedure> p = Optional.ofNullable(byCode.get(code));
            if (p.isEmpty()) {
                out.put(code, Phrase.of(Wording.BUNDLE, "adoption.unknown", code));
            } else if (adopt && p.get().level() != own) {
                out.put(code, Phrase.of(Wording.BUNDLE, "adoption.otherLevel", code, Phrase.of(Wording.BUNDLE, p.get().level().key()),
                        Phrase.of(Wording.BUNDLE, own.key())));
            } else if (!adopt && !adopted.contains(p.get().id())) {
                out.put(code, Phrase.of(Wording.BUNDLE, "adoption.notAdopted", code));
            }
        }
        return out;
    }

    /** {@code unit} adopts every procedure of {@code codes} (checked with {@link #refusals} first); how many it did not offer yet. */
    public int adoptAll(Tenant unit, List<String> codes, String user) {
        Tenant province = province(unit);
        int added = 0;
        for (String code : codes) {
            added += catalogue.adopt(unit, province, code, user) ? 1 : 0;
        }
        return added;
    }

    /** {@code unit} no longer offers the adopted procedures {@code codes}; how many it dropped. */
    public int dropAll(Tenant unit, List<String> codes) {
        int dropped = 0;
        for (String code : codes) {
            dropped += catalogue.drop(unit, code) ? 1 : 0;
        }
        return dropped;
    }
}
