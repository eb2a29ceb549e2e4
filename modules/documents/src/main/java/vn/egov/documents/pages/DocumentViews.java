package vn.egov.documents.pages;

import vn.egov.documents.control.Wording;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import vn.egov.documents.control.Files;
import vn.egov.documents.control.Handling;
import vn.egov.documents.control.Outbound;
import vn.egov.documents.control.Registers;
import vn.egov.documents.control.Signatures;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.desk.UnitChoices;

/** Reads one document for its page from the documents' control classes: files checked, receivers, history, actions. */
@RequestScoped
public class DocumentViews {
    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    Registers registers;

    @Inject
    Files files;

    @Inject
    Handling handling;

    @Inject
    Outbound outbound;

    @Inject
    TenantDirectory directory;

    DocumentView of(Tenant unit, long id, String failure, String toError) {
        Registers.Doc d = layout.call(() -> registers.find(unit, id, access.user()).orElseThrow(() -> ProblemException.notFound(
                Wording::in, "notFound.documentOfThisUnit", id)));
        boolean outgoing = d.register().equals("outgoing");
        List<DocumentView.DeliveryRow> deliveries = outgoing ? deliveries(unit, d) : List.of();
        List<DocumentView.OutboundRow> out = outgoing ? outbound(unit, d) : List.of();
        String withdrawn = null;
        if (!outgoing && d.deliveryId() != null) {
            withdrawn = registers.origin(unit, d.deliveryId()).filter(v -> v.status().equals("recalled"))
                    .map(v -> v.reason() == null ? "" : v.reason()).orElse(null);
        }
        List<DocumentView.EventRow> history = handling.history(unit, d.id(), access.user()).stream()
                .map(e -> new DocumentView.EventRow(DocumentPages.time(e.at()), e.action(), e.actor(), e.note().in(layout.locale()))).toList();
        return new DocumentView(layout.url(unit, "documents"), failure, d, details(d), later(d), files(unit, d), deliveries, out, history,
                withdrawn, actions(unit, d, toError), registers.indexing(unit, d.id()));
    }

    private static List<DocumentView.Detail> details(Registers.Doc d) {
        List<DocumentView.Detail> rows = new ArrayList<>();
        add(rows, "doc.issuedOn", DocumentPages.day(d.issuedOn()));
        add(rows, "doc.receivedOn", DocumentPages.day(d.receivedOn()));
        add(rows, "field.signer", d.signer());
        add(rows, "field.recipients", d.recipientsText());
        add(rows, "doc.dueDate", DocumentPages.day(d.dueDate()));
        add(rows, "doc.reviewNote", d.work().reviewNote());
        add(rows, "doc.signedBy", d.work().signedBy());
        add(rows, "doc.direction", d.work().direction());
        return rows;
    }

    private static List<DocumentView.Detail> later(Registers.Doc d) {
        List<DocumentView.Detail> rows = new ArrayList<>();
        add(rows, "col.handleBy", DocumentPages.day(d.work().handleBy()));
        add(rows, "doc.result", d.work().resultNote());
        return rows;
    }

    private static void add(List<DocumentView.Detail> rows, String key, String value) {
        if (value != null) {
            rows.add(new DocumentView.Detail(key, value));
        }
    }

    private List<DocumentView.FileRow> files(Tenant unit, Registers.Doc d) {
        String base = "/api/t/" + unit.getCode() + "/documents/";
        List<DocumentView.FileRow> rows = new ArrayList<>();
        if (d.register().equals("incoming")) {
            // an incoming document's own files (a scan, what came by edXML): each PDF's signatures checked now
            files.checked(unit, d.id(), access.user()).forEach(c -> rows.add(file(c.info(), base + d.id() + "/files/" + c.info().id(), c.check())));
        } else {
            files.list(unit, d.id(), access.user()).forEach(f -> rows.add(file(f, base + d.id() + "/files/" + f.id(), null)));
        }
        if (d.deliveryId() != null) {
            // what came from another unit: each PDF's signatures checked now, for the handler to see
            files.sentChecked(unit, d.deliveryId()).forEach(c -> rows.add(file(c.info(), base + "queue/" + d.deliveryId() + "/files/" + c.info().id(),
                    c.check())));
        }
        return rows;
    }

