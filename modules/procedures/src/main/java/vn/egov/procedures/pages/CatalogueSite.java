package vn.egov.procedures.pages;

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

    /** The list: the filter as typed, the sectors to choose from, the procedures shown by sector. */
    public record CatalogueView(String action, String q, List<DeskFrame.Option> sectors, int count, List<Group> groups, boolean en) {
    }

    /** A sector's procedures. */
    public record Group(String sector, List<Row> rows) {
    }

    /** A procedure's line in the list. */
    public record Row(String code, String name, String href, String online, String timeLimit) {
    }

    @Inject
    TenantContext context;

    @Inject
    Catalogue catalogue;

    @Inject
    UnitSites site;

    @Inject
    HttpServletRequest request;

    private Tenant unit() {
        return context.tenant().orElseThrow(() -> ProblemException.notFound("đơn vị", "unit"));
    }

    /** The page's texts: the catalogue's language is still the site's own {@code ?lang=en}. */
    private Page page(boolean en, String title) {
        return Page.titled(request, en ? Locales.ENGLISH : Locales.VIETNAMESE, title, ProcedurePages.BUNDLE);
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("sector") String sector, @QueryParam("lang") String lang) {
        Tenant unit = unit();
        boolean en = "en".equals(lang);
        Page page = page(en, null);
        String title = page.t().text("catalogue.title");
        List<Procedure> all = catalogue.offered(unit);
        String words = fold(q == null ? "" : q.strip());
        List<Procedure> shown = all.stream()
                .filter(p -> words.isEmpty() || fold(p.name() + " " + p.code() + " " + p.sector()).contains(words))
                .filter(p -> sector == null || sector.isBlank() || p.sector().equals(sector)).toList();
        Map<String, List<Row>> bySector = new LinkedHashMap<>();
        for (Procedure p : shown) {
            bySector.computeIfAbsent(p.sector(), k -> new ArrayList<>()).add(new Row(p.code(), p.name(),
                    "/t/" + unit.getCode() + "/procedures/" + p.code() + (en ? "?lang=en" : ""),
                    online(p.onlineLevel(), page), ProcessDiagram.days(p.timeLimitDays().doubleValue(), page.t())));
        }
        List<Group> groups = bySector.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
        List<DeskFrame.Option> sectors = all.stream().map(Procedure::sector).distinct().sorted()
                .map(s -> new DeskFrame.Option(s, s, s.equals(sector))).toList();
        CatalogueView view = new CatalogueView("/t/" + unit.getCode() + "/procedures", q == null ? "" : q, sectors, shown.size(), groups, en);
        String main = ProcedurePages.TEMPLATES.render("catalogue.jte", page, "view", view);
        String path = "procedures" + (q == null || q.isBlank() ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        return answer(site.framed(unit, en, title, main, path));
    }

    @GET
    @Path("{procedure}")
    public Response one(@PathParam("procedure") String code, @QueryParam("lang") String lang) {
        Tenant unit = unit();
        boolean en = "en".equals(lang);
        Optional<Procedure> found = catalogue.offered(unit, code);
        if (found.isEmpty()) {
            return Response.status(404).entity(site.notFound(unit, en)).build();
        }
        Procedure p = found.get();
        ProcedureVersion v = catalogue.version(p, p.currentVersion()).orElseThrow();
        JsonNode d = read(v.definitionJson());
        Page page = page(en, p.name());
        ProcedureView view = ProcedureView.of(unit, p, v.version(), d, page, en);
        String main = ProcedurePages.TEMPLATES.render("procedure.jte", page, "view", view);
        return answer(site.framed(unit, en, p.name(), main, "procedures/" + p.code()));
    }

    /** A page of the unit's site (its frame and this module's main part, nothing inline): cached a minute, the strict policy. */
    private static Response answer(String html) {
        return Response.ok(html).header("Cache-Control", "public, max-age=60").header("Content-Security-Policy", Templates.CONTENT_SECURITY_POLICY).build();
    }

    private static JsonNode read(String json) {
        try {
            return vn.egov.procedures.control.Definitions.parse(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String online(Procedure.OnlineLevel l, Page page) {
        return page.t().text("online." + l.name());
    }

    /** Lower case without diacritics (đ as d), for matching what visitors type. */
    static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "");
    }
}
