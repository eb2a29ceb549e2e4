package vn.egov.dossiers.sync;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;

/**
 * A stand-in for the national public service portal's status endpoint, for development and tests only: present
 * when {@code egov.simulators=on}, absent (404) otherwise. It takes a status change as the portal would (a known
 * national status code, a dossier code), keeps what it took in the data grid, and can be put out of service to
 * show that the outbox waits and loses nothing. Its record and switch are for the province's administrators.
 */
@Path("api/sim/national-portal")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NationalPortalSimulator {
    static final String RECEIVED = "egov-sim-national-portal";
    static final String STATE = "egov-sim-national-portal-state";

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    @Inject
    Access access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response take(String body) {
        Simulators.requireEnabled();
        if (Boolean.TRUE.equals(grid.<String, Boolean>getMap(STATE).get("down"))) {
            return Response.status(503).entity("{\"error\":\"simulated outage\"}").build();
        }
        JsonObject change;
        try {
            change = Jsonp.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return Response.status(400).entity("{\"error\":\"not a JSON object\"}").build();
        }
        if (!(change.get("dossierCode") instanceof JsonString code) || code.getString().isBlank()
                || !(change.get("nationalStatus") instanceof JsonNumber status) || status.intValue() < 1 || status.intValue() > 10) {
            return Response.status(400).entity("{\"error\":\"dossierCode and nationalStatus (1-10) are required\"}").build();
        }
        IMap<String, ArrayList<String>> received = grid.getMap(RECEIVED);
        received.lock(code.getString());
        try {
            ArrayList<String> list = received.getOrDefault(code.getString(), new ArrayList<>());
            list.add(change.toString());
            // kept for an hour: enough to look at, bounded under a long replay
            received.set(code.getString(), list, 1, java.util.concurrent.TimeUnit.HOURS);
            return Response.accepted(Jsonp.createObjectBuilder().add("received", list.size()).build()).build();
        } finally {
            received.unlock(code.getString());
        }
    }

    /** What the portal took for a dossier, in the order it came. */
    @GET
    public Response received(@QueryParam("dossier") String dossier) {
        Simulators.requireEnabled();
        access.requireProvinceAdmin();
        List<String> list = dossier == null ? List.of() : grid.<String, ArrayList<String>>getMap(RECEIVED).getOrDefault(dossier, new ArrayList<>());
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        list.forEach(s -> a.add(Jsonp.createReader(new StringReader(s)).readObject()));
        return Response.ok(a.build()).build();
    }

    /** {@code {"down": true|false}}: the simulated portal refuses (503) or takes changes. */
    @PUT
    @Path("outage")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response outage(JsonObject body) {
        Simulators.requireEnabled();
        access.requireProvinceAdmin();
        boolean down = body != null && body.getBoolean("down", false);
        grid.<String, Boolean>getMap(STATE).set("down", down);
        return Response.ok(Jsonp.createObjectBuilder().add("down", down).build()).build();
    }

}
