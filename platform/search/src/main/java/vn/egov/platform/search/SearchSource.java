package vn.egov.platform.search;

import java.util.Map;
import java.util.function.Consumer;
import java.util.Objects;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * A module's searchable items, read again from its tables: what a full reindex sends and what the consistency
 * check counts. A module implements it as a CDI bean; it is called inside a transaction whose tenant scope
 * covers the unit(s) asked for, so it reads through row-level security like any other code.
 */
public interface SearchSource {

    /** The type of the items, as in {@link SearchDocument#type()}. */
    String type();

    /** Every item of one unit (not its sub-units), in any order. */
    void documents(Unit unit, Consumer<SearchDocument> sink);

    /** How many items each visible unit has, by unit id (the units the transaction's scope covers). */
    Map<Long, Long> countsByUnit();

    /** A unit as a source needs it: id, materialized path, code (read fresh, e.g. right after a reorganisation). */
    record Unit(long id, String path, String code) {
        public Unit {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(code, "code");
        }

        public static Unit of(Tenant t) {
            return new Unit(t.getId(), t.getPath(), t.getCode());
        }
    }
}