    /** A file's row: the check made now, or else what the check said right after signing here. */
    private DocumentView.FileRow file(Files.FileInfo f, String url, JsonObject checkedNow) {
        JsonObject check = checkedNow != null ? checkedNow
                : f.signature() == null ? null : Jsonp.createReader(new StringReader(f.signature())).readObject();
        String kind = Files.KINDS.contains(f.kind()) ? f.kind() : "scan";
        if (check == null) {
            return new DocumentView.FileRow(f.name(), url, kind, null, null, List.of());
        }
        String verdict = check.getString("verdict");
        List<String> signers = new ArrayList<>();
        for (JsonValue v : check.getJsonArray("signatures")) {
            JsonObject s = v.asJsonObject();
            String who = s.getString("signer", s.getString("organisation", "?"));
            signers.add(s.containsKey("signedAt") ? who + ", " + DocumentPages.time(s.getString("signedAt")) : who);
        }
        return new DocumentView.FileRow(f.name(), url, kind, verdict, DocumentPages.texts(layout).text(Signatures.VERDICT + verdict), signers);
    }

    private List<DocumentView.DeliveryRow> deliveries(Tenant unit, Registers.Doc d) {
        return registers.deliveries(unit, d.id()).stream().map(v -> {
            String code = directory.byId(v.toId()).map(Tenant::getCode).orElse(Long.toString(v.toId()));
            String name = directory.byId(v.toId()).map(Tenant::getName).orElse(code);
            return new DocumentView.DeliveryRow(code, name, v.status(), DocumentPages.time(v.answeredAt() != null ? v.answeredAt() : v.receivedAt()),
                    v.reason() == null ? "" : v.reason());
        }).toList();
    }

    private List<DocumentView.OutboundRow> outbound(Tenant unit, Registers.Doc d) {
        return outbound.statuses(unit, d.id()).stream().map(x -> {
            String organ = x.organName().equals(x.organId()) ? x.organId() : x.organName() + " (" + x.organId() + ")";
            java.time.Instant when = x.answeredAt() != null ? x.answeredAt() : x.sentAt() != null ? x.sentAt() : x.queuedAt();
            String reason = x.reason() != null ? x.reason() : x.lastError() != null ? x.lastError() : "";
            return new DocumentView.OutboundRow(organ, x.status(), x.attempts(), DocumentPages.time(when), reason);
        }).toList();
    }

    private DocumentView.Actions actions(Tenant unit, Registers.Doc d, String toError) {
        String me = access.username();
        boolean outgoing = d.register().equals("outgoing");
        boolean sending = outgoing && d.status().equals("issued") && !d.secret();
        return new DocumentView.Actions(layout.url(unit, "documents/" + d.id()), d.status(), outgoing, d.secret(), d.work().handledBy(me),
                me.equals(d.work().leadHandler()), d.work().leadHandler() == null ? "" : d.work().leadHandler(),
                sending ? units(unit) : List.of(), sending && !directory.children(unit.getId()).isEmpty(), toError);
    }

    /** The units this one may send to: every active unit of the province but itself, by district, in the tree's order. */
    private List<UnitChoices.Group> units(Tenant unit) {
        List<Tenant> ancestors = directory.ancestors(unit);
        Tenant root = ancestors.isEmpty() ? unit : ancestors.get(0);
        return UnitChoices.of(directory.subtree(root).stream().filter(t -> !t.getId().equals(unit.getId()) && "active".equals(t.getStatus())).toList(),
                directory, java.util.Set.of());
    }
}
