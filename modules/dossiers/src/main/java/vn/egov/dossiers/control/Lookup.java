package vn.egov.dossiers.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * A dossier of a unit by its code, in a transaction bound to that unit's scope (the caller carries it), for anyone who
 * has the code (it is on the receipt): what the public lookup shows. At most {@value #PER_MINUTE} lookups a minute from
 * one address (counted in the data grid, so across nodes): codes cannot be enumerated.
 */
@ApplicationScoped
public class Lookup {
    public static final int PER_MINUTE = 30;
    /** A dossier's code: the receiving unit's code, the day (yyMMdd), the day's number. */
    public static final Pattern CODE = Pattern.compile("^([a-z0-9]+(?:-[a-z0-9]+)*)-([0-9]{6})-([0-9]{4,6})$");

    /** A step of a dossier's way: the status it reached, and when (no one's name, no note). */
    public record Step(Instant at, String status) {
    }

    @Inject
    Db db;

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    /** Counts a lookup from {@code address}; false if it has made {@value #PER_MINUTE} in the last minute already. */
    public boolean allowed(String address) {
        IMap<String, Integer> counts = grid.getMap("egov-dossier-lookups");
        String key = "lookup|" + address;
        counts.lock(key);
        try {
            Integer n = counts.get(key);
            if (n != null && n >= PER_MINUTE) {
                return false;
            }
            counts.set(key, n == null ? 1 : n + 1, 60, TimeUnit.SECONDS);
            return true;
        } finally {
            counts.unlock(key);
        }
    }

    /** The steps of a dossier's way, oldest first: each status it reached, at the first time it reached it in a row. */
    @Transactional
    @TenantTransactional
    public List<Step> steps(Tenant unit, long dossierId) {
        List<Step> all = db.list("SELECT at, status FROM dossier_event WHERE tenant_id = ? AND dossier_id = ? ORDER BY at, id",
                rs -> new Step(Db.instant(rs, "at"), rs.getString(2)), unit.getId(), dossierId);
        List<Step> steps = new ArrayList<>();
        for (Step s : all) {
            if (steps.isEmpty() || !steps.get(steps.size() - 1).status().equals(s.status())) {
                steps.add(s);
            }
        }
        return steps;
    }

    @Transactional
    @TenantTransactional
    public Optional<Dossier> byCode(Tenant unit, String code) {
        return db.one("SELECT " + Intake.COLS_PUBLIC + " FROM dossier WHERE tenant_id = ? AND code = ?", Intake::dossier, unit.getId(), code);
    }

    /**
     * The unit a dossier belongs to now, found by its code (a function that answers that alone): whatever became of
     * the unit whose code is the code's prefix (renamed, merged into another), the receipt's code still finds it.
     */
    @Transactional
    @TenantTransactional
    public Optional<Long> unitOf(String code) {
        return db.one("SELECT u FROM dossier_code_unit(?) u WHERE u IS NOT NULL", rs -> rs.getLong(1), code);
    }
}
