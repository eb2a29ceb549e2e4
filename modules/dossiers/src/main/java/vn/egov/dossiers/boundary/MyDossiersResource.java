package vn.egov.dossiers.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.ApplicantReads;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/me/dossiers}: the logged-in account's own dossiers, whatever unit received them, read in the
 * applicant scope (the database gives that account's dossiers and nothing else), with the form as filled in and
 * the history.
 */
@Path("api/me/dossiers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyDossiersResource {

    @Inject
    Access access;

    @Inject
    ApplicantReads reads;

    @Inject
    Db db;

    @Inject
    vn.egov.dossiers.control.Slips slips;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    @GET
    public Response mine() {
        UserPrincipal me = access.user();
        JsonArrayBuilder a = Json.createArrayBuilder();
        reads.read(me.userId(), () -> db.list("SELECT " + Intake.COLS_PUBLIC + " FROM dossier WHERE applicant_id = ? ORDER BY received_at DESC, id DESC",
                Intake::dossier, me.userId())).forEach(d -> a.add(DossiersResource.json(d)));
        return Response.ok(a.build()).build();
    }

    /** The receipt and appointment slip (form 01) of one of the account's dossiers, as a PDF. */
    @GET
    @Path("{code}/receipt.pdf")
    @Produces("application/pdf")
    public Response receipt(@PathParam("code") String code) {
        UserPrincipal me = access.user();
        byte[] pdf = reads.read(me.userId(), () -> {
            Dossier d = db.one("SELECT " + Intake.COLS_PUBLIC + " FROM dossier WHERE code = ? AND applicant_id = ?", Intake::dossier, code, me.userId())
                    .orElseThrow(() -> ProblemException.notFound("hồ sơ " + code + " của bạn", "your dossier " + code));
            return slips.pdf(d, statusUrl(uri, d.code()));
        });
        return slip(code, pdf);
    }

    /** A slip as it is sent: shown in the browser, named after the dossier, never kept by a cache. */
    static Response slip(String code, byte[] pdf) {
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "inline; filename=\"phieu-hen-" + code + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }

    static String statusUrl(jakarta.ws.rs.core.UriInfo uri, String code) {
        return uri.getBaseUriBuilder().path("api/dossiers").path(code).build().toString();
    }

    @GET
    @Path("{code}")
    public Response one(@PathParam("code") String code) {
        UserPrincipal me = access.user();
        return reads.read(me.userId(), () -> {
            Dossier d = db.one("SELECT " + Intake.COLS_PUBLIC + " FROM dossier WHERE code = ? AND applicant_id = ?", Intake::dossier, code, me.userId())
                    .orElseThrow(() -> ProblemException.notFound("hồ sơ " + code + " của bạn", "your dossier " + code));
            String form = db.one("SELECT form::text FROM dossier WHERE id = ?", rs -> rs.getString(1), d.id()).orElseThrow();
            JsonArrayBuilder history = Json.createArrayBuilder();
            db.list("SELECT at, status, note FROM dossier_event WHERE dossier_id = ? ORDER BY at, id", rs -> Json.createObjectBuilder()
                    .add("at", Db.instant(rs, "at").toString()).add("status", rs.getString(2)).add("note", rs.getString(3) == null ? "" : rs.getString(3))
                    .build(), d.id()).forEach(history::add);
            JsonArrayBuilder files = Json.createArrayBuilder();
            db.list("SELECT paper_id, name, content_type, size_bytes FROM dossier_file WHERE dossier_id = ? ORDER BY id", rs -> Json.createObjectBuilder()
                    .add("paper", rs.getString(1)).add("name", rs.getString(2)).add("contentType", rs.getString(3)).add("size", rs.getInt(4)).build(),
                    d.id()).forEach(files::add);
            return Response.ok(DossiersResource.json(d).add("form", Json.createReader(new StringReader(form)).readObject())
                    .add("files", files).add("history", history).build()).build();
        });
    }
}
