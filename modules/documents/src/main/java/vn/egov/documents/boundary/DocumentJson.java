package vn.egov.documents.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.documents.control.Files;
import vn.egov.documents.control.Registers.Delivery;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.documents.control.Registers;
import vn.egov.documents.exchange.Exchange;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Jsonp;

/**
 * The documents' API in JSON: a document, a file, a delivery to a unit of the platform, a package sent out or come in
 * through the national axis (dates dd/MM/yyyy, times ISO 8601, absent values left out); and the reading of a request's
 * fields.
 */
final class DocumentJson {
    private DocumentJson() {
    }

    static JsonObjectBuilder json(vn.egov.documents.control.Outbound.Status v) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", v.id()).add("organId", v.organId()).add("organName", v.organName())
                .add("status", v.status()).add("attempts", v.attempts()).add("queuedBy", v.queuedBy());
        add(o, "axisId", v.axisId());
        add(o, "reason", v.reason());
        add(o, "lastError", v.lastError());
        add(o, "queuedAt", v.queuedAt());
        add(o, "sentAt", v.sentAt());
        add(o, "answeredAt", v.answeredAt());
        return o;
    }

    static JsonObjectBuilder json(Exchange.Inbound in) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", in.id()).add("status", in.status()).add("fromOrganId", in.fromId())
                .add("from", in.fromName()).add("documentId", in.documentId()).add("numberSymbol", in.numberSymbol()).add("docType", in.docType())
                .add("abstract", in.abstractText()).add("urgency", in.urgency()).add("signedBy", in.signedBy());
        add(o, "signer", in.signer());
        add(o, "issuedOn", in.issuedOn());
        add(o, "dueDate", in.dueDate());
        add(o, "receivedAt", in.receivedAt());
        add(o, "reason", in.reason());
        if (in.incomingId() != null) {
            o.add("incomingId", in.incomingId());
        }
        return o;
    }

    static JsonObjectBuilder json(Doc d, Tenant unit) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", d.id()).add("unit", unit.getCode()).add("register", d.register())
                .add("status", d.status()).add("urgency", d.urgency()).add("docType", d.docType()).add("issuer", d.issuer())
                .add("abstract", d.abstractText()).add("createdBy", d.createdBy()).add("version", d.rowVersion());
        add(o, "secrecy", d.secrecy());
        add(o, "symbol", d.symbol());
        add(o, "numberSymbol", d.numberSymbol());
        add(o, "signer", d.signer());
        add(o, "place", d.place());
        add(o, "recipientsText", d.recipientsText());
        add(o, "issuedOn", d.issuedOn());
        add(o, "dueDate", d.dueDate());
        add(o, "receivedOn", d.receivedOn());
        if (d.number() != null) {
            o.add("year", d.year()).add("number", d.number());
        }
        if (d.pageCount() != null) {
            o.add("pageCount", d.pageCount());
        }
        if (d.deliveryId() != null) {
            o.add("deliveryId", d.deliveryId());
        }
        add(o, "registeredAt", d.registeredAt());
        Registers.Work w = d.work();
        add(o, "reviewedBy", w.reviewedBy());
        add(o, "reviewNote", w.reviewNote());
        add(o, "signedBy", w.signedBy());
        add(o, "signedAt", w.signedAt());
        add(o, "issuedBy", w.issuedBy());
        add(o, "directedBy", w.directedBy());
        add(o, "direction", w.direction());
        add(o, "leadHandler", w.leadHandler());
        if (!w.supportHandlers().isEmpty()) {
            o.add("supportHandlers", Jsonp.createArrayBuilder(w.supportHandlers()));
        }
        add(o, "handleBy", w.handleBy());
        add(o, "doneBy", w.doneBy());
        add(o, "doneAt", w.doneAt());
        add(o, "result", w.resultNote());
        add(o, "signatureWarning", w.signatureWarning());
        add(o, "dossier", w.dossierCode());
        return o;
    }

    static JsonObjectBuilder json(Files.FileInfo f, String url) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", f.id()).add("kind", f.kind()).add("name", f.name()).add("contentType", f.contentType())
                .add("size", f.size()).add("sha256", f.sha256()).add("url", url);
        if (f.signature() != null) {
            // signed here: what the check said right after signing (a file that came is checked when it is read instead)
            o.add("signature", Jsonp.createReader(new java.io.StringReader(f.signature())).readObject());
        }
        return o;
    }

    static JsonObjectBuilder json(Delivery v, TenantDirectory directory) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", v.id()).add("from", code(directory, v.fromId())).add("to", code(directory, v.toId()))
                .add("status", v.status()).add("numberSymbol", v.numberSymbol()).add("issuer", v.issuer()).add("docType", v.docType())
                .add("urgency", v.urgency()).add("abstract", v.abstractText()).add("sentBy", v.sentBy());
        add(o, "reason", v.reason());
        add(o, "signer", v.signer());
        add(o, "issuedOn", v.issuedOn());
        add(o, "dueDate", v.dueDate());
        add(o, "sentAt", v.sentAt());
        add(o, "receivedAt", v.receivedAt());
        add(o, "answeredBy", v.answeredBy());
        add(o, "answeredAt", v.answeredAt());
        if (v.incomingId() != null) {
            o.add("incomingId", v.incomingId());
        }
        return o;
    }

    static String code(TenantDirectory directory, long tenantId) {
        return directory.byId(tenantId).map(Tenant::getCode).orElse(Long.toString(tenantId));
    }

    static JsonArrayBuilder codes(TenantDirectory directory, List<Long> ids) {
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        ids.forEach(id -> a.add(code(directory, id)));
        return a;
    }

    static void add(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    static void add(JsonObjectBuilder o, String name, LocalDate value) {
        if (value != null) {
            o.add(name, Registers.DAY.format(value));
        }
    }

    static void add(JsonObjectBuilder o, String name, Instant value) {
        if (value != null) {
            o.add(name, value.toString());
        }
    }

    static String text(JsonObject body, String field) {
        if (body == null || !body.containsKey(field) || body.isNull(field)) {
            return null;
        }
        return body.get(field) instanceof JsonString s ? s.getString() : body.get(field).toString();
    }

    static Integer integer(JsonObject body, String field) {
        if (body == null || !body.containsKey(field) || body.isNull(field)) {
            return null;
        }
        if (body.get(field) instanceof JsonNumber n && n.isIntegral()) {
            return n.intValue();
        }
        throw Registers.invalid(new Fields().add(field, "problem.field.wholeNumber"));
    }

    static List<String> strings(JsonObject body, String field) {
        List<String> out = new ArrayList<>();
        if (body != null && body.get(field) instanceof JsonArray arr) {
            arr.forEach(v -> out.add(v instanceof JsonString js ? js.getString() : v.toString()));
        } else if (body != null && body.get(field) instanceof JsonString one) {
            out.add(one.getString());
        }
        return out;
    }
}
