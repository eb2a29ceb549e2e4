package vn.egov.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL on the connection of the running JTA transaction (the one the tenant or public scope was bound to; one handle
 * for the whole transaction, see {@link TxConnection}). Every value is a bound parameter. Outside a transaction it
 * refuses: an unscoped read would see nothing anyway.
 */
@ApplicationScoped
public class Db {

    @Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Maps one row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        requireTransaction();
        try (PreparedStatement ps = prepare(connection(), sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> all = list(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        requireTransaction();
        try (PreparedStatement ps = prepare(connection(), sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** An INSERT ... RETURNING id. */
    public long insert(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElseThrow(() -> new IllegalStateException("no id returned"));
    }

    private PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (p instanceof Long[] longs) {
                ps.setArray(i + 1, c.createArrayOf("bigint", longs));
            } else if (p instanceof String[] strings) {
                ps.setArray(i + 1, c.createArrayOf("text", strings));
            } else if (p instanceof Typed typed) {
                ps.setNull(i + 1, typed.sqlType());
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    /** A typed SQL NULL (for parameters PostgreSQL cannot infer). */
    public record Typed(int sqlType) {
        public static final Typed LONG = new Typed(java.sql.Types.BIGINT);
        public static final Typed TEXT = new Typed(java.sql.Types.VARCHAR);
        public static final Typed TIME = new Typed(java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
    }

    public static Object orNull(Long v) {
        return v == null ? Typed.LONG : v;
    }

    public static Object orNull(String v) {
        return v == null ? Typed.TEXT : v;
    }

    public static Object orNull(Instant v) {
        return v == null ? Typed.TIME : v;
    }

    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static List<Long> longs(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        List<Long> out = new ArrayList<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                out.add(((Number) o).longValue());
            }
        }
        return out;
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                out.add(o.toString());
            }
        }
        return out;
    }

    /** The transaction's connection (one handle for all its statements; closed when it ends). */
    private Connection connection() throws SQLException {
        return TxConnection.of(dataSource, transactions);
    }

    /**
     * A {@code date} column (rather than {@code getObject(column, LocalDate.class)}, which the container's JDBC wrapper
     * dispatches by reflection, looking the method up on every call).
     */
    public static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return localDate(rs, rs.findColumn(column));
    }

    public static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private void requireTransaction() {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("portal SQL runs inside a scoped transaction, and there is none");
        }
    }
}
