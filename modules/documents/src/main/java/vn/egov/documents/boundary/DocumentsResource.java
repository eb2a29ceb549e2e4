package vn.egov.documents.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import static vn.egov.documents.boundary.DocumentJson.*;
import vn.egov.documents.control.Files;
import vn.egov.documents.control.Handling;
import vn.egov.documents.control.Outgoing;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.documents.control.Registers;
import vn.egov.documents.control.Wording;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/t/{unit}/documents}: the unit's official documents. Outgoing: enter a draft ({@code POST outgoing}) and
 * its files, submit it to the leader, who approves and signs it or returns it ({@code POST {id}/submit|review}), issue
 * it ({@code POST {id}/issue}: the register's next number), send it to units of the platform ({@code POST {id}/send}),
 * recall it ({@code POST {id}/recall}), return it as a dossier's result ({@code POST {id}/result}); one document with
 * its files, history and receivers ({@code GET {id}}). The same path's other resources: the registers
 * ({@link DocumentRegistersResource}), what came in ({@link IncomingResource}), its handling ({@link HandlingResource}) and the
 * exchange outside the platform ({@link ExchangeResource}). Dates are dd/MM/yyyy.
 */
@Path("api/t/{unit}/documents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {
    static final String DOMAIN = "documents";

    @Inject
    Access access;

    @Inject
    Registers registers;

    @Inject
    Outgoing outgoing;

    @Inject
    TenantDirectory directory;

    @Inject
    Files files;

    @Inject
    Handling handling;

    @Inject
    vn.egov.documents.control.Outbound outbound;

    /** A draft: {@code {"docType", "symbol", "abstract", "signer"?, "place"?, "urgency"?, "secrecy"?, "recipientsText"?, "dueDate"?, "pageCount"?, "readers"?: [usernames]}}. */
    @POST
    @Path("outgoing")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response draft(JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        Doc d = outgoing.draft(unit, new Outgoing.Draft(text(b, "docType"), text(b, "symbol"), text(b, "abstract"), text(b, "signer"),
                text(b, "place"), text(b, "urgency"), text(b, "secrecy"), text(b, "recipientsText"), text(b, "dueDate"), integer(b, "pageCount"),
                strings(b, "readers"), text(b, "dossier")), access.user());
        return Response.created(URI.create("/api/t/" + unit.getCode() + "/documents/" + d.id())).entity(json(d, unit).build()).build();
    }

    /** The document, its files (their signatures checked), its history and its receivers: read in one transaction. */
    @GET
    @Path("{id: [0-9]+}")
    @jakarta.transaction.Transactional
    @vn.egov.platform.persistence.TenantTransactional
    public Response one(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "read");
        Doc d = registers.find(unit, id, access.user()).orElseThrow(() -> notFound(id));
        JsonObjectBuilder o = json(d, unit);
        JsonArrayBuilder fileList = Jsonp.createArrayBuilder();
        if (d.register().equals("incoming")) {
            // an incoming document's own files (a scan, what came by edXML): each PDF's signatures checked now
            files.checked(unit, d.id(), access.user()).forEach(c -> {
                JsonObjectBuilder f = json(c.info(), "/api/t/" + unit.getCode() + "/documents/" + d.id() + "/files/" + c.info().id());
                if (c.check() != null) {
                    f.add("signature", c.check());
                }
                fileList.add(f);
            });
        } else {
            files.list(unit, d.id(), access.user()).forEach(f -> fileList.add(json(f, "/api/t/" + unit.getCode() + "/documents/" + d.id() + "/files/"
                    + f.id())));
        }
        if (d.deliveryId() != null) {
            // what came from another unit: each PDF's signatures checked now, for the handler to see
            files.sentChecked(unit, d.deliveryId()).forEach(c -> {
                JsonObjectBuilder f = json(c.info(), "/api/t/" + unit.getCode() + "/documents/queue/" + d.deliveryId() + "/files/" + c.info().id());
                if (c.check() != null) {
                    f.add("signature", c.check());
                }
                fileList.add(f);
            });
        }
        o.add("files", fileList);
        JsonArrayBuilder events = Jsonp.createArrayBuilder();
        handling.history(unit, d.id(), access.user()).forEach(e -> {
            JsonObjectBuilder ev = Jsonp.createObjectBuilder().add("action", e.action()).add("actor", e.actor()).add("at", e.at().toString());
            // the note in Vietnamese as before; the platform's words also as their key and arguments, for a reader in another language
            add(ev, "note", e.note().in(Wording.VI));
            if (e.note().key() != null) {
                ev.add("said", Jsonp.createObjectBuilder().add("key", e.note().key()).add("args", Jsonp.createArrayBuilder(e.note().args())));
            }
            events.add(ev);
        });
        o.add("history", events);
        if (d.register().equals("outgoing")) {
            JsonArrayBuilder a = Jsonp.createArrayBuilder();
            registers.deliveries(unit, d.id()).forEach(v -> a.add(json(v, directory)));
            o.add("deliveries", a);
            // organisations outside the platform, through the national axis: each one's status
            JsonArrayBuilder out = Jsonp.createArrayBuilder();
            outbound.statuses(unit, d.id()).forEach(v -> out.add(json(v)));
            o.add("outbound", out);
        } else if (d.deliveryId() != null) {
            registers.origin(unit, d.deliveryId()).ifPresent(v -> {
                o.add("withdrawn", v.status().equals("recalled"));
                if (v.status().equals("recalled")) {
                    o.add("withdrawnReason", v.reason());
                }
            });
        }
        return Response.ok(o.build()).build();
    }

    /** The draft goes to the leader. */
    @POST
    @Path("{id: [0-9]+}/submit")
    public Response submit(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "write");
        return Response.ok(json(outgoing.submit(unit, id, access.user()), unit).build()).build();
    }

    /** The leader: {@code {"approve": true, "note"?}} approves and signs; {@code {"approve": false, "note"}} returns it to draft. */
    @POST
    @Path("{id: [0-9]+}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response review(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        JsonValue approve = b.get("approve");
        if (approve == null || (approve.getValueType() != JsonValue.ValueType.TRUE && approve.getValueType() != JsonValue.ValueType.FALSE)) {
            throw Registers.invalid(new Fields().add("approve", "problem.field.sayWhetherApproveTrue"));
        }
        return Response.ok(json(outgoing.review(unit, id, b.getBoolean("approve"), text(b, "note"), access.user()), unit).build()).build();
    }

    /** A file (raw body, its content decides its type): {@code ?kind=main|attachment|scan&name=}. */
    @POST
    @Path("{id: [0-9]+}/files")
    @Consumes(MediaType.WILDCARD)
    public Response addFile(@PathParam("id") long id, @QueryParam("kind") String kind, @QueryParam("name") String name, byte[] content) {
        Tenant unit = access.require(DOMAIN, "write");
        Files.FileInfo f = files.add(unit, id, kind, name, content, access.user());
        String url = "/api/t/" + unit.getCode() + "/documents/" + id + "/files/" + f.id();
        return Response.created(URI.create(url)).entity(json(f, url).build()).build();
    }

    @GET
    @Path("{id: [0-9]+}/files/{file: [0-9]+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id, @PathParam("file") long file) {
        Tenant unit = access.require(DOMAIN, "read");
        return download(files.read(unit, id, file, access.user()).orElseThrow(() -> fileNotFound(file)));
    }

    static Response download(Files.Content c) {
        String ascii = c.info().name().replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = java.net.URLEncoder.encode(c.info().name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(c.bytes(), c.info().contentType()).header("Content-Disposition", "attachment; filename=\"" + ascii
                        + "\"; filename*=UTF-8''" + encoded).header("ETag", "\"" + c.info().sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    static ProblemException fileNotFound(long file) {
        return ProblemException.notFound(Wording::in, "notFound.file", file);
    }

    @POST
    @Path("{id: [0-9]+}/issue")
    public Response issue(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "write");
        return Response.ok(json(outgoing.issue(unit, id, access.user()), unit).build()).build();
    }

    /** {@code {"to": [unit codes], "subtree"?: true}}: the units named, and with subtree every active unit under this one. */
    @POST
    @Path("{id: [0-9]+}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        Outgoing.Sent sent = outgoing.send(unit, id, strings(b, "to"), b.getBoolean("subtree", false), access.user());
        return Response.ok(Jsonp.createObjectBuilder().add("delivered", codes(directory, sent.delivered())).add("already", codes(directory, sent.already()))
                .add("deliveredCount", sent.delivered().size()).build()).build();
    }

    /** {@code {"reason"}}. */
    @POST
    @Path("{id: [0-9]+}/recall")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recall(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        return Response.ok(json(outgoing.recall(unit, id, text(body, "reason"), access.user()), unit).build()).build();
    }

    /** An issued document drafted as a dossier's result goes to the applicant as that result (the dossier ends). */
    @POST
    @Path("{id: [0-9]+}/result")
    public Response returnAsResult(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "write");
        vn.egov.dossiers.api.DossierResults.Returned s = outgoing.returnAsResult(unit, id, access.user());
        return Response.ok(Jsonp.createObjectBuilder().add("dossier", s.code()).add("status", s.status()).build()).build();
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound(Wording::in, "notFound.documentOfThisUnit", id);
    }
}
