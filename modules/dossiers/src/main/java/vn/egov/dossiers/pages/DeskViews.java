package vn.egov.dossiers.pages;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.egov.dossiers.control.Intake;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.web.desk.DeskFrame;

/** What the one-stop desk's templates show: the records, and how they are read from a dossier as the dossiers' code gives it. */
public final class DeskViews {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");

    /** A dossier the unit holds ({@code transferredFrom} the unit that received it when that is another one). */
    public record Held(String code, String href, String transferredFrom, String procedureName, String applicantName, String stepName,
                       String stepDue, String dueDate, String status) {
    }

    /** The desk's first page. */
    public record Inbox(String counterHref, String statsHref, int arrived, List<Held> held) {
    }

    /** A row of a two-column table. */
    public record Row(String label, String value) {
    }

    /** A file of the dossier. */
    public record FileLink(String kind, String href, String name, String paper) {
    }

    /** A handover between steps ({@code outcome} early, on_time, late or empty). */
    public record Handover(String at, String from, String to, String toUnit, String givenBy, String outcome) {
    }

    /** An entry of the history. */
    public record Event(String at, String status, String note, String actor) {
    }

    /** A next step the dossier may be moved to. */
    public record Move(String step, String label, String role) {
    }

    /**
     * The forms of the actions the step allows: {@code dutyNames} when the step is someone else's duty (then no move),
     * {@code agencies} when a move transfers it, {@code papers} when a move asks the applicant for papers; {@code failed} the
     * action just refused (its form shown open), or empty; {@code toUnitError} the message of a refused transfer beside
     * the agency, or null.
     */
    public record Actions(String action, String resultAction, int version, String dutyNames, List<Move> moves, List<vn.egov.platform.web.desk.UnitChoices.Group> agencies,
                          List<DeskFrame.Option> papers, boolean canEnd, String failed, String toUnitError, List<DeskFrame.Option> people) {
    }

    /** One dossier at the desk; {@code mode} is act, readOnly, supplement or empty (finished). */
    public record Dossier(String code, String backHref, String failure, String procedure, String applicantName, String status, String stepName,
                          String stepDue, String holderName, String receivedDate, String dueDate, String newDueDate, boolean overdue, String receiptHref,
                          String controlHref, List<Row> form, List<FileLink> files, String mode, Actions actions, List<Handover> handovers,
                          List<Event> history) {
    }

    /** A procedure the unit offers, to choose at the counter. */
    public record ProcedureLink(String href, String name, String code) {
    }

    /** What {@code counter.jte} shows: the procedures to choose from, or the chosen one's form. */
    public record Counter(String backHref, List<ProcedureLink> procedures, String procedureName, String procedureCode, String action,
                          List<String> general, int errorCount, List<DeskFrame.Option> pickups, String applicantName, String applicantError,
                          String email, String emailError, Forms.FormView form) {
    }

    private DeskViews() {
    }

    static String time(String instant) {
        return TIME.format(Instant.parse(instant).atZone(Intake.VIETNAM));
    }

    /** The form's answers in the order of the procedure's fields (its labels'), then any the version no longer names. */
    static List<Row> form(JsonObject d) {
        JsonObject labels = d.getJsonObject("formLabels");
        JsonObject form = d.getJsonObject("form");
        List<Row> rows = new ArrayList<>();
        labels.forEach((k, label) -> {
            if (form.containsKey(k)) {
                rows.add(new Row(((JsonString) label).getString(), value(form.get(k))));
            }
        });
        form.forEach((k, v) -> {
            if (!labels.containsKey(k)) {
                rows.add(new Row(k, value(v)));
            }
        });
        return rows;
    }

    private static String value(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    /** The files: the papers in the procedure's order, named as it names them, then the rest (supplements, results) as they came. */
    static List<FileLink> files(JsonObject d, String base) {
        java.util.Map<String, Integer> order = new java.util.HashMap<>();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        JsonArray papers = d.containsKey("papers") ? d.getJsonArray("papers") : JsonValue.EMPTY_JSON_ARRAY;
        for (int i = 0; i < papers.size(); i++) {
            order.put(papers.getJsonObject(i).getString("id"), i);
            names.put(papers.getJsonObject(i).getString("id"), papers.getJsonObject(i).getString("name"));
        }
        List<JsonObject> all = new ArrayList<>(d.getJsonArray("files").getValuesAs(JsonObject.class));
        all.sort(java.util.Comparator.comparingInt(f -> order.getOrDefault(f.getString("paper", ""), papers.size())));
        List<FileLink> files = new ArrayList<>();
        for (JsonObject f : all) {
            String paper = f.getString("paper", "");
            files.add(new FileLink(f.getString("kind"), base + "/files/" + f.getJsonNumber("id").longValue(), f.getString("name"),
                    names.getOrDefault(paper, paper)));
        }
        return files;
    }

    static List<Handover> handovers(JsonObject d) {
        List<Handover> list = new ArrayList<>();
        for (JsonValue v : d.getJsonArray("handovers")) {
            JsonObject h = v.asJsonObject();
            list.add(new Handover(time(h.getString("at")), h.getString("fromName"), h.getString("toName"), h.getString("toUnitName", h.getString("toUnit")), h.getString("givenBy"),
                    h.getString("outcome", "")));
        }
        return list;
    }

    static List<Event> history(JsonObject d, Messages t) {
        List<Event> list = new ArrayList<>();
        for (JsonValue v : d.getJsonArray("history")) {
            JsonObject e = v.asJsonObject();
            list.add(new Event(time(e.getString("at")), e.getString("status"), note(e, t), e.getString("actor", "")));
        }
        return list;
    }

    /** A history line's note in the page's language: the platform's words said there, or what a person wrote. */
    static String note(JsonObject e, Messages t) {
        JsonObject said = e.getJsonObject("said");
        if (said == null) {
            return e.getString("note");
        }
        return t.text(said.getString("key"), said.getJsonArray("args").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toArray());
    }

    static List<Move> moves(List<JsonObject> next) {
        return next.stream().filter(n -> !n.getBoolean("end")).map(n -> new Move(n.getString("step"), n.getString("label"), n.getString("role"))).toList();
    }

    static List<DeskFrame.Option> papers(JsonObject d) {
        return d.getJsonArray("papers").stream().map(JsonValue::asJsonObject)
                .map(p -> new DeskFrame.Option(p.getString("id"), p.getString("name"), false)).toList();
    }
}
