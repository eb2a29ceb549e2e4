package vn.egov.documents.pages;

import java.util.List;

/**
 * What the overview's template shows: what waits for the clerk (sent by other units, and by edXML from outside), the
 * person's own work, the year's two registers (their newest entries) and the unit's organ id on the national axis.
 */
public record OverviewView(String failure, Search search, String draftHref, String paperHref, List<Arrival> queue, List<Package> edxml,
                           List<Row> work, Register outgoing, Register incoming, Identity identity) {

    /** The search form: where it goes, what was typed, and whether to keep {@code ?lang=en}. */
    public record Search(String action, String q, boolean english) {
    }

    /** A link to a file. */
    public record FileLink(String name, String url) {
    }

    /** A document another unit sent, waiting to be registered or returned ({@code action}: where the answers go). */
    public record Arrival(long id, String urgency, String numberSymbol, String from, String abstractText, String receivedAt,
                          List<FileLink> files, String action) {
    }

    /** An edXML package from outside the platform, waiting likewise. */
    public record Package(long id, String urgency, String numberSymbol, String from, String fromOrganId, String abstractText, String action) {
    }

    /** A line of a register or of the person's work ({@code last}: the issuer, or the date to handle it by). */
    public record Row(String href, String label, String secrecy, String date, String docType, String abstractText, String urgency,
                      String last, String status) {
    }

    /** A year's register: its newest entries, how many it holds, its printed forms. */
    public record Register(String register, int year, long total, List<Row> rows, String pdf, String csv) {
        public boolean partial() {
            return total > rows.size();
        }
    }

    /** The unit's organ id (null when not set), and the form to change it for its administrators. */
    public record Identity(String organId, boolean admin, String action) {
    }
}
