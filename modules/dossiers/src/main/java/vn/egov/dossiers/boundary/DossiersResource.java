package vn.egov.dossiers.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.ScopedWork;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/t/{unit}/dossiers}: a citizen's or business's account submits a dossier online to the unit (multipart:
 * {@code procedure}, the procedure's code; {@code form}, the form's fields as a JSON object; one part
 * {@code paper.<id>} per file of each paper), or the unit's staff receive one at the counter on an applicant's
 * behalf (the same, with {@code applicantName}); the unit's staff list the dossiers it received. The submission is
 * received in the unit's scope, carried explicitly ({@link ScopedWork}): the account works for no unit and gets no
 * scope of its own; the code that runs in that scope writes the one dossier, for that account, and nothing else.
 */
@Path("api/t/{unit}/dossiers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DossiersResource {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    static final int MAX_PARTS = 50;

    @Inject
    TenantContext context;

    @Inject
    Access access;

    @Inject
    Intake intake;

    @Inject
    Db db;

    @Inject
    vn.egov.dossiers.control.Slips slips;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(List<EntityPart> parts) throws Exception {
        UserPrincipal user = access.user();
        // a citizen's or business's account submits online; the unit's staff receive at the counter on an applicant's behalf
        boolean counter = !user.has(Role.CITIZEN);
        Tenant unit = counter ? access.require("dossiers", "write") 
                : context.tenant().orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unit"));
        if (parts.size() > MAX_PARTS) {
            throw invalid("problem.tooManyParts", MAX_PARTS);
        }
        Submission s = submission(parts);
        JsonNode form = form(s);
        Intake.Applicant who = applicant(user, counter, s);
        Long carried = counter ? s.pickup() : null;
        Dossier d = ScopedWork.call(new TenantScope(unit.getId(), unit.getPath(), false),
                () -> intake.receive(unit, s.procedure(), form, s.papers(), who, counter ? "counter" : "online", s.returnBy(), carried));
        return Response.status(201).entity(json(d).add("statusUrl", "/api/dossiers/" + d.code())
                .add("receiptUrl", counter ? "/api/t/" + unit.getCode() + "/dossiers/" + d.code() + "/receipt.pdf"
                        : "/api/me/dossiers/" + d.code() + "/receipt.pdf").build()).build();
    }

    /** A submission's parts as they came: its texts, the pickup that brought it (if any) and each paper's files. */
    private record Submission(String procedure, String formText, String applicantName, String returnBy, String email, String postAddress,
                              Long pickup, List<Intake.Paper> papers) {
    }

    private static Submission submission(List<EntityPart> parts) throws IOException {
        String procedure = null;
        String formText = null;
        String applicantName = null;
        String returnBy = null;
        String email = null;
        String postAddress = null;
        Long pickup = null;
        List<Intake.Paper> papers = new ArrayList<>();
        for (EntityPart part : parts) {
            String name = part.getName();
            if (name.equals("procedure")) {
                procedure = part.getContent(String.class);
            } else if (name.equals("form")) {
                formText = part.getContent(String.class);
            } else if (name.equals("pickup")) {
                try {
                    pickup = Long.valueOf(part.getContent(String.class).strip());
                } catch (NumberFormatException e) {
                    throw invalid("problem.pickupPart");
                }
            } else if (name.equals("postAddress")) {
                postAddress = part.getContent(String.class);
            } else if (name.equals("email")) {
                email = part.getContent(String.class);
            } else if (name.equals("returnBy")) {
                returnBy = part.getContent(String.class);
            } else if (name.equals("applicantName")) {
                applicantName = part.getContent(String.class);
            } else if (name.startsWith("paper.")) {
                byte[] content;
                try (InputStream in = part.getContent()) {
                    content = in.readNBytes(10 * 1024 * 1024 + 1);
                }
                if (content.length > 0) {
                    papers.add(new Intake.Paper(name.substring(6), part.getFileName().orElse("tep"), content));
                }
            }
        }
        return new Submission(procedure, formText, applicantName, returnBy, email, postAddress, pickup, papers);
    }

    /** The form's fields (JSON); no text of the submission may hold a NUL character (PostgreSQL refuses it): named, nothing stored. */
    private static JsonNode form(Submission s) {
        JsonNode form;
        try {
            form = Intake.JSON.readTree(s.formText() == null || s.formText().isBlank() ? "{}" : s.formText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid("problem.formPart");
        }
        String withNul = nul(form, "form");
        for (String[] given : new String[][] {{"procedure", s.procedure()}, {"postAddress", s.postAddress()}, {"email", s.email()},
                {"returnBy", s.returnBy()}, {"applicantName", s.applicantName()}}) {
            withNul = withNul == null && given[1] != null && given[1].indexOf('\0') >= 0 ? given[0] : withNul;
        }
        if (withNul != null) {
            throw DossierWorkResource.invalid(withNul, "problem.nul", withNul);
        }
        return form;
    }

    /** Who applies: the account online; at the counter the person named, or the account that asked for the pickup that brought it. */
    private static Intake.Applicant applicant(UserPrincipal user, boolean counter, Submission s) {
        if (counter && s.pickup() != null) {
            // brought by the postal service: the applicant is the account that asked for the pickup
            return new Intake.Applicant(null, "-", user.username(), null, s.postAddress());
        } else if (counter) {
            String n = s.applicantName() == null ? "" : java.text.Normalizer.normalize(s.applicantName().strip(), java.text.Normalizer.Form.NFC);
            if (n.isEmpty() || n.length() > 200) {
                throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidDossier",
                        w -> w.text("problem.applicantName"), w -> java.util.Map.of("applicantName", List.of(w.text("problem.field.applicantName")))));
            }
            // received at the counter: the applicant has no account here; the staff member is who received it
            return new Intake.Applicant(null, n, user.username(), s.email(), s.postAddress());
        }
        return new Intake.Applicant(user.userId(), user.displayName(), user.username(), s.email(), s.postAddress());
    }

    /** The dossiers the unit received, newest first. Its staff. */
    @GET
    @Transactional
    @TenantTransactional
    public Response list() {
        Tenant unit = access.require("dossiers", "read");
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        db.list("SELECT " + Intake.COLS_PUBLIC + " FROM dossier WHERE tenant_id = ? ORDER BY received_at DESC, id DESC LIMIT 500", Intake::dossier,
                unit.getId()).forEach(d -> a.add(json(d).add("applicantName", d.applicantName())));
        return Response.ok(a.build()).build();
    }

    /** The receipt slip of one of the unit's dossiers (to print at the counter). Its staff. */
    @GET
    @Path("{code}/receipt.pdf")
    @Produces("application/pdf")
    @Transactional
    @TenantTransactional
    public Response receipt(@jakarta.ws.rs.PathParam("code") String code) {
        Tenant unit = access.require("dossiers", "read");
        Dossier d = db.one("SELECT " + Intake.COLS_PUBLIC + " FROM dossier WHERE tenant_id = ? AND code = ?", Intake::dossier, unit.getId(), code)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.dossierOfThisUnit", code));
        return MyDossiersResource.slip(code, slips.pdf(d, MyDossiersResource.statusUrl(uri, d.code())));
    }

    static JsonObjectBuilder json(Dossier d) {
        return Jsonp.createObjectBuilder().add("code", d.code()).add("procedureCode", d.procedureCode()).add("procedureName", d.procedureName())
                .add("procedureVersion", d.procedureVersion()).add("status", d.status()).add("channel", d.channel())
                .add("receivedAt", d.receivedAt().toString())
                .add("receivedDate", DAY.format(d.receivedAt().atZone(Intake.VIETNAM))).add("dueDate", DAY.format(d.dueDate()))
                .add("due", d.dueDate().toString());
    }

    /** The first field of the form (as {@code form.name}) whose name or text holds U+0000, or null. */
    static String nul(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? path : null;
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String found = e.getKey().indexOf('\0') >= 0 ? path : nul(e.getValue(), path + "." + e.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nul(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static ProblemException invalid(String key, Object... args) {
        return new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                w -> w.text(key, args) + " " + w.text("problem.nothingChanged"), w -> java.util.Map.of()));
    }
}
