package vn.egov.platform.persistence;

import java.sql.SQLException;
import java.util.Optional;

/** The PostgreSQL SQLSTATE behind a persistence exception, for turning constraint violations into answers. */
public final class SqlState {
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String INSUFFICIENT_PRIVILEGE = "42501";

    private SqlState() {
    }

    /** The first SQLException in the cause chain, if any. */
    public static Optional<SQLException> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    public static boolean is(Throwable e, String state) {
        return of(e).map(sql -> state.equals(sql.getSQLState())).orElse(false);
    }
}
