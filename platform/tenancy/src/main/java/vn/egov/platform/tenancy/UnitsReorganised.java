package vn.egov.platform.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fired (synchronously, inside the transaction that applied a reorganisation plan, under the acting unit's scope)
 * once every record of every tenant table has been given to its successor. Modules with state outside the
 * database (a search index, caches) observe it to follow: {@code successors} maps each ended unit to the unit that
 * took it over, {@code moved} lists units whose place in the tree (path) changed, {@code created} the new units.
 * An observer that throws rolls the whole plan back.
 */
public record UnitsReorganised(long planId, Map<Long, Long> successors, List<Long> moved, List<Long> created,
                               String actor) {
    public UnitsReorganised {
        successors = Map.copyOf(Objects.requireNonNull(successors, "successors"));
        moved = List.copyOf(moved);
        created = List.copyOf(created);
        Objects.requireNonNull(actor, "actor");
    }
}
