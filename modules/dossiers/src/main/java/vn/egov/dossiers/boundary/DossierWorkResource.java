package vn.egov.dossiers.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.dossiers.control.Details;
import vn.egov.dossiers.control.Finishing;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.control.Notices;
import vn.egov.dossiers.control.Processing;
import vn.egov.dossiers.control.Supplements;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/t/{unit}/dossiers/{code}/...}: the unit's staff work on a dossier their unit received or holds
 * (another agency's transfer included): read it whole, move it to a next step of its process (an inter-agency
 * transfer or a request to supplement where the step says so), record papers supplemented at the counter, return
 * the result, refuse, apologise with a new date, stop. {@code /api/t/{unit}/dossiers/inbox}: what the unit holds
 * and has still to act on. Each action is one transaction in the unit's scope; a refused action changes nothing.
 */
@Path("api/t/{unit}/dossiers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DossierWorkResource {

    @Inject
    Access access;

    @Inject
    Processing processing;

    @Inject
    Supplements supplements;

    @Inject
    Finishing finishing;

    @Inject
    Notices notices;

    @Inject
    Details details;

    @Inject
    Db db;

    @Inject
    TenantDirectory directory;

    @Inject
    vn.egov.dossiers.control.Paperwork paperwork;

    @Inject
    vn.egov.dossiers.control.Payments payments;

    @Inject
    vn.egov.dossiers.control.Pickups pickups;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    /** The dossiers the unit holds and has to act on (its own and those transferred to it), the oldest due first. */
    @GET
    @Path("inbox")
    @Transactional
    @TenantTransactional
    public Response inbox() {
        Tenant unit = access.require("dossiers", "read");
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        details.held(unit.getId()).forEach(s -> a.add(Details.summary(s, directory)));
        return Response.ok(a.build()).build();
    }

    /** Paper dossiers the postal service brought to the unit, waiting to be received (with {@code pickup} at submission). */
    @GET
    @Path("pickups")
    @Transactional
    @TenantTransactional
    public Response pickups() {
        Tenant unit = access.require("dossiers", "read");
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        pickups.arrivedAt(unit).forEach(a::add);
        return Response.ok(a.build()).build();
    }

    @GET
    @Path("{code}")
    @Transactional
    @TenantTransactional
    public Response one(@PathParam("code") String code) {
        access.require("dossiers", "read");
        Processing.State s = processing.find(code).orElseThrow(() -> notFound(code));
        return Response.ok(details.json(s, true).build()).build();
    }

    /** {@code {"to": step, "assignee"?, "toUnit"?, "note"?, "papers"?: [ids], "version"?}} */
    @POST
    @Path("{code}/moves")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response move(@PathParam("code") String code, JsonObject body) {
        Tenant unit = access.require("dossiers", "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        List<String> papers = new ArrayList<>();
        if (b.get("papers") instanceof JsonArray arr) {
            arr.forEach(v -> papers.add(v instanceof JsonString js ? js.getString() : v.toString()));
        }
        Processing.State s = processing.move(unit, code, new Processing.Move(text(b, "to"), text(b, "assignee"), text(b, "toUnit"), text(b, "note"),
                papers, b.get("version") instanceof jakarta.json.JsonNumber n ? n.intValue() : null), access.username());
        return answer(unit, s);
    }

    /** Papers asked for by a request to supplement, received at the counter on the applicant's behalf (multipart {@code paper.<id>}). */
    @POST
    @Path("{code}/supplement")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response supplement(@PathParam("code") String code, List<EntityPart> parts) throws IOException {
        Tenant unit = access.require("dossiers", "write");
        return answer(unit, supplements.supplied(unit, code, papers(parts, "paper."), null, access.username()));
    }

    /** The result (multipart: {@code result} file parts, {@code note}, {@code version}). */
    @POST
    @Path("{code}/result")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response result(@PathParam("code") String code, List<EntityPart> parts) throws IOException {
        Tenant unit = access.require("dossiers", "write");
        String note = null;
        Integer version = null;
        for (EntityPart p : parts) {
            if (p.getName().equals("note")) {
                note = p.getContent(String.class);
            } else if (p.getName().equals("version")) {
                try {
                    version = Integer.valueOf(p.getContent(String.class).strip());
                } catch (NumberFormatException e) {
                    throw invalid("version", "problem.versionNumber");
                }
            }
        }
        return answer(unit, finishing.finish(unit, code, papers(parts, "result"), note, version, access.username()));
    }

    /** Refusal (form 03): {@code {"reason": ...}}. */
    @POST
    @Path("{code}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refuse(@PathParam("code") String code, JsonObject body) {
        Tenant unit = access.require("dossiers", "write");
        return answer(unit, notices.refuse(unit, code, text(body, "reason"), access.username()));
    }

    /** Apology and new date (form 04): {@code {"reason": ..., "newDate": "dd/MM/yyyy"}}. */
    @POST
    @Path("{code}/apology")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apologize(@PathParam("code") String code, JsonObject body) {
        Tenant unit = access.require("dossiers", "write");
        LocalDate date = null;
        String given = text(body, "newDate");
        if (given != null) {
            try {
                date = LocalDate.parse(given.strip(), Intake.DAY);
            } catch (DateTimeParseException e) {
                throw invalid("newDate", "problem.newDateForm");
            }
        }
        return answer(unit, notices.apologize(unit, code, text(body, "reason"), date, access.username()));
    }

    /** Stop (form 05): {@code {"reason": ..., "byApplicant": bool}} (at the applicant's written request, or the agency's decision). */
    @POST
    @Path("{code}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response stop(@PathParam("code") String code, JsonObject body) {
        Tenant unit = access.require("dossiers", "write");
        boolean byApplicant = body != null && body.getBoolean("byApplicant", false);
        return answer(unit, notices.stopHeld(unit, code, text(body, "reason"), byApplicant, access.username()));
    }

    /** A refund of fees paid: {@code {"amount": đồng, "reason": ...}}. The unit that was paid. */
    @POST
    @Path("{code}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refund(@PathParam("code") String code, JsonObject body) {
        Tenant unit = access.require("dossiers", "write");
        long amount = body != null && body.get("amount") instanceof jakarta.json.JsonNumber n ? n.longValue() : 0;
        return Response.ok(payments.refund(unit, code, amount, text(body, "reason"), access.username())).build();
    }

    /** One file of a dossier the unit may read. */
    @GET
    @Path("{code}/files/{id}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    @TenantTransactional
    public Response file(@PathParam("code") String code, @PathParam("id") long id) {
        access.require("dossiers", "read");
        Processing.State s = processing.find(code).orElseThrow(() -> notFound(code));
        return MyDossiersResource.file(db, s.id(), id);
    }

    /** Forms 02 to 06 of the dossier, as PDFs: the latest request to supplement, refusal, apology, stop; the control sheet. */
    @GET
    @Path("{code}/forms/{form: [2-6]}.pdf")
    @Produces("application/pdf")
    @Transactional
    @TenantTransactional
    public Response form(@PathParam("code") String code, @PathParam("form") int form) {
        access.require("dossiers", "read");
        Processing.State s = processing.find(code).orElseThrow(() -> notFound(code));
        return pdf(paperwork.form(s, form), "mau-0" + form + "-" + code + ".pdf");
    }

    /** Form 07, the register of the dossiers the unit received in a period: {@code ?from=dd/MM/yyyy&to=dd/MM/yyyy}. */
    @GET
    @Path("register.pdf")
    @Produces("application/pdf")
    @Transactional
    @TenantTransactional
    public Response register(@jakarta.ws.rs.QueryParam("from") String from, @jakarta.ws.rs.QueryParam("to") String to) {
        Tenant unit = access.require("dossiers", "read");
        LocalDate f = day("from", from);
        LocalDate t = day("to", to);
        if (t.isBefore(f) || t.isAfter(f.plusYears(1))) {
            throw invalid("to", "problem.reportPeriod");
        }
        return pdf(paperwork.register(unit, f, t), "so-theo-doi-" + unit.getCode() + ".pdf");
    }

    static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip(), Intake.DAY);
        } catch (DateTimeParseException e) {
            throw invalid(field, "problem.dateForm");
        }
    }

    static Response pdf(byte[] pdf, String name) {
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .header("Cache-Control", "private, no-store").build();
    }

    /**
     * The answer to an action: the whole dossier as the unit now sees it (read again, in a transaction of its own),
     * or, for a client that sent {@code Prefer: return=minimal} (RFC 7240), the dossier's summary as the action left
     * it (code, status, step, holder, dates, version), taken from the action's own transaction.
     */
    private Response answer(Tenant unit, Processing.State after) {
        if (minimal(headers)) {
            return Response.ok(Details.summary(after, directory).build()).header("Preference-Applied", "return=minimal").build();
        }
        return Response.ok(processing.readAs(unit, () -> details.json(processing.find(after.code()).orElseThrow(() -> notFound(after.code())), true)
                .build())).build();
    }

    /** Whether the client asked for a minimal answer ({@code Prefer: return=minimal}, among other preferences or not). */
    static boolean minimal(jakarta.ws.rs.core.HttpHeaders headers) {
        List<String> prefer = headers == null ? null : headers.getRequestHeader("Prefer");
        if (prefer == null) {
            return false;
        }
        for (String h : prefer) {
            for (String p : h.split(",")) {
                String[] kv = p.strip().split(";", 2)[0].split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("return") && kv[1].strip().replace("\"", "").equalsIgnoreCase("minimal")) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<Intake.Paper> papers(List<EntityPart> parts, String prefix) throws IOException {
        List<Intake.Paper> papers = new ArrayList<>();
        if (parts.size() > DossiersResource.MAX_PARTS) {
            throw DossiersResource.invalid("problem.tooManyParts", DossiersResource.MAX_PARTS);
        }
        for (EntityPart part : parts) {
            String name = part.getName();
            if (name.startsWith(prefix)) {
                byte[] content;
                try (InputStream in = part.getContent()) {
                    content = in.readNBytes(10 * 1024 * 1024 + 1);
                }
                if (content.length > 0) {
                    String paper = prefix.endsWith(".") ? name.substring(prefix.length()) : name;
                    papers.add(new Intake.Paper(paper, part.getFileName().orElse("tep"), content));
                }
            }
        }
        return papers;
    }

    static String text(JsonObject body, String field) {
        if (body == null || !body.containsKey(field) || body.isNull(field)) {
            return null;
        }
        return body.get(field) instanceof JsonString s ? s.getString() : body.get(field).toString();
    }

    public static ProblemException notFound(String code) {
        return ProblemException.notFound(Wording::in, "notFound.dossier", code);
    }

    static ProblemException invalid(String field, String key, Object... args) {
        return new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidRequest",
                w -> w.text(key, args) + " " + w.text("problem.nothingChanged"), w -> Map.of(field, List.of(w.text(key, args)))));
    }
}
