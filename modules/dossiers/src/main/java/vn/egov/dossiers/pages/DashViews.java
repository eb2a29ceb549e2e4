package vn.egov.dossiers.pages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.egov.dossiers.control.Dashboard;
import vn.egov.dossiers.control.Intake;
import vn.egov.dossiers.control.ServiceIndex;
import vn.egov.dossiers.control.Statistics;
import vn.egov.platform.web.pages.Locales;

/**
 * What {@code stats.jte} (the leaders' dashboard) shows, made from {@link Dashboard.View}: every number written in
 * the page's language's form (1.234 and 12,5 in Vietnamese) beside its plain value, which the columns sort by and the
 * charts draw.
 */
public final class DashViews {
    /** The columns of the figures, in order (their headings are the bundle's {@code stats.col.*}). */
    public static final List<String> COLUMNS = List.of("received", "done", "early", "onTime", "late", "refused", "stopped", "inProgress", "overdueNow");

    private DashViews() {
    }

    /** A number as shown ({@code text}) and as sorted and drawn ({@code value}; empty when not known). */
    public record Num(String text, String value) {
    }

    /** A row of the figures: its unit, a link down to its units when it has any, its numbers, the on-time rate. */
    public record Row(String code, String name, boolean own, String href, List<Num> counts, Num rate) {
    }

    /** A row of the index: each component's points (or "not known"), the known points and their maximum. */
    public record IndexRow(String name, boolean own, List<Num> components, Num points, String knownMax) {
    }

    /** How each component was computed (the first row's parts over its wholes) or why it is not known. */
    public record Method(String key, int max, String why) {
    }

    /** A month of the trend. */
    public record Month(String label, List<Num> counts) {
    }

    /** A unit on the way from the leader's unit down to the one in focus. */
    public record Crumb(String name, String href) {
    }

    /** The whole page ({@code error}: a refused period or unit, then nothing else). */
    public record View(String year, List<String> years, String from, String to, String error, List<Crumb> trail, String focus, String within, String csvHref,
                       String xlsxHref, String apiHref, List<String> columns, List<Row> rows, Row total, List<IndexRow> index, IndexRow indexTotal,
                       List<Method> methods, List<Month> months, List<Dashboard.Overdue> overdue, String overdueCount, boolean overdueCut) {
    }

    static View refused(String year, List<String> years, String from, String to, String error) {
        return new View(year, years, from, to, error, List.of(), "", null, null, null, null, COLUMNS, List.of(), null, List.of(), null, List.of(),
                List.of(), List.of(), "0", false);
    }

    /** Formats numbers in one language. */
    record Form(Locale locale) {
        static Form of(boolean english) {
            return new Form(english ? Locale.ENGLISH : Locales.VIETNAMESE);
        }

        Num n(long n) {
            return new Num(NumberFormat.getIntegerInstance(locale).format(n), Long.toString(n));
        }

        Num d(BigDecimal d, String suffix, String unknown) {
            if (d == null) {
                return new Num(unknown, "");
            }
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMinimumFractionDigits(1);
            f.setMaximumFractionDigits(1);
            return new Num(f.format(d) + suffix, d.toPlainString());
        }
    }

    static Row row(Form f, Dashboard.Line l, String name, String href, String unknown) {
        Statistics.Row r = l.base();
        List<Num> counts = new ArrayList<>();
        for (long n : new long[] {r.received(), r.done(), r.early(), r.onTime(), r.late(), r.refused(), r.stopped(), r.inProgress(), r.overdueNow()}) {
            counts.add(f.n(n));
        }
        return new Row(r.unitCode(), name, l.own(), href, counts, f.d(r.onTimeRate(), "%", unknown));
    }

    static IndexRow index(Form f, Dashboard.Line l, String name, String unknown) {
        List<Num> parts = l.index().components().stream().map(c -> f.d(c.points(), "", unknown)).toList();
        return new IndexRow(name, l.own(), parts, f.d(l.index().points(), "", unknown), Integer.toString(l.index().knownMax()));
    }

    static Month month(Form f, Dashboard.Month m) {
        return new Month(String.format("%02d/%d", m.month().getMonthValue(), m.month().getYear()),
                List.of(f.n(m.received()), f.n(m.early()), f.n(m.onTime()), f.n(m.late())));
    }

    static List<Method> methods(ServiceIndex.Score total) {
        return total.components().stream().map(c -> new Method(c.key(), c.max(), c.known() ? null : c.why())).toList();
    }

    static String day(java.time.LocalDate d) {
        return Intake.DAY.format(d);
    }
}
