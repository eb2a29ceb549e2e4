package vn.egov.dossiers.boundary;

import vn.egov.dossiers.control.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.EntityPart;
import java.util.List;
import vn.egov.dossiers.control.Details;
import vn.egov.dossiers.control.Processing;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.ApplicantReads;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/me/dossiers}: the logged-in account's own dossiers, whatever unit received them, read in the
 * applicant scope (the database gives that account's dossiers and nothing else), with the form as filled in and
 * the history.
 */
@Path("api/me/dossiers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyDossiersResource {

    @Inject
    Access access;

    @Inject
    ApplicantReads reads;

    @Inject
    vn.egov.dossiers.control.Applicants applicants;

    @Inject
    Db db;

    @Inject
    vn.egov.dossiers.control.Slips slips;

    @Inject
    Processing processing;

    @Inject
    Details details;

    @Inject
    vn.egov.dossiers.control.Paperwork paperwork;

    @Inject
    TenantDirectory directory;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @GET
    public Response mine() {
        UserPrincipal me = access.user();
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        applicants.dossiers(me.userId()).forEach(d -> a.add(DossiersResource.json(d)));
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
                    .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.yourDossier", code));
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
        return Response.ok(applicants.dossier(code, me.userId())).build();
    }

    /** Forms 02 to 05 the agency issued about the account's dossier, as PDFs. */
    @GET
    @Path("{code}/forms/{form: [2-5]}.pdf")
    @Produces("application/pdf")
    public Response form(@PathParam("code") String code, @PathParam("form") int form) {
        UserPrincipal me = access.user();
        return DossierWorkResource.pdf(reads.read(me.userId(), () -> paperwork.form(mine(code, me), form)), "mau-0" + form + "-" + code + ".pdf");
    }

    /** One file of the account's dossier: a paper it sent, or the result. */
    @GET
    @Path("{code}/files/{id}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("code") String code, @PathParam("id") long id) {
        UserPrincipal me = access.user();
        return reads.read(me.userId(), () -> file(db, mine(code, me).id(), id));
    }

    /** The papers a request to supplement asked for (multipart {@code paper.<id>}): the clock runs again. */
    @POST
    @Path("{code}/supplement")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response supplement(@PathParam("code") String code, List<EntityPart> parts) throws Exception {
        UserPrincipal me = access.user();
        List<Intake.Paper> papers = DossierWorkResource.papers(parts, "paper.");
        Processing.State after = applicants.supplied(code, me, papers);
        if (DossierWorkResource.minimal(headers)) {
            return Response.ok(Details.summary(after, directory).build()).header("Preference-Applied", "return=minimal").build();
        }
        return one(code);
    }

    /** The applicant withdraws the dossier: {@code {"reason": ...}}. */
    @POST
    @Path("{code}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response withdraw(@PathParam("code") String code, JsonObject body) throws Exception {
        UserPrincipal me = access.user();
        applicants.withdraw(code, me, DossierWorkResource.text(body, "reason"));
        return one(code);
    }

    /** The applicant's rating once the result is there: {@code {"score": 1..5, "note"?: ...}}. */
    @POST
    @Path("{code}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rate(@PathParam("code") String code, JsonObject body) throws Exception {
        UserPrincipal me = access.user();
        int score = body != null && body.get("score") instanceof jakarta.json.JsonNumber n ? n.intValue() : 0;
        applicants.rate(code, me.userId(), score, DossierWorkResource.text(body, "note"));
        return one(code);
    }

    private Processing.State mine(String code, UserPrincipal me) {
        return applicants.mine(code, me.userId());
    }

    /** A dossier's file, in the caller's transaction and scope (which decides whether it can be read at all). */
    static Response file(Db db, long dossierId, long fileId) {
        return db.one("SELECT name, content_type, content FROM dossier_file WHERE dossier_id = ? AND id = ?", rs -> Response.ok(rs.getBytes(3),
                        rs.getString(2)).header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(rs.getString(1),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")).header("Cache-Control", "private, no-store")
                        .header("X-Content-Type-Options", "nosniff").build(), dossierId, fileId)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.fileOfTheDossier", fileId));
    }
}
