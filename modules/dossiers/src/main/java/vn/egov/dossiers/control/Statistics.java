package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * The one-stop figures of a unit, or of each unit of its subtree, for a period of days (in Vietnam): dossiers
 * received; results given early, on time and late against the due date (an apology's new date does not make a
 * late result on time); refusals and stops; dossiers still in progress at the period's end; dossiers overdue now;
 * and the on-time rate of the results. One SQL pass over the units' dossiers, in the caller's scope.
 */
@ApplicationScoped
public class Statistics {

    @Inject
    Db db;

    public record Row(long unitId, String unitCode, String unitName, long received, long done, long early, long onTime, long late, long refused,
                      long stopped, long inProgress, long overdueNow) {
        public Row {
            Objects.requireNonNull(unitCode, "unitCode");
        }

        /** Early and on-time results as a percentage of the results, one decimal; null without results. */
        public BigDecimal onTimeRate() {
            return done == 0 ? null : BigDecimal.valueOf((early + onTime) * 100L).divide(BigDecimal.valueOf(done), 1, RoundingMode.HALF_UP);
        }

        Row plus(Row o) {
            return new Row(0, unitCode, unitName, received + o.received, done + o.done, early + o.early, onTime + o.onTime, late + o.late,
                    refused + o.refused, stopped + o.stopped, inProgress + o.inProgress, overdueNow + o.overdueNow);
        }
    }

    /** A period of the figures: from its first day to its last, at most five years. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** The period written {@code dd/MM/yyyy} from and to; a 400 problem at the field when a day is unreadable or the period wrong. */
    public static Period period(String from, String to) {
        LocalDate f = day("from", from);
        LocalDate t = day("to", to);
        if (t.isBefore(f) || t.isAfter(f.plusYears(5))) {
            throw invalid("to", "problem.statsPeriod");
        }
        return new Period(f, t);
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip(), Intake.DAY);
        } catch (DateTimeParseException e) {
            throw invalid(field, "problem.dateForm");
        }
    }

    private static ProblemException invalid(String field, String key) {
        return new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidRequest",
                w -> w.text(key) + " " + w.text("problem.nothingChanged"), w -> Map.of(field, List.of(w.text(key)))));
    }

    public record Report(LocalDate from, LocalDate to, List<Row> units, Row total) {
    }

    /** The figures of {@code unit} (and, when {@code subtree}, of every unit under it, one row each). */
    public Report report(Tenant unit, boolean subtree, LocalDate from, LocalDate to, LocalDate today) {
        Instant start = from.atStartOfDay(Intake.VIETNAM).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Intake.VIETNAM).toInstant();
        // the finished day in Vietnam against the due date decides early / on time / late
        String doneDay = "(d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date";
        String inPeriod = "d.finished_at >= ? AND d.finished_at < ?";
        // the units first (a few hundred at most), then one pass over their dossiers grouped by unit: a single query
        // joining the two let the planner, misjudging how many units a subtree holds, repeat the row-security
        // filters' index scans over the whole table once per unit (over a minute with 140,000 dossiers)
        record Unit(long id, String code, String name, String status) {
        }
        List<Unit> units = db.list("SELECT t.id, t.code, t.name, t.status FROM tenant t WHERE "
                        + (subtree ? "t.path <@ (SELECT p.path FROM tenant p WHERE p.id = ?)" : "t.id = ?") + " ORDER BY t.path",
                rs -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), unit.getId());
        java.util.Map<Long, Row> figures = new java.util.HashMap<>();
        db.list("SELECT d.tenant_id, "
                        + "count(*) FILTER (WHERE d.received_at >= ? AND d.received_at < ?), "
                        + "count(*) FILTER (WHERE d.status = 'done' AND " + inPeriod + "), "
                        + "count(*) FILTER (WHERE d.status = 'done' AND " + inPeriod + " AND " + doneDay + " < d.due_date), "
                        + "count(*) FILTER (WHERE d.status = 'done' AND " + inPeriod + " AND " + doneDay + " = d.due_date), "
                        + "count(*) FILTER (WHERE d.status = 'done' AND " + inPeriod + " AND " + doneDay + " > d.due_date), "
                        + "count(*) FILTER (WHERE d.status = 'refused' AND " + inPeriod + "), "
                        + "count(*) FILTER (WHERE d.status = 'stopped' AND " + inPeriod + "), "
                        + "count(*) FILTER (WHERE d.received_at < ? AND (d.finished_at IS NULL OR d.finished_at >= ?)), "
                        + "count(*) FILTER (WHERE d.finished_at IS NULL AND d.paused_on IS NULL AND d.due_date < ?) "
                        + "FROM dossier d WHERE d.tenant_id = ANY (?) GROUP BY d.tenant_id",
                rs -> figures.put(rs.getLong(1), new Row(rs.getLong(1), "", "", rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10))),
                start, end, start, end, start, end, start, end, start, end, start, end, start, end, end, end, today,
                units.stream().map(Unit::id).toArray(Long[]::new));
        List<Row> rows = new ArrayList<>();
        for (Unit u : units) {
            Row f = figures.get(u.id());
            // a unit no longer active (merged, suspended) is listed while it has dossiers
            if (f != null || "active".equals(u.status())) {
                rows.add(f == null ? new Row(u.id(), u.code(), u.name(), 0, 0, 0, 0, 0, 0, 0, 0, 0)
                        : new Row(u.id(), u.code(), u.name(), f.received(), f.done(), f.early(), f.onTime(), f.late(), f.refused(), f.stopped(),
                        f.inProgress(), f.overdueNow()));
            }
        }
        // the total row's name is the reader's word for it (stats.total), written where the report is said
        Row total = new Row(0, "", "", 0, 0, 0, 0, 0, 0, 0, 0, 0);
        for (Row r : rows) {
            total = total.plus(r);
        }
        return new Report(from, to, List.copyOf(rows), total);
    }

    /**
     * The report as CSV in the reader's words ({@code w}: the dossiers' texts in a language; the columns' names and the
     * total row's), UTF-8 with a byte order mark, so that spreadsheet programs read the Vietnamese right.
     */
    public static String csv(Report report, vn.egov.platform.words.Words w) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        String[] header = java.util.stream.Stream.of("stats.csv.unitCode", "stats.unit", "stats.from", "stats.to", "stats.col.received",
                "stats.col.done", "stats.col.early", "stats.col.onTime", "stats.col.late", "stats.col.refused", "stats.col.stopped",
                "stats.col.inProgress", "stats.col.overdueNow", "stats.csv.rate").map(w::text).toArray(String[]::new);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            List<Row> all = new ArrayList<>(report.units());
            all.add(report.total());
            for (Row r : all) {
                csv.printRecord(r.unitCode(), r == report.total() ? w.text("stats.total") : r.unitName(), Intake.DAY.format(report.from()),
                        Intake.DAY.format(report.to()), r.received(), r.done(), r.early(), r.onTime(), r.late(), r.refused(), r.stopped(),
                        r.inProgress(), r.overdueNow(), r.onTimeRate() == null ? "" : r.onTimeRate().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
