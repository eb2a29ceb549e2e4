package vn.egov.procedures.pages;

import vn.egov.procedures.control.Wording;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.tenancy.TenantContext;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UnitSites;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;
import vn.egov.procedures.control.Catalogue;
import vn.egov.procedures.entity.Procedure;
import vn.egov.procedures.entity.ProcedureVersion;

/**
 * The catalogue on a unit's public site: {@code /t/{code}/procedures} lists what the unit offers by sector (filtered
 * by words, with or without diacritics, and by sector), and {@code /t/{code}/procedures/{procedure}} shows one
 * procedure as the law requires it to be published, with its process drawn. The main part of each page is made from
 * a template ({@code catalogue.jte}, {@code procedure.jte}) and put in the unit's site frame by {@link UnitSites}.
 */
@Path("t/{code}/procedures")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class CatalogueSite {

    /** The list: the filter as typed, the sectors, the procedures by sector; the language its filter keeps (null: Vietnamese). */
    public record CatalogueView(String action, String q, List<DeskFrame.Option> sectors, int count, List<Group> groups, String lang,
                                Province province) {
    }

    /** Below a unit's own: the procedures the province handles itself (its name, how many the filter lets through, by sector). */
    public record Province(String name, int count, List<Group> groups) {
    }

    /** A sector's procedures. */
    public record Group(String sector, List<Row> rows) {
    }

    /** A procedure's line in the list. */
    public record Row(String code, String name, String href, String online, String timeLimit) {
    }

    /** What a page varies by besides its address (its language may come from the cookie or the browser). */
    static final String VARY = Locales.VARY;

    @Inject
    TenantContext context;

    @Inject
    Catalogue catalogue;

    @Inject
    UnitSites site;

    @Inject
    vn.egov.procedures.control.Adoption adoption;

    @Inject
    vn.egov.procedures.control.FormTemplates templates;

    @Inject
    HttpServletRequest request;

    private Tenant unit() {
        return context.tenant().orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unit"));
    }

    /** The page's texts, in the request's language (the platform's one resolver, as the rest of the site). */
    private Page page(String title) {
        return Page.titled(request, Locales.of(request), title, ProcedurePages.BUNDLE);
    }

    /** What an address inside the site ends with to keep a language other than Vietnamese ({@code ?lang=en}), else nothing. */
    private String langQuery() {
        Locale l = Locales.of(request);
        return "vi".equals(l.getLanguage()) ? "" : "?lang=" + l.toLanguageTag();
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("sector") String sector) {
        Tenant unit = unit();
        Page page = page(null);
        String title = page.t().text("catalogue.title");
        List<Procedure> all = catalogue.offered(unit);
        String words = fold(q == null ? "" : q.strip());
        java.util.function.Predicate<Procedure> lets = p -> (words.isEmpty() || fold(p.name() + " " + p.code() + " " + p.sector()).contains(words))
                && (sector == null || sector.isBlank() || p.sector().equals(sector));
        List<Procedure> shown = all.stream().filter(lets).toList();
        List<Group> groups = groups(unit, shown, page);
        Province province = null;
        if (unit.getParentId() != null) {
            Tenant root = adoption.province(unit);
            java.util.Set<String> own = new java.util.HashSet<>();
            all.forEach(p -> own.add(p.code()));
            List<Procedure> theirs = adoption.catalogueOf(root).stream().filter(p -> p.level() == Procedure.Level.PROVINCE && !own.contains(p.code()))
                    .toList();
            all = new ArrayList<>(all);
            all.addAll(theirs);
            List<Procedure> shownTheirs = theirs.stream().filter(lets).toList();
            province = new Province(root.getName(), shownTheirs.size(), groups(root, shownTheirs, page));
        }
        List<DeskFrame.Option> sectors = all.stream().map(Procedure::sector).distinct().sorted()
                .map(s -> new DeskFrame.Option(s, s, s.equals(sector))).toList();
        CatalogueView view = new CatalogueView("/t/" + unit.getCode() + "/procedures", q == null ? "" : q, sectors, shown.size(), groups,
                langQuery().isEmpty() ? null : Locales.of(request).toLanguageTag(), province);
        String main = ProcedurePages.TEMPLATES.render("catalogue.jte", page, "view", view);
        String path = "procedures" + (q == null || q.isBlank() ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        return answer(site.framed(unit, Locales.of(request), title, List.of(), main, path));
    }

    /** {@code procedures} by sector, each linking to its page on {@code owner}'s site. */
    private List<Group> groups(Tenant owner, List<Procedure> procedures, Page page) {
        Map<String, List<Row>> bySector = new LinkedHashMap<>();
        for (Procedure p : procedures) {
            bySector.computeIfAbsent(p.sector(), k -> new ArrayList<>()).add(new Row(p.code(), p.name(),
                    "/t/" + owner.getCode() + "/procedures/" + p.code() + langQuery(),
                    online(p.onlineLevel(), page), ProcessDiagram.days(p.timeLimitDays().doubleValue(), page.t())));
        }
        return bySector.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
    }

    @GET
    @Path("{procedure}")
    public Response one(@PathParam("procedure") String code) {
        Tenant unit = unit();
        Optional<Procedure> found = catalogue.offered(unit, code);
        if (found.isEmpty()) {
            return Response.status(404).entity(site.notFound(unit, Locales.of(request))).header("Vary", VARY)
                    .header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY).build();
        }
        Procedure p = found.get();
        ProcedureVersion v = catalogue.version(p, p.currentVersion()).orElseThrow();
        JsonNode d = read(v.definitionJson());
        Page page = page(p.name());
        ProcedureView view = ProcedureView.of(unit, p, v.version(), d, page, langQuery(), templates.of(p));
        String main = ProcedurePages.TEMPLATES.render("procedure.jte", page, "view", view);
        return answer(site.framed(unit, Locales.of(request), p.name(), List.of("procedures/catalogue.css"), main,
                "procedures/" + p.code()));
    }

    /**
     * A page of the unit's site (its frame and this module's main part, nothing inline): cached a minute, per language
     * (the cookie and the browser's language it may come from named in {@code Vary}), the strict policy.
     */
    private static Response answer(String html) {
        return Response.ok(html).header("Cache-Control", "public, max-age=60").header("Vary", VARY)
                .header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY).build();
    }

    private static JsonNode read(String json) {
        try {
            return vn.egov.procedures.control.Definitions.parse(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String online(Procedure.OnlineLevel l, Page page) {
        return online(l, page.t());
    }

    static String online(Procedure.OnlineLevel l, vn.egov.platform.web.pages.Messages t) {
        return t.text("online." + l.name());
    }

    /** Whether every word of {@code query} (folded) is in {@code text} (folded): "cap giay" finds "Cấp giấy xác nhận". */
    static boolean matches(String foldedQuery, String text) {
        String folded = fold(text);
        for (String w : foldedQuery.split("\\s+")) {
            if (!w.isEmpty() && !folded.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without diacritics (đ as d), for matching what visitors type. */
    static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "");
    }
}
