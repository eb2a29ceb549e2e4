package vn.egov.documents.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import vn.egov.documents.control.Incoming;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.documents.control.Registers;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;

/**
 * {@code /api/t/{unit}/documents}: what other units sent ({@code GET queue}, each one's files), accepted into the
 * incoming register ({@code POST queue/{delivery}/accept}) or returned with a reason ({@code POST queue/{delivery}/return});
 * a paper document registered from its metadata ({@code POST incoming}). Dates are dd/MM/yyyy.
 */
@Path("api/t/{unit}/documents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class IncomingResource {
    @Inject
    Access access;

    @Inject
    Incoming incoming;

    @Inject
    TenantDirectory directory;

    @Inject
    Files files;

    @GET
    @Path("queue")
    @jakarta.transaction.Transactional
    @vn.egov.platform.persistence.TenantTransactional
    public Response queue() {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "read");
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        List<Registers.Delivery> waiting = incoming.queue(unit);
        Map<Long, List<Files.FileInfo>> sentFiles = files.sent(unit, waiting.stream().map(Registers.Delivery::id).toList());
        waiting.forEach(v -> {
            JsonArrayBuilder fl = Jsonp.createArrayBuilder();
            sentFiles.getOrDefault(v.id(), List.of()).forEach(f -> fl.add(json(f, "/api/t/" + unit.getCode() + "/documents/queue/" + v.id() + "/files/" + f.id())));
            a.add(json(v, directory).add("files", fl));
        });
        return Response.ok(a.build()).build();
    }

    @GET
    @Path("queue/{delivery: [0-9]+}/files/{file: [0-9]+}")
    @Produces(MediaType.WILDCARD)
    public Response sentFile(@PathParam("delivery") long delivery, @PathParam("file") long file) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "read");
        return DocumentsResource.download(files.readSent(unit, delivery, file).orElseThrow(() -> DocumentsResource.fileNotFound(file)));
    }

    @POST
    @Path("queue/{delivery: [0-9]+}/accept")
    public Response accept(@PathParam("delivery") long delivery, @QueryParam("despiteSignatures") boolean despiteSignatures) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "write");
        Doc d = incoming.accept(unit, delivery, despiteSignatures, access.user());
        return Response.created(URI.create("/api/t/" + unit.getCode() + "/documents/" + d.id())).entity(json(d, unit).build()).build();
    }

    /** {@code {"reason"}}. */
    @POST
    @Path("queue/{delivery: [0-9]+}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response giveBack(@PathParam("delivery") long delivery, JsonObject body) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "write");
        return Response.ok(json(incoming.giveBack(unit, delivery, text(body, "reason"), access.user()), directory).build()).build();
    }

    /**
     * A paper document that arrived: {@code {"numberSymbol", "issuer", "docType", "abstract", "signer"?, "issuedOn"?, "receivedOn"?,
     * "urgency"?, "secrecy"?, "dueDate"?, "pageCount"?, "readers"?, "confirmDuplicate"?}}.
     */
    @POST
    @Path("incoming")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerPaper(JsonObject body) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        Doc d = incoming.registerPaper(unit, new Incoming.Paper(text(b, "numberSymbol"), text(b, "issuer"), text(b, "docType"), text(b, "abstract"),
                text(b, "signer"), text(b, "issuedOn"), text(b, "receivedOn"), text(b, "urgency"), text(b, "secrecy"), text(b, "dueDate"),
                integer(b, "pageCount"), strings(b, "readers"), b.getBoolean("confirmDuplicate", false)), access.user());
        return Response.created(URI.create("/api/t/" + unit.getCode() + "/documents/" + d.id())).entity(json(d, unit).build()).build();
    }
}
