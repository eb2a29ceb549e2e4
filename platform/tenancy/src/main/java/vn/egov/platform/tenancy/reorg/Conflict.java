package vn.egov.platform.tenancy.reorg;

/**
 * Something that would make a plan fail: which module and table, which rule refuses it, and the rows concerned
 * (how many, and a readable sample of their keys).
 */
public record Conflict(String module, String table, String successor, String rule, String rows, long count) {
}
