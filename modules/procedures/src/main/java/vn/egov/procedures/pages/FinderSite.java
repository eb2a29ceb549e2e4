package vn.egov.procedures.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UnitSites;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;
import vn.egov.procedures.control.Finder;
import vn.egov.procedures.control.Wording;

/**
 * {@code /t/{code}/procedures/find?q=}: the procedures offered anywhere in the unit's subtree (the province's home sends
 * its search box here), found by words with or without diacritics, each with the units that offer it, linking to the
 * unit's page of the procedure and to its online application. Made from {@code finder.jte}, in the unit's site frame.
 */
@Path("t/{code}/procedures/find")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class FinderSite {
    /** At most this many procedures are listed; the count says how many matched. */
    static final int LIMIT = 50;

    /** The page: the words as typed, how many matched, the procedures found; the language its box keeps (null: Vietnamese). */
    public record FinderView(String action, String q, boolean searched, int matching, List<Hit> hits, String lang) {
    }

    /** A procedure found: its name, code, sector, online level, and the units offering it. */
    public record Hit(String code, String name, String sector, String online, String timeLimit, List<Offer> offers) {
    }

    /** A unit offering it: its name, its page of the procedure, its online application (null: not online). */
    public record Offer(String unit, String href, String apply) {
    }

    @Inject
    TenantContext context;

    @Inject
    Finder finder;

    @Inject
    UnitSites site;

    @Inject
    HttpServletRequest request;

    @GET
    public Response find(@QueryParam("q") String q) {
        Tenant unit = context.tenant().orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unit"));
        Locale language = Locales.of(request);
        Page page = Page.titled(request, language, null, ProcedurePages.BUNDLE);
        String lang = "vi".equals(language.getLanguage()) ? null : language.toLanguageTag();
        String keep = lang == null ? "" : "?lang=" + lang;
        String words = CatalogueSite.fold(q == null ? "" : q.strip());
        List<Hit> hits = List.of();
        int matching = 0;
        if (!words.isEmpty()) {
            Finder.Result r = finder.find(unit, p -> CatalogueSite.matches(words, p.name() + " " + p.code() + " " + p.sector()), LIMIT);
            matching = r.matching();
            hits = r.found().stream().map(f -> new Hit(f.procedure().code(), f.procedure().name(), f.procedure().sector(),
                    CatalogueSite.online(f.procedure().onlineLevel(), page.t()), ProcessDiagram.days(f.procedure().timeLimitDays().doubleValue(), page.t()),
                    f.units().stream().map(u -> {
                        String href = "/t/" + u.getCode() + "/procedures/" + f.procedure().code();
                        return new Offer(u.getName(), href + keep, f.online() ? href + "/apply" + keep : null);
                    }).toList())).toList();
        }
        FinderView view = new FinderView("/t/" + unit.getCode() + "/procedures/find", q == null ? "" : q, !words.isEmpty(), matching, hits, lang);
        String main = ProcedurePages.TEMPLATES.render("finder.jte", page, "view", view);
        String title = page.t().text("finder.title");
        String path = "procedures/find" + (q == null || q.isBlank() ? "" : "?q=" + AdoptionPage.encode(q));
        return Response.ok(site.framed(unit, language, title, List.of("procedures/catalogue.css"), main, path))
                .header("Cache-Control", "public, max-age=60").header("Vary", Locales.VARY)
                .header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY).build();
    }
}
