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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import static vn.egov.documents.boundary.DocumentJson.*;
import vn.egov.documents.control.Handling;
import vn.egov.documents.control.Wording;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;

/**
 * {@code /api/t/{unit}/documents}: the handling of an incoming document: the leader directs it to its handlers
 * ({@code POST {id}/direct}), they write notes ({@code POST {id}/notes}), the lead handler closes it ({@code POST
 * {id}/done}); what the logged-in person handles ({@code GET work}).
 */
@Path("api/t/{unit}/documents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HandlingResource {
    @Inject
    Access access;

    @Inject
    Handling handling;

    /** The leader: {@code {"leadHandler", "supportHandlers"?: [usernames], "handleBy"?: dd/MM/yyyy, "direction"?}}. */
    @POST
    @Path("{id: [0-9]+}/direct")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response direct(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        return Response.ok(json(handling.direct(unit, id, text(b, "leadHandler"), strings(b, "supportHandlers"), text(b, "handleBy"),
                text(b, "direction"), access.user()), unit).build()).build();
    }

    /** A handler's note: {@code {"note"}}. */
    @POST
    @Path("{id: [0-9]+}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response note(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "write");
        Handling.Event e = handling.note(unit, id, text(body, "note"), access.user());
        return Response.status(201).entity(Jsonp.createObjectBuilder().add("action", e.action()).add("actor", e.actor()).add("note", e.note().in(Wording.VI))
                .add("at", e.at().toString()).build()).build();
    }

    /** The lead handler closes it: {@code {"result"}}. */
    @POST
    @Path("{id: [0-9]+}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response done(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "write");
        return Response.ok(json(handling.finish(unit, id, text(body, "result"), access.user()), unit).build()).build();
    }

    /** What the logged-in person handles here, the most urgent first. */
    @GET
    @Path("work")
    public Response work() {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "read");
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        handling.work(unit, access.user()).forEach(d -> a.add(json(d, unit)));
        return Response.ok(a.build()).build();
    }
}
