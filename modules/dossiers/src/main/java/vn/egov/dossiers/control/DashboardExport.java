package vn.egov.dossiers.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.egov.platform.words.Words;

/**
 * The dashboard's rows (and their total) as a file, in the reader's words: CSV (UTF-8 with a byte order mark, so that
 * spreadsheet programs read the Vietnamese right) or an Excel workbook (.xlsx: the rows, the months, the overdue
 * dossiers, one sheet each). Numbers are numbers (not in a language's form), a component of the index not known is empty.
 */
public final class DashboardExport {

    private DashboardExport() {
    }

    /** The columns' headings of the rows. */
    static List<String> header(Words w) {
        List<String> h = new ArrayList<>(Stream.of("stats.csv.unitCode", "stats.unit", "stats.from", "stats.to", "stats.col.received",
                "stats.col.done", "stats.col.early", "stats.col.onTime", "stats.col.late", "stats.col.refused", "stats.col.stopped",
                "stats.col.inProgress", "stats.col.overdueNow", "stats.csv.rate").map(w::text).toList());
        ServiceIndex.KEYS.forEach(k -> h.add(w.text("index." + k)));
        h.add(w.text("index.points"));
        h.add(w.text("index.knownMax"));
        return h;
    }

    /** A row's cells: texts, longs and decimals (null: empty). */
    static List<Object> cells(Dashboard.View v, Dashboard.Line l, Words w) {
        Statistics.Row r = l.base();
        String name = l == v.total() ? w.text("stats.total") : l.own() ? w.text("dash.own", r.unitName()) : r.unitName();
        List<Object> c = new ArrayList<>(List.of(r.unitCode(), name, Intake.DAY.format(v.from()), Intake.DAY.format(v.to()), r.received(), r.done(),
                r.early(), r.onTime(), r.late(), r.refused(), r.stopped(), r.inProgress(), r.overdueNow()));
        c.add(r.onTimeRate());
        l.index().components().forEach(k -> c.add(k.points()));
        c.add(l.index().points());
        c.add((long) l.index().knownMax());
        return c;
    }

    static List<Dashboard.Line> all(Dashboard.View v) {
        List<Dashboard.Line> all = new ArrayList<>(v.lines());
        all.add(v.total());
        return all;
    }

    public static String csv(Dashboard.View v, Words w) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header(w).toArray(String[]::new)).get())) {
            for (Dashboard.Line l : all(v)) {
                csv.printRecord(cells(v, l, w).stream().map(o -> o == null ? "" : o instanceof BigDecimal d ? d.toPlainString() : o).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static byte[] xlsx(Dashboard.View v, Words w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook book = new Workbook(out, "egov", "1.0");
            Worksheet units = book.newWorksheet(w.text("dash.sheet.units"));
            row(units, 0, new ArrayList<>(header(w)));
            int i = 1;
            for (Dashboard.Line l : all(v)) {
                row(units, i++, cells(v, l, w));
            }
            Worksheet months = book.newWorksheet(w.text("dash.sheet.months"));
            row(months, 0, List.of(w.text("dash.month"), w.text("stats.col.received"), w.text("stats.col.early"), w.text("stats.col.onTime"),
                    w.text("stats.col.late")));
            i = 1;
            for (Dashboard.Month m : v.months()) {
                row(months, i++, List.of(String.format("%02d/%d", m.month().getMonthValue(), m.month().getYear()), m.received(), m.early(),
                        m.onTime(), m.late()));
            }
            Worksheet overdue = book.newWorksheet(w.text("dash.sheet.overdue"));
            row(overdue, 0, Stream.of("dash.od.code", "dash.od.procedure", "dash.od.owner", "dash.od.holder", "dash.od.step", "dash.od.assignee",
                    "dash.od.due", "dash.od.days").map(w::text).map(Object.class::cast).toList());
            i = 1;
            for (Dashboard.Overdue o : v.overdue()) {
                row(overdue, i++, List.of(o.code(), o.procedure(), o.owner(), o.holder(), o.step(), o.assignee() == null ? "" : o.assignee(),
                        Intake.DAY.format(o.due()), o.daysLate()));
            }
            book.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void row(Worksheet s, int r, List<?> cells) {
        for (int c = 0; c < cells.size(); c++) {
            Object o = cells.get(c);
            if (o instanceof String t) {
                s.value(r, c, t);
            } else if (o instanceof Long n) {
                s.value(r, c, n);
            } else if (o instanceof BigDecimal d) {
                s.value(r, c, d);
            }
        }
        if (r == 0) {
            s.range(0, 0, 0, cells.size() - 1).style().bold().set();
        }
    }
}
