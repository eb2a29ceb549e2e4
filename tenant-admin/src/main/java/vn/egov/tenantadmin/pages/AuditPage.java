package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.tenantadmin.control.Audit;

/**
 * {@code /t/{code}/admin/audit}: the audit trail of the unit and its sub-units as far as the user's rights
 * reach, newest first, 50 a page, filtered by action, actor and dates (dd/MM/yyyy). A bad date re-shows the
 * filter with the message at the field. A GET form: filtering changes nothing. Made from the template
 * {@code audit.jte} (the first page of the desk that is: the model for the others).
 */
@Path("t/{code}/admin/audit")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class AuditPage {
    static final int PAGE_SIZE = Audit.PAGE_SIZE;

    /** The actions the modules record (through the platform's AuditLog) (their names for people are the bundle's {@code audit.action.*}). */
    static final List<String> ACTIONS = List.of("unit.provisioned", "unit.suspended", "unit.reactivated", "unit.renamed",
            "unit.settings.changed", "unit.domain.changed", "unit.logo.changed", "unit.logo.removed", "unit.reorganised", "user.created",
            "user.changed", "token.revoked", "procedure.adopted", "procedure.dropped", "dossiers.payment-account.changed",
            "documents.organ-id.changed", "portal.theme.changed", "portal.menu.saved", "portal.menu.deleted", "portal.category.saved",
            "portal.category.deleted");

    /** What the template shows: the filter as typed, its options, the entries of this page, the pager's links. */
    public record AuditView(Map<String, String> filter, Map<String, String> errors, String refusal, List<DeskFrame.Option> actions,
                            List<Audit.Line> entries, int page, String previous, String next, String formAction, String clear) {
        public DeskFrame.Attributes plain() {
            return DeskFrame.attributes("spellcheck=\"false\"");
        }

        public DeskFrame.Attributes from() {
            return DeskFrame.attributes("placeholder=\"01/11/2026\" inputmode=\"numeric\"");
        }

        public DeskFrame.Attributes to() {
            return DeskFrame.attributes("placeholder=\"30/11/2026\" inputmode=\"numeric\"");
        }
    }

    @Inject
    Desk layout;

    @Inject
    Audit audit;

    @Inject
    TenantDirectory directory;

    @GET
    public Response audit(@QueryParam("action") String action, @QueryParam("actor") String actor,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") @DefaultValue("1") String pageParam) {
        Tenant unit = layout.require();
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("action", action == null ? "" : action.strip());
        filter.put("actor", actor == null ? "" : actor.strip());
        filter.put("from", from == null ? "" : from.strip());
        filter.put("to", to == null ? "" : to.strip());
        int page;
        try {
            page = Math.max(1, Integer.parseInt(pageParam.strip()));
        } catch (NumberFormatException e) {
            page = 1;
        }
        DeskFrame.Page desk = layout.desk(unit, "audit", AdminPages.BUNDLE, "audit.title");
        try {
            List<Audit.Line> entries = audit.trail(directory.subtree(unit), filter.get("action"), filter.get("actor"),
                    filter.get("from"), filter.get("to"), page);
            AuditView view = new AuditView(filter, Map.of(), null, actions(desk, filter.get("action")), entries, page,
                    page > 1 ? pageUrl(unit, filter, page - 1) : null, entries.size() == PAGE_SIZE ? pageUrl(unit, filter, page + 1) : null,
                    "/t/" + unit.getCode() + "/admin/audit", layout.url(unit, "audit"));
            return layout.okTemplate(AdminPages.TEMPLATES.render("audit.jte", desk.page(), "desk", desk, "view", view));
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw layout.error(e.problem());
            }
            Map<String, String> errors = new LinkedHashMap<>();
            String detail = layout.en() ? e.problem().detailEn() : e.problem().detailVi();
            e.problem().fieldErrors().keySet().forEach(f -> errors.put(f, detail));
            AuditView view = new AuditView(filter, errors, detail, actions(desk, filter.get("action")), List.of(), page, null, null,
                    "/t/" + unit.getCode() + "/admin/audit", layout.url(unit, "audit"));
            throw layout.refuseTemplate(400, AdminPages.TEMPLATES.render("audit.jte", desk.page(), "desk", desk, "view", view));
        }
    }

    private static List<DeskFrame.Option> actions(DeskFrame.Page desk, String chosen) {
        List<DeskFrame.Option> options = new ArrayList<>();
        options.add(new DeskFrame.Option("", desk.page().t().text("audit.all"), chosen.isEmpty()));
        ACTIONS.forEach(a -> options.add(new DeskFrame.Option(a, desk.page().t().text("audit.action." + a) + " (" + a + ")", a.equals(chosen))));
        return options;
    }

    private String pageUrl(Tenant unit, Map<String, String> f, int page) {
        StringBuilder q = new StringBuilder("/t/").append(unit.getCode()).append("/admin/audit?page=").append(page);
        f.forEach((k, v) -> {
            if (!v.isEmpty()) {
                q.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return layout.withLang(q.toString());
    }
}
