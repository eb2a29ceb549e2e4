package vn.egov.dossiers.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.dossiers.control.Applicants;
import vn.egov.dossiers.control.Intake;
import vn.egov.platform.security.SubjectScopeProvider.CurrentUser;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Csrf;
import vn.egov.platform.web.Problem;
import vn.egov.dossiers.control.Wording;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UnitSites;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/**
 * {@code /me/dossiers}: the logged-in applicant's dossiers, and one of them whole: where it is, its history, the
 * notices the agency sent (as PDFs), the slip, the result to download; and what the applicant can do at that point:
 * send the papers asked for, withdraw it, rate the service once the result is there. Each action goes through the
 * same control code as the API's ({@link Applicants}), in the same scopes; a refused one comes back with its message. Made from the
 * templates {@code mine.jte} and {@code myDossier.jte}, framed by the site of the person's own unit, in the request's language.
 */
@Path("me/dossiers")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class MyDossierPages {
    /** The key of the message the next page shows once (after an action and its redirect). */
    static final String FLASH = "vn.egov.dossiers.flash";
    static final int MAX_PARTS = 50;
    static final int MAX_FILE = 10 * 1024 * 1024;

    @Context
    HttpServletRequest request;

    @Inject
    Applicants applicants;

    @Inject
    UnitSites site;

    @Inject
    TenantDirectory directory;

    @GET
    public Response list(@QueryParam("pickup") String askedPickup) {
        if (CurrentUser.get().isEmpty()) {
            return login();
        }
        long me = CurrentUser.get().orElseThrow().userId();
        MyDossierViews.Mine view = MyDossierViews.mine(askedPickup != null, applicants.dossiers(me), applicants.pickups(me));
        Page page = Page.of(request, DossierTemplates.BUNDLE, "mine.title");
        return answer(200, page, DossierTemplates.TEMPLATES.render("mine.jte", page, "view", view), "/me/dossiers");
    }

    @GET
    @Path("{code}")
    public Response one(@PathParam("code") String code, @QueryParam("new") String isNew) {
        if (CurrentUser.get().isEmpty()) {
            return login();
        }
        try {
            return answer(200, page(code), render(code, isNew != null ? page(code).t().text("mine.submitted", code) : null, Map.of()), "/me/dossiers/" + code);
        } catch (ProblemException e) {
            Page page = Page.of(request, DossierTemplates.BUNDLE, "mine.notFound");
            String detail = page.t().english() ? e.problem().detailEn() : e.problem().detailVi();
            return answer(e.problem().status(), page, DossierTemplates.TEMPLATES.render("missing.jte", page, "detail", detail), "/me/dossiers");
        }
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("code") String code, MultivaluedMap<String, String> form) throws Exception {
        if (CurrentUser.get().isEmpty()) {
            return login();
        }
        if (!Csrf.valid(request, form.getFirst(Csrf.FIELD))) {
            return answer(403, page(code), render(code, null, Map.of("", page(code).t().text("mine.expired"))), "/me/dossiers/" + code);
        }
        String action = String.valueOf(form.getFirst("action"));
        try {
            switch (action) {
                case "rate" -> {
                    int score;
                    try {
                        score = Integer.parseInt(String.valueOf(form.getFirst("score")));
                    } catch (NumberFormatException e) {
                        score = 0;
                    }
                    applicants.rate(code, CurrentUser.get().orElseThrow().userId(), score, Optional.ofNullable(form.getFirst("note")).orElse(""));
                    return done(code, "mine.rated");
                }
                case "withdraw" -> {
                    applicants.withdraw(code, CurrentUser.get().orElseThrow(), Optional.ofNullable(form.getFirst("reason")).orElse(""));
                    return done(code, "mine.withdrawn");
                }
                default -> {
                    return answer(400, page(code), render(code, null, Map.of("", page(code).t().text("mine.unknownAction"))), "/me/dossiers/" + code);
                }
            }
        } catch (ProblemException e) {
            return answer(e.problem().status(), page(code), render(code, null, Map.of(action, message(code, e))), "/me/dossiers/" + code);
        }
    }

    @POST
    @Path("{code}/supplement")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response supplement(@PathParam("code") String code, List<EntityPart> parts) throws Exception {
        if (CurrentUser.get().isEmpty()) {
            return login();
        }
        String csrf = null;
        for (EntityPart p : parts) {
            if (p.getName().equals(Csrf.FIELD)) {
                csrf = p.getContent(String.class);
            }
        }
        if (!Csrf.valid(request, csrf)) {
            return answer(403, page(code), render(code, null, Map.of("", page(code).t().text("mine.expiredShort"))), "/me/dossiers/" + code);
        }
        try {
            applicants.supplied(code, CurrentUser.get().orElseThrow(), papers(parts));
            return done(code, "mine.supplemented");
        } catch (ProblemException e) {
            return answer(e.problem().status(), page(code), render(code, null, Map.of("supplement", message(code, e))), "/me/dossiers/" + code);
        }
    }

    /** The files sent as {@code paper.<id>} parts (empty ones left out), at most {@value #MAX_PARTS}. */
    private static List<Intake.Paper> papers(List<EntityPart> parts) throws IOException {
        List<EntityPart> sent = parts.stream().filter(p -> p.getName().startsWith("paper.")).toList();
        if (sent.size() > MAX_PARTS) {
            throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                    w -> w.text("problem.tooManyParts", MAX_PARTS) + " " + w.text("problem.nothingChanged"), w -> java.util.Map.of()));
        }
        List<Intake.Paper> papers = new ArrayList<>();
        for (EntityPart part : sent) {
            byte[] content;
            try (InputStream in = part.getContent()) {
                content = in.readNBytes(MAX_FILE + 1);
            }
            if (content.length > 0) {
                papers.add(new Intake.Paper(part.getName().substring(6), part.getFileName().orElse("tep"), content));
            }
        }
        return papers;
    }

    private String message(String code, ProblemException e) {
        boolean en = page(code).t().english();
        Problem said = e.problem().in(page(code).t().locale());
        StringBuilder m = new StringBuilder(en ? said.detailEn() : said.detailVi());
        if (said.fieldErrors() != null) {
            said.fieldErrors().values().forEach(list -> list.forEach(s -> m.append(" ").append(DossierTemplates.half(s, en))));
        }
        return m.toString();
    }

    /** After an action: back to the dossier, where the message of {@code key} shows once. */
    private Response done(String code, String key) {
        request.getSession(true).setAttribute(FLASH, key);
        return Response.seeOther(URI.create("/me/dossiers/" + code)).build();
    }

    private Page page(String code) {
        return Page.of(request, DossierTemplates.BUNDLE, "mine.dossier", code);
    }

    /** The page of one dossier, with the one-shot message, {@code notice} and {@code errors} (by form; "" above all). */
    private String render(String code, String notice, Map<String, String> errors) {
        JsonObject d = applicants.dossier(code, CurrentUser.get().orElseThrow().userId());
        Page page = page(code);
        String flash = notice;
        HttpSession session = request.getSession(false);
        Object key = session == null ? null : session.getAttribute(FLASH);
        if (key != null) {
            session.removeAttribute(FLASH);
            flash = page.t().text(key.toString());
        }
        MyDossierViews.Dossier view = MyDossierViews.dossier(d, flash, errors, page.t());
        return DossierTemplates.TEMPLATES.render("myDossier.jte", page, "view", view);
    }

    /**
     * A page of the user's own, framed by their own unit's site (its header, menu and language switch, {@code path}
     * being the page's address); private to them, in their language: no shared cache keeps it.
     */
    private Response answer(int status, Page page, String main, String path) {
        Optional<Tenant> home = CurrentUser.get().flatMap(u -> directory.byId(u.tenantId()));
        String html = home.map(unit -> site.framed(unit, page.t().locale(), page.title(), DossierTemplates.STYLESHEETS, main, path)).orElse(main);
        return Response.status(status).type(Templates.HTML).header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "private").header("Vary", Locales.VARY).entity(html).build();
    }

    private static Response login() {
        return Response.seeOther(URI.create("/login")).build();
    }
}
