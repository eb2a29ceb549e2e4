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
import static vn.egov.documents.boundary.DocumentJson.*;
import vn.egov.documents.control.Outbound;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.documents.exchange.Exchange;
import vn.egov.documents.exchange.ExchangeIdentity;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;

/**
 * {@code /api/t/{unit}/documents}: the exchange with systems outside the platform through the national document axis
 * (edXML): the unit's organ id ({@code GET|PUT exchange-identity}), a document sent out ({@code POST {id}/send-external}),
 * a package that came in ({@code POST edxml}), waits ({@code GET edxml}) and is accepted into the register or returned
 * ({@code POST edxml/{id}/accept|return}).
 */
@Path("api/t/{unit}/documents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExchangeResource {
    @Inject
    Access access;

    @Inject
    Exchange exchange;

    @Inject
    ExchangeIdentity identity;

    @Inject
    Outbound outbound;

    /** The unit's organ id on the national document axis: {@code {"organId"}} (null when not set). */
    @GET
    @Path("exchange-identity")
    public Response exchangeIdentity() {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "read");
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("unit", unit.getCode());
        identity.of(unit).ifPresentOrElse(id -> o.add("organId", id), () -> o.addNull("organId"));
        return Response.ok(o.build()).build();
    }

    /** The unit's administrators set its organ id: {@code {"organId": "000.00.16.H38"}}. */
    @jakarta.ws.rs.PUT
    @Path("exchange-identity")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setExchangeIdentity(JsonObject body) {
        Tenant unit = access.require("tenant", "admin");
        String id = identity.set(unit, text(body == null ? JsonValue.EMPTY_JSON_OBJECT : body, "organId"), access.user());
        return Response.ok(Jsonp.createObjectBuilder().add("unit", unit.getCode()).add("organId", id).build()).build();
    }

    /**
     * {@code {"to": ["000.00.00.G22" | {"id", "name"?}]}}: to organisations outside the platform through the national
     * document axis; each is queued (its signed edXML package in the outbox) and its status shown with the document.
     */
    @POST
    @Path("{id: [0-9]+}/send-external")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sendExternal(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        vn.egov.documents.control.Outbound.Queued q = outbound.send(unit, id, b.get("to"), access.user());
        JsonArrayBuilder queued = Jsonp.createArrayBuilder();
        q.queued().forEach(queued::add);
        JsonArrayBuilder already = Jsonp.createArrayBuilder();
        q.already().forEach(already::add);
        return Response.ok(Jsonp.createObjectBuilder().add("queued", queued).add("already", already).add("queuedCount", q.queued().size())
                .build()).build();
    }

    /**
     * An edXML package (QCVN 102:2016) from a system outside the platform, as the national document axis delivered it:
     * 201 with what now waits for the clerk; 422 {@code edxml-invalid} with every reason (in {@code errors}) when it is
     * incomplete, not addressed to this unit, unsigned, changed after signing or signed by an untrusted certificate.
     */
    @POST
    @Path("edxml")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    public Response receiveEdXml(byte[] xml) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "write");
        Exchange.Inbound in = exchange.receive(unit, xml, access.user());
        return Response.created(URI.create("/api/t/" + unit.getCode() + "/documents/edxml/" + in.id())).entity(json(in).build()).build();
    }

    /** What came from outside the platform and waits for the clerk, the most urgent first. */
    @GET
    @Path("edxml")
    public Response edXmlWaiting() {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "read");
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        exchange.waiting(unit).forEach(in -> a.add(json(in)));
        return Response.ok(a.build()).build();
    }

    @POST
    @Path("edxml/{id: [0-9]+}/accept")
    public Response acceptEdXml(@PathParam("id") long id, @QueryParam("despiteSignatures") boolean despiteSignatures) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "write");
        Doc d = exchange.accept(unit, id, despiteSignatures, access.user());
        return Response.created(URI.create("/api/t/" + unit.getCode() + "/documents/" + d.id())).entity(json(d, unit).build()).build();
    }

    /** {@code {"reason"}}. */
    @POST
    @Path("edxml/{id: [0-9]+}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response returnEdXml(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "write");
        return Response.ok(json(exchange.giveBack(unit, id, text(body, "reason"), access.user())).build()).build();
    }
}
