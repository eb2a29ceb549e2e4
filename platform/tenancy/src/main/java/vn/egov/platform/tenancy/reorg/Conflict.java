package vn.egov.platform.tenancy.reorg;

import vn.egov.platform.words.Phrase;

/**
 * Something that would make a plan fail: which module and table, which rule refuses it (a key of the module's texts,
 * said in the reader's language), and the rows concerned (how many, and a readable sample of their keys).
 */
public record Conflict(String module, String table, String successor, Phrase rule, String rows, long count) {
}
