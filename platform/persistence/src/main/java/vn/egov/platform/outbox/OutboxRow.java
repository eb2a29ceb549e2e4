package vn.egov.platform.outbox;

import java.util.Map;

/**
 * One claimed outbox row: the columns every outbox table has, and its own (json and jsonb as their text, bytea as
 * bytes, numbers and text as JDBC gives them) by name.
 */
public record OutboxRow(long id, long tenantId, String target, int attempts, Map<String, Object> columns) {

    public String text(String column) {
        Object v = columns.get(column);
        return v == null ? null : v.toString();
    }

    public byte[] bytes(String column) {
        return (byte[]) columns.get(column);
    }

    /** A whole-number column, or null. */
    public Long number(String column) {
        Object v = columns.get(column);
        return v == null ? null : ((Number) v).longValue();
    }
}
