package vn.egov.documents.pages;

import java.util.List;
import vn.egov.documents.control.Registers;
import vn.egov.platform.web.desk.DeskFrame;

/**
 * What one document's template shows: the document as its register holds it, its details in order, its files with
 * their signatures, its receivers (on the platform and outside it), the forms of the actions its state allows, and
 * its history.
 */
public record DocumentView(String back, String failure, Registers.Doc doc, List<Detail> details, List<Detail> later, List<FileRow> files,
                           List<DeliveryRow> deliveries, List<OutboundRow> outbound, List<EventRow> history, String withdrawn, Actions actions,
                           boolean indexing) {

    public boolean outgoing() {
        return doc.register().equals("outgoing");
    }

    /** The register's number and year ("12 / 2026"), or null before it has one. */
    public String number() {
        return doc.number() == null ? null : doc.number() + " / " + doc.year();
    }

    public String supportHandlers() {
        return doc.work().supportHandlers().isEmpty() ? null : String.join(", ", doc.work().supportHandlers());
    }

    /** A line of the details: its label's key and its value. */
    public record Detail(String key, String value) {
    }

    /** A file: its kind's key, and its signatures' verdict (null: not checked) with who signed and when. */
    public record FileRow(String name, String url, String kind, String verdict, String verdictText, List<String> signers) {
    }

    /** A unit of the platform it was sent to, and what that unit did. */
    public record DeliveryRow(String to, String name, String status, String when, String reason) {
    }

    /** An organisation outside the platform, and where its package is. */
    public record OutboundRow(String organ, String status, int attempts, String when, String reason) {
        public boolean retried() {
            return status.equals("queued") && attempts > 0;
        }
    }

    /** An event of its history. */
    public record EventRow(String at, String action, String actor, String note) {
    }

    /**
     * What the action forms need: where they go, the state, whether the person handles it ({@code handler}) or leads
     * it ({@code lead}), and for sending the units it may go to ({@code toError} the message of a refused sending,
     * beside that field, or null).
     */
    public record Actions(String action, String status, boolean outgoing, boolean secret, boolean handler, boolean lead, String leadHandler,
                          List<vn.egov.platform.web.desk.UnitChoices.Group> units, boolean subtree, String toError) {
        public boolean any() {
            return outgoing ? List.of("draft", "review", "signed", "issued").contains(status) : List.of("registered", "directed").contains(status);
        }
    }
}
