package vn.egov.dossiers.sync;

import vn.egov.dossiers.control.Wording;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;

/**
 * A stand-in for the postal service, for development and tests only ({@code egov.simulators=on}): it books a
 * shipment (an address and a recipient are required; the token must match) and gives an S10 tracking number; a
 * province administrator tells it a parcel was delivered, and it reports the delivery to the platform the way the
 * postal service would (an HTTP call with the shared token).
 */
@Path("api/sim/vnpost")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PostSimulator {
    static final String SHIPMENTS = "egov-sim-vnpost";

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    @Inject
    Access access;

    @Inject
    PostAdapter adapter;

    @Context
    UriInfo uri;

    @POST
    @Path("shipments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response book(String body, @Context HttpHeaders headers) {
        Simulators.requireEnabled();
        if (!adapter.token().orElse("").equals(headers.getHeaderString("X-Vnpost-Token"))) {
            return Response.status(401).entity("{\"error\":\"bad token\"}").build();
        }
        JsonObject s;
        try {
            s = Jsonp.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return Response.status(400).entity("{\"error\":\"not a JSON object\"}").build();
        }
        if (s.getString("address", "").isBlank() || s.getString("recipient", "").isBlank()) {
            return Response.status(422).entity("{\"error\":\"recipient and address are required\"}").build();
        }
        String tracking = PostAdapter.S10.of("EB", grid.getFlakeIdGenerator(SHIPMENTS).newId());
        grid.<String, String>getMap(SHIPMENTS).set(tracking, Jsonp.createObjectBuilder(s).add("trackingNumber", tracking).add("status", "accepted")
                .build().toString(), 1, TimeUnit.DAYS);
        grid.<String, String>getMap(SHIPMENTS + "-by-dossier").set(s.getString("dossierCode", ""), tracking, 1, TimeUnit.DAYS);
        return Response.status(201).entity(Jsonp.createObjectBuilder().add("trackingNumber", tracking).build()).build();
    }

    /** The tracking number booked for a dossier (province administrators). */
    @GET
    @Path("shipments")
    public Response find(@QueryParam("dossier") String dossier) {
        Simulators.requireEnabled();
        access.requireProvinceAdmin();
        String tracking = dossier == null ? null : grid.<String, String>getMap(SHIPMENTS + "-by-dossier").get(dossier);
        String shipment = tracking == null ? null : grid.<String, String>getMap(SHIPMENTS).get(tracking);
        if (shipment == null) {
            throw ProblemException.notFound(Wording::in, "notFound.shipmentOfDossier", dossier);
        }
        return Response.ok(shipment).build();
    }

    /** {@code {"trackingNumber": ...}}: the parcel was delivered; the simulator reports it to the platform. */
    @POST
    @Path("deliveries")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deliver(JsonObject body) throws Exception {
        Simulators.requireEnabled();
        access.requireProvinceAdmin();
        String tracking = body == null ? "" : body.getString("trackingNumber", "");
        IMap<String, String> shipments = grid.getMap(SHIPMENTS);
        if (shipments.get(tracking) == null) {
            throw ProblemException.notFound(Wording::in, "notFound.shipment", tracking);
        }
        String event = Jsonp.createObjectBuilder().add("trackingNumber", tracking).add("event", "delivered").add("at", Instant.now().toString()).build().toString();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(uri.getBaseUri() + "api/vnpost/events"))
                .header("Content-Type", "application/json").header("X-Vnpost-Token", adapter.token().orElse(""))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        return Response.ok(Jsonp.createObjectBuilder().add("reported", answer.statusCode()).build()).build();
    }

}
