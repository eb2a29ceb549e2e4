package vn.egov.dossiers.sync;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import vn.egov.dossiers.control.Intake;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;

/**
 * A stand-in for the bank side of a VietQR payment, for development and tests only ({@code egov.simulators=on}):
 * {@code POST pay} is what the applicant's banking app does after scanning (a reference and an amount); the
 * simulator books the transaction in its statement and calls the platform back, signed, unless asked to stay
 * silent (a lost callback, which the day's reconciliation must recover). {@code GET statement} gives a day's lines
 * to a signed request.
 */
@Path("api/sim/payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentSimulator {
    static final String STATEMENT = "egov-sim-payments";

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    @Inject
    PaymentGateway gateway;

    @Context
    UriInfo uri;

    /** {@code {"reference", "amount", "silent"?}} */
    @POST
    @Path("pay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pay(JsonObject body) throws Exception {
        Simulators.requireEnabled();
        if (body == null || body.getString("reference", "").isBlank() || !body.containsKey("amount")) {
            return Response.status(400).entity("{\"error\":\"reference and amount are required\"}").build();
        }
        String txn = "FT" + Long.toString(grid.getFlakeIdGenerator(STATEMENT).newId(), 36).toUpperCase();
        Instant at = Instant.now();
        String line = Jsonp.createObjectBuilder().add("reference", body.getString("reference")).add("amount", body.getJsonNumber("amount").longValue())
                .add("transactionId", txn).add("paidAt", at.toString()).build().toString();
        String day = at.atZone(Intake.VIETNAM).toLocalDate().toString();
        IMap<String, ArrayList<String>> statement = grid.getMap(STATEMENT);
        statement.lock(day);
        try {
            ArrayList<String> lines = statement.getOrDefault(day, new ArrayList<>());
            lines.add(line);
            statement.set(day, lines, 7, TimeUnit.DAYS);
        } finally {
            statement.unlock(day);
        }
        int reported = 0;
        if (!body.getBoolean("silent", false)) {
            reported = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(uri.getBaseUri() + "api/payments/callback"))
                    .header("Content-Type", "application/json").header("X-Signature", gateway.sign(line))
                    .POST(HttpRequest.BodyPublishers.ofString(line)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        return Response.ok(Jsonp.createObjectBuilder().add("transactionId", txn).add("callback", reported).build()).build();
    }

    @GET
    @Path("statement")
    public Response statement(@QueryParam("date") String date, @Context HttpHeaders headers) {
        Simulators.requireEnabled();
        if (!gateway.verify("date=" + date, headers.getHeaderString("X-Signature"))) {
            return Response.status(401).entity("{\"error\":\"bad signature\"}").build();
        }
        LocalDate.parse(date);
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        grid.<String, ArrayList<String>>getMap(STATEMENT).getOrDefault(date, new ArrayList<>())
                .forEach(l -> a.add(Jsonp.createReader(new StringReader(l)).readObject()));
        return Response.ok(a.build()).build();
    }

}
