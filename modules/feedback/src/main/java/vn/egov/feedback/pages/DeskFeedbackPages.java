package vn.egov.feedback.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.apache.shiro.SecurityUtils;
import vn.egov.feedback.control.ReportStore;
import vn.egov.feedback.entity.Report;
import vn.egov.platform.security.ScopedPermission;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;

/**
 * {@code /t/{code}/admin/feedback}: the unit's reports on the desk, newest first, filtered by status, and one report
 * with the citizen's words, the answer form and, when the citizen agreed and it is answered, "publish with the answer".
 * Reading takes {@code feedback:read} over the unit, answering {@code write}, publishing {@code publish} (the leader
 * and the administrators); another unit's report is not found. Through the same control as the API; a refused answer
 * comes back with its message beside the field, nothing changed. Made from {@code desk-list.jte} and {@code desk-one.jte}.
 */
@Path("t/{code}/admin/feedback")
@RequestScoped
@Produces(Desk.HTML)
public class DeskFeedbackPages {
    static final String DOMAIN = "feedback";

    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    ReportStore store;

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("1") int pageNo) {
        Tenant unit = layout.call(() -> access.require(DOMAIN, "read"));
        String shown = status != null && List.of(Report.NEW, Report.ANSWERED, Report.PUBLISHED).contains(status) ? status : null;
        ReportStore.Slice<Report> slice = layout.call(() -> store.list(unit, shown, pageNo));
        DeskFrame.Page desk = layout.desk(unit, "feedback", FeedbackViews.BUNDLE, "desk.title");
        Messages t = desk.page().t();
        String base = "/t/" + unit.getCode() + "/admin/feedback";
        List<FeedbackViews.DeskRow> rows = slice.items().stream().map(r -> new FeedbackViews.DeskRow(r.getCode(),
                layout.withLang(base + "/" + r.getCode()), r.getSubject(), r.getApplicantName(), FeedbackViews.categoryLabel(t, r.getCategory()),
                r.getStatus(), FeedbackViews.statusLabel(t, r.getStatus()), desk.page().date(r.getCreatedAt()))).toList();
        List<DeskFrame.Option> statuses = new ArrayList<>();
        statuses.add(new DeskFrame.Option("", t.text("desk.allStatuses"), shown == null));
        for (String s : List.of(Report.NEW, Report.ANSWERED, Report.PUBLISHED)) {
            statuses.add(new DeskFrame.Option(s, FeedbackViews.statusLabel(t, s), s.equals(shown)));
        }
        String filter = shown == null ? "" : "status=" + shown + "&";
        FeedbackViews.DeskList view = new FeedbackViews.DeskList(rows, statuses, layout.url(unit, "feedback"),
                slice.page() > 1 ? layout.withLang(base + "?" + filter + "page=" + (slice.page() - 1)) : null,
                slice.more() ? layout.withLang(base + "?" + filter + "page=" + (slice.page() + 1)) : null);
        return layout.okTemplate(FeedbackViews.TEMPLATES.render("desk-list.jte", desk.page(), "desk", desk, "view", view));
    }

    @GET
    @Path("{report}")
    public Response one(@PathParam("report") String code) {
        Tenant unit = layout.call(() -> access.require(DOMAIN, "read"));
        Report r = layout.call(() -> store.one(unit, code));
        return layout.okTemplate(render(unit, r, null, null));
    }

    /** {@code action=answer} (with {@code answer}) or {@code action=publish}; then back to the report (post-redirect-get). */
    @POST
    @Path("{report}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("report") String code, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        boolean publish = "publish".equals(form.getFirst("action"));
        Tenant unit = layout.call(() -> access.require(DOMAIN, publish ? "publish" : "write"));
        Report current = layout.call(() -> store.one(unit, code));
        String typed = form.getFirst("answer");
        try {
            Report done = publish ? store.publish(unit, current.getCode(), access.username())
                    : store.answer(unit, current.getCode(), typed, access.username());
            Messages t = Messages.of(layout.locale(), FeedbackViews.BUNDLE);
            layout.flash(Html.escape(t.text(publish ? "desk.publishedNow" : "desk.answeredNow", done.getCode())));
            return layout.redirect("/t/" + unit.getCode() + "/admin/feedback/" + done.getCode());
        } catch (ProblemException e) {
            if (e.problem().status() == 400) {
                throw layout.refuseTemplate(400, render(unit, current, typed, layout.fieldError(e, "answer")));
            }
            if (e.problem().status() == 409) {
                throw layout.refuseTemplate(409, render(unit, current, typed, layout.detail(e)));
            }
            throw layout.error(e.problem());
        }
    }

    private String render(Tenant unit, Report r, String typed, String answerError) {
        DeskFrame.Page desk = layout.desk(unit, "feedback", FeedbackViews.BUNDLE, "desk.one.title", r.getCode());
        Messages t = desk.page().t();
        boolean mayAnswer = may(unit, "write") && !Report.PUBLISHED.equals(r.getStatus());
        boolean mayPublish = may(unit, "publish") && Report.ANSWERED.equals(r.getStatus()) && r.isConsent();
        String blocked = Report.PUBLISHED.equals(r.getStatus()) ? null
                : !r.isConsent() ? t.text("desk.noConsent")
                : !Report.ANSWERED.equals(r.getStatus()) ? t.text("desk.answerFirst")
                : !may(unit, "publish") ? t.text("desk.leaderPublishes") : null;
        String base = "/t/" + unit.getCode();
        FeedbackViews.DeskOne view = new FeedbackViews.DeskOne(r, FeedbackViews.categoryLabel(t, r.getCategory()),
                FeedbackViews.statusLabel(t, r.getStatus()), desk.page().date(r.getCreatedAt()), desk.page().date(r.getAnsweredAt()),
                desk.page().date(r.getPublishedAt()), layout.withLang(base + "/admin/feedback/" + r.getCode()),
                typed != null ? typed : r.getAnswer() == null ? "" : r.getAnswer(), answerError, mayAnswer, mayPublish, blocked,
                layout.url(unit, "feedback"),
                Report.PUBLISHED.equals(r.getStatus()) ? layout.withLang(base + "/feedback/" + r.getCode()) : null);
        return FeedbackViews.TEMPLATES.render("desk-one.jte", desk.page(), "desk", desk, "view", view);
    }

    private static boolean may(Tenant unit, String action) {
        return SecurityUtils.getSubject().isPermitted(ScopedPermission.required(DOMAIN, action, unit.getPath()));
    }
}
