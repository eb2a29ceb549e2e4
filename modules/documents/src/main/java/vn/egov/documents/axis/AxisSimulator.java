package vn.egov.documents.axis;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.egov.documents.control.Signatures;
import vn.egov.documents.exchange.EdXml;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.documents.control.Wording;
import vn.egov.platform.web.ProblemException;

/**
 * A stand-in for the national document axis, for development and tests only: present when {@code egov.simulators=on},
 * absent (404) otherwise. It takes a package as the axis would: it reads it as edXML and checks its signature against
 * the trusted roots, answers 202 {@code {"id"}} when it takes it and 422 {@code {"reason"}} when it refuses it, and keeps
 * what it took for an hour in the data grid. The province's administrators can put it out of service (503: the outbox
 * waits and loses nothing) or make it refuse every package with a reason, and read a package it took. It also takes
 * the status packages a receiving organisation sends back (arrived, accepted, refused), and shows them by DocumentId.
 */
@Path("api/sim/document-axis")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AxisSimulator {
    static final String RECEIVED = "egov-sim-document-axis";
    static final String STATE = "egov-sim-document-axis-state";

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    @Inject
    Access access;

    @Inject
    Signatures signatures;

    @Inject
    AxisAdapter axis;

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    public Response take(byte[] xml) {
        requireEnabled();
        if (Boolean.TRUE.equals(grid.<String, Object>getMap(STATE).get("down"))) {
            return Response.status(503).entity("{\"error\":\"simulated outage\"}").build();
        }
        EdXml.Read read = EdXml.read(xml == null ? new byte[0] : xml, signatures.trustedRoots());
        if (!read.valid()) {
            return refused("Gói edXML không hợp lệ: " + String.join(" ", read.problems()));
        }
        if (grid.<String, Object>getMap(STATE).get("refuse") instanceof String reason) {
            return refused(reason);
        }
        String id = "AXIS-" + UUID.randomUUID();
        grid.<String, String>getMap(RECEIVED).set(id, Base64.getEncoder().encodeToString(xml), 1, TimeUnit.HOURS);
        return Response.accepted(Jsonp.createObjectBuilder().add("id", id).add("documentId", read.pkg().documentId())
                .add("from", read.pkg().from().id()).build()).build();
    }

    static final String STATUSES = "egov-sim-document-axis-statuses";

    /**
     * A status package (QCVN 102:2016) a receiving organisation sends back about a package: checked like a package (its
     * signature against the trusted roots), kept for an hour by the package's DocumentId, answered 202 {@code {"id"}}.
     */
    @POST
    @Path("status")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    public Response takeStatus(byte[] xml) {
        requireEnabled();
        if (Boolean.TRUE.equals(grid.<String, Object>getMap(STATE).get("down"))) {
            return Response.status(503).entity("{\"error\":\"simulated outage\"}").build();
        }
        EdXml.StatusRead read = EdXml.readStatus(xml == null ? new byte[0] : xml, signatures.trustedRoots());
        if (!read.valid()) {
            return refused("Gói trạng thái không hợp lệ: " + String.join(" ", read.problems()));
        }
        EdXml.Status st = read.status();
        var entry = Jsonp.createObjectBuilder().add("statusCode", st.statusCode()).add("from", st.from().id()).add("responseTo", st.responseTo())
                .add("description", st.description() == null ? "" : st.description()).add("at", st.at().toString())
                .add("staff", st.staff() == null ? "" : st.staff()).build();
        com.hazelcast.map.IMap<String, String> statuses = grid.getMap(STATUSES);
        statuses.lock(st.documentId());
        try {
            String before = statuses.get(st.documentId());
            var all = Jsonp.createArrayBuilder();
            if (before != null) {
                Jsonp.createReader(new java.io.StringReader(before)).readArray().forEach(all::add);
            }
            statuses.set(st.documentId(), all.add(entry).build().toString(), 1, TimeUnit.HOURS);
        } finally {
            statuses.unlock(st.documentId());
        }
        return Response.accepted(Jsonp.createObjectBuilder().add("id", "STATUS-" + UUID.randomUUID()).build()).build();
    }

    /** The statuses sent back about the package {@code documentId}, in the order they came. */
    @GET
    @Path("status/{documentId}")
    public Response statuses(@PathParam("documentId") String documentId) {
        requireEnabled();
        access.requireProvinceAdmin();
        String all = grid.<String, String>getMap(STATUSES).get(documentId);
        return Response.ok(all == null ? "[]" : all, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A package the axis took, as it came. */
    @GET
    @Path("packages/{id}")
    @Produces(MediaType.APPLICATION_XML)
    public Response taken(@PathParam("id") String id) {
        requireEnabled();
        access.requireProvinceAdmin();
        String b64 = grid.<String, String>getMap(RECEIVED).get(id);
        if (b64 == null) {
            throw ProblemException.notFound(Wording::in, "notFound.packageOnTheSimulatedAxis", id);
        }
        return Response.ok(Base64.getDecoder().decode(b64), MediaType.APPLICATION_XML_TYPE).build();
    }

    /**
     * {@code {"status": "received"|"returned", "reason"?}}: the receiving organisation's answer to a package the axis
     * took, reported to the platform as the axis does (its status endpoint, with the axis's token). Answers what the
     * platform answered.
     */
    @POST
    @Path("packages/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("id") String id, JsonObject body, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) throws Exception {
        requireEnabled();
        access.requireProvinceAdmin();
        if (grid.<String, String>getMap(RECEIVED).get(id) == null) {
            throw ProblemException.notFound(Wording::in, "notFound.packageOnTheSimulatedAxis", id);
        }
        var report = Jsonp.createObjectBuilder().add("axisId", id).add("status", body == null ? "" : body.getString("status", ""));
        if (body != null && body.get("reason") instanceof JsonString r) {
            report.add("reason", r.getString());
        }
        java.net.http.HttpResponse<String> platform = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest
                .newBuilder(uri.getBaseUri().resolve("api/documents/axis/status")).timeout(java.time.Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Axis-Token", axis.token().orElse(""))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(report.build().toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return Response.status(platform.statusCode()).type(platform.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON))
                .entity(platform.body()).build();
    }

    /** {@code {"down": true|false, "refuse": "reason"|null}}: out of service (503), or refusing every package with the reason. */
    @PUT
    @Path("state")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response state(JsonObject body) {
        requireEnabled();
        access.requireProvinceAdmin();
        boolean down = body != null && body.getBoolean("down", false);
        String refuse = body != null && body.get("refuse") instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
        grid.<String, Object>getMap(STATE).set("down", down);
        if (refuse == null) {
            grid.<String, Object>getMap(STATE).delete("refuse");
        } else {
            grid.<String, Object>getMap(STATE).set("refuse", refuse);
        }
        var o = Jsonp.createObjectBuilder().add("down", down);
        if (refuse != null) {
            o.add("refuse", refuse);
        }
        return Response.ok(o.build()).build();
    }

    private static Response refused(String reason) {
        return Response.status(422).entity(Jsonp.createObjectBuilder().add("reason", reason).build()).build();
    }

    static void requireEnabled() {
        if (!"on".equals(ConfigProvider.getConfig().getOptionalValue("egov.simulators", String.class).orElse("off"))) {
            throw new ProblemException(Problem.of(Wording::in, 404, "not-found", "problem.notFound.title", "problem.noSimulator"));
        }
    }
}
