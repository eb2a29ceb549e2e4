package vn.egov.procedures.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.words.Phrase;
import vn.egov.procedures.control.Adoption;

/**
 * {@code /t/{code}/admin/procedures}: a unit's administrators adopt procedures of the province's catalogue. The
 * catalogue is listed with a filter (words with or without diacritics, sector, level, adopted or not), each procedure
 * with its online level and whether the unit offers it; the ticked ones are adopted or dropped in one go, in one
 * transaction: a selection with anything wrong (none ticked, an unknown code, another level's procedure, one not
 * adopted) is shown again with the reason and changes nothing. At the province the page is its catalogue, to read and
 * to import into. Made from the template {@code adoption.jte} ({@link AdoptionList} makes its view).
 */
@Path("t/{code}/admin/procedures")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class AdoptionPage {
    static final String SECTION = "adoption";

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    Adoption adoption;

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("sector") String sector, @QueryParam("level") String level,
                         @QueryParam("state") String state) {
        Tenant unit = layout.require();
        AdoptionList.Filter f = AdoptionList.Filter.of(q, sector, level, state, unit);
        return layout.okTemplate(render(unit, f, List.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        AdoptionList.Filter f = AdoptionList.Filter.of(form.getFirst("q"), form.getFirst("sector"), form.getFirst("level"),
                form.getFirst("state"), unit);
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(form.getOrDefault("code", List.of()).stream()
                .map(String::strip).filter(c -> !c.isEmpty()).toList()));
        boolean adopt = !"drop".equals(form.getFirst("action"));
        DeskFrame.Page desk = desk(unit);
        Messages t = desk.page().t();
        if (unit.getParentId() == null) {
            throw layout.refuseTemplate(409, render(unit, f, codes, t.text("problem.adoptOwn")));
        }
        if (codes.isEmpty()) {
            throw layout.refuseTemplate(400, render(unit, f, codes, t.text("adoption.noneChosen")));
        }
        Map<String, Phrase> refused = adoption.refusals(unit, codes, adopt);
        if (!refused.isEmpty()) {
            List<String> reasons = refused.values().stream().map(p -> p.in(layout.locale())).toList();
            throw layout.refuseTemplate(400, render(unit, f, codes, t.text("adoption.refused", String.join(" ", reasons))));
        }
        String user = access.username();
        int done = layout.call(() -> adopt ? adoption.adoptAll(unit, codes, user) : adoption.dropAll(unit, codes));
        layout.flash(Html.escape(t.text(adopt ? "adoption.adopted" : "adoption.dropped", done)));
        return layout.redirect("/t/" + unit.getCode() + "/admin/procedures" + f.query());
    }

    private DeskFrame.Page desk(Tenant unit) {
        return layout.desk(unit, SECTION, ProcedurePages.BUNDLE, "adoption.title");
    }

    private String render(Tenant unit, AdoptionList.Filter f, List<String> ticked, String error) {
        DeskFrame.Page desk = desk(unit);
        AdoptionList.View view = AdoptionList.view(adoption, unit, f, ticked, desk.page().t(), layout.url(unit, "procedures"),
                unit.getParentId() == null ? layout.url(unit, "procedures/import") : null, error, layout.en() ? layout.lang() : null);
        return ProcedurePages.TEMPLATES.render("adoption.jte", desk.page(), "desk", desk, "view", view);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
