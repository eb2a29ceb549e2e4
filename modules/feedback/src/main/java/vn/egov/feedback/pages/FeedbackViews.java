package vn.egov.feedback.pages;

import java.util.List;
import java.util.Map;
import vn.egov.feedback.control.Draft;
import vn.egov.feedback.control.Reports;
import vn.egov.feedback.control.Wording;
import vn.egov.feedback.entity.Report;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.web.pages.Page;
import vn.egov.platform.web.pages.Templates;

/** This module's templates ({@code src/main/jte}, compiled into {@code vn.egov.feedback.jte}), texts and the views they show. */
public final class FeedbackViews {
    static final Templates TEMPLATES = new Templates("vn.egov.feedback.jte");
    static final String BUNDLE = Wording.BUNDLE;
    static final List<String> STYLESHEETS = List.of("feedback/feedback.css");

    private FeedbackViews() {
    }

    /** A published report as the site shows it (dates dd/MM/yyyy; nothing of the citizen). */
    public record Shown(String code, String href, String subject, String content, String category, String answer, String asked, String answered) {
        static Shown of(Reports.Published p, Page page, String href) {
            return new Shown(p.code(), href, p.subject(), p.content(), categoryLabel(page.t(), p.category()), p.answer(), page.date(p.createdAt()),
                    page.date(p.answeredAt()));
        }
    }

    /** The site's list: the published reports of this page, the pager's links, where to write one. */
    public record SiteList(List<Shown> reports, String previous, String next, String writeHref) {
    }

    /** The citizen's form: the values as typed, each field's message, the categories to pick from, a message above it. */
    public record Form(String action, Map<String, String> values, Map<String, String> errors, List<DeskFrame.Option> categories,
                       boolean consent, String general, String listHref) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    /** One of the citizen's own reports, with its unit and answer. */
    public record MineRow(String code, String unitName, String subject, String content, String category, String status, String statusLabel,
                          String answer, String asked, String answered, boolean consent, String publicHref) {
    }

    /** The citizen's own reports, and the code of the one just written (if any). */
    public record Mine(List<MineRow> reports, String justWritten, String sitesHref) {
    }

    /** A row of the desk's list. */
    public record DeskRow(String code, String href, String subject, String applicant, String category, String status, String statusLabel,
                          String asked) {
    }

    /** The desk's list: a page of the unit's reports, the status shown, the filter's options, the pager. */
    public record DeskList(List<DeskRow> reports, List<DeskFrame.Option> statuses, String action, String previous, String next) {
    }

    /** One report on the desk, with the answer form and whether it may be published (and by this person). */
    public record DeskOne(Report report, String category, String statusLabel, String asked, String answered, String published,
                          String action, String answerValue, String answerError, boolean mayAnswer, boolean mayPublish,
                          String publishBlocked, String listHref, String publicHref) {
    }

    static String categoryLabel(Messages t, String category) {
        return category == null ? null : t.text("category." + category);
    }

    static List<DeskFrame.Option> categories(Messages t, String chosen) {
        List<DeskFrame.Option> out = new java.util.ArrayList<>();
        out.add(new DeskFrame.Option("", t.text("form.categoryNone"), chosen == null || chosen.isEmpty()));
        Draft.CATEGORIES.forEach(c -> out.add(new DeskFrame.Option(c, t.text("category." + c), c.equals(chosen))));
        return out;
    }

    static String statusLabel(Messages t, String status) {
        return t.text("status." + status);
    }
}
