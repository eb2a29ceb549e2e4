package vn.egov.platform.tenancy.reorg;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.egov.platform.words.Phrase;

/**
 * A module whose records simply go to the successor (the generic move: every row's {@code tenant_id}; a table with
 * one row per unit keeps the successor's row and reports the other): it declares its tables and carries none itself.
 */
public abstract class GenericRecords implements RecordRule {
    private final String module;
    private final Set<String> tables;
    private final Phrase description;

    protected GenericRecords(String module, Set<String> tables, Phrase description) {
        this.module = Objects.requireNonNull(module);
        this.tables = Set.copyOf(tables);
        this.description = Objects.requireNonNull(description);
    }

    @Override
    public final String module() {
        return module;
    }

    @Override
    public final Set<String> tables() {
        return Set.of();
    }

    @Override
    public final Set<String> generic() {
        return tables;
    }

    @Override
    public final Phrase description() {
        return description;
    }

    @Override
    public List<Conflict> conflicts(Connection c, Handover handover) {
        return List.of();
    }

    @Override
    public Transferred transfer(Connection c, Handover handover) {
        return Transferred.of(Map.of());
    }
}
