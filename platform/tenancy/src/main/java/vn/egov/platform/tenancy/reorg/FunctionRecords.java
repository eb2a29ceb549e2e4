package vn.egov.platform.tenancy.reorg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.egov.platform.words.Phrase;

/**
 * A module whose rule is one database function of its migrations, {@code f(from, to, ...)}, answering rows of
 * {@code (table_name, moved)} or {@code (table_name, moved, replaced, replaced_rows)}: a {@code SECURITY DEFINER}
 * function that checks the scope first ({@code reorg_require_scope}). A subclass binds what else its function takes
 * ({@link #bind}) and says what refuses a hand-over ({@link #conflicts}), if anything does.
 */
public abstract class FunctionRecords implements RecordRule {
    private final String module;
    private final Set<String> tables;
    private final Set<String> generic;
    private final String function;
    private final int extra;
    private final Phrase description;

    /**
     * @param function the function's name
     * @param extra    how many arguments it takes after {@code from} and {@code to}
     */
    protected FunctionRecords(String module, Set<String> tables, Set<String> generic, String function, int extra, Phrase description) {
        this.module = Objects.requireNonNull(module);
        this.tables = Set.copyOf(tables);
        this.generic = Set.copyOf(generic);
        this.function = Objects.requireNonNull(function);
        this.extra = extra;
        this.description = Objects.requireNonNull(description);
    }

    @Override
    public final String module() {
        return module;
    }

    @Override
    public final Set<String> tables() {
        return tables;
    }

    @Override
    public final Set<String> generic() {
        return generic;
    }

    @Override
    public final Phrase description() {
        return description;
    }

    /** Nothing refuses the hand-over unless a subclass says so. */
    @Override
    public List<Conflict> conflicts(Connection c, Handover handover) throws SQLException {
        return List.of();
    }

    @Override
    public final Transferred transfer(Connection c, Handover h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + function + "(?, ?" + ", ?".repeat(extra) + ")")) {
            ps.setLong(1, h.from());
            ps.setLong(2, h.to());
            bind(ps, h);
            try (ResultSet rs = ps.executeQuery()) {
                return Transferred.read(rs);
            }
        }
    }

    /** Binds the function's arguments after {@code from} and {@code to} (from index 3). */
    protected void bind(PreparedStatement ps, Handover h) throws SQLException {
    }
}
