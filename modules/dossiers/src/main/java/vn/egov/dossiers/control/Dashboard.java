package vn.egov.dossiers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;

/**
 * The leaders' dashboard: the figures of a unit's subtree for a period, one row per unit directly under the unit in
 * focus (each row the sum of that unit's whole subtree: a district with its communes) and one for the focus unit's
 * own dossiers; the month by month trend; the dossiers overdue now with the unit and the person holding each; and
 * the service-quality index of Decision 766/QĐ-TTg per row ({@link ServiceIndex}). The focus is the leader's unit, or a
 * unit of its subtree (a drill-down), never one outside it. Every query runs in the caller's scope (row-level
 * security); the dossiers counted are those the units received (a dossier's owner), as in {@link Statistics}.
 */
@ApplicationScoped
public class Dashboard {
    /** At most this many overdue dossiers are listed (all are counted). */
    public static final int OVERDUE_LISTED = 300;

    @Inject
    Db db;

    /** A unit of the tree. */
    public record Unit(long id, String code, String name, String path) {
    }

    /** A row's figures: {@code base} the one-stop counts; {@code own} when the row is the focus unit's own dossiers. */
    public record Line(Unit unit, boolean own, boolean hasBelow, Statistics.Row base, ServiceIndex.Counts counts, ServiceIndex.Score index) {
    }

    /** A month of the trend: dossiers received in it, results given in it early, on time and late. */
    public record Month(YearMonth month, long received, long early, long onTime, long late) {
    }

    /** A dossier overdue now: who received it, who holds it (unit and person) at which step, due when. */
    public record Overdue(String code, String procedure, String owner, String holder, String step, String assignee, LocalDate due, long daysLate) {
    }

    /** The whole dashboard: the way down from the leader's unit to the focus, the rows, their total, the months, the overdue list. */
    public record View(Unit scope, List<Unit> trail, Unit focus, LocalDate from, LocalDate to, List<Line> lines, Line total, List<Month> months,
                       List<Overdue> overdue, long overdueCount) {
    }

    /**
     * The dashboard of {@code scope}'s subtree (or of {@code scope} alone when {@code subtree} is false) focused on the
     * unit {@code within} (a code of the subtree; null for the scope itself): 404 for a unit outside it.
     */
    public View view(Tenant scope, boolean subtree, String within, LocalDate from, LocalDate to, LocalDate today) {
        // Row-level security adds "tenant_id = ANY (visible) OR parties && visible OR applicant" to every read of the
        // dossiers. The planner cannot estimate the overlap of the parties with an array it learns only at run time
        // and takes it for selective, so it ANDs a bitmap of the whole GIN index of parties (every dossier of a
        // province: about a second with 132,807 dossiers) to the bitmap of the overdue dossiers (a few thousand). With
        // bitmaps off for this transaction the overdue list reads its partial index (V8_50) and the counts one scan:
        // measured with modules/dossiers/bench/dashboard.sh (overdue list 1,069 ms to 77 ms; counts 3.5 s to 1.05 s);
        // a small subtree still reads its units' dossiers by index.
        db.update("SET LOCAL enable_bitmapscan = off");
        Unit top = new Unit(scope.getId(), scope.getCode(), scope.getName(), scope.getPath());
        Unit focus = focus(scope, top, subtree, within);
        List<Unit> trail = subtree ? db.list("SELECT t.id, t.code, t.name, t.path::text FROM tenant t WHERE t.path @> ?::ltree AND t.path <@ ?::ltree "
                + "ORDER BY nlevel(t.path)", Dashboard::unit, focus.path(), scope.getPath()) : List.of(top);
        // the units first, then one pass over their dossiers grouped by unit (see Statistics: a join misleads the planner)
        record Member(Unit unit, String status) {
        }
        List<Member> units = subtree ? db.list("SELECT t.id, t.code, t.name, t.path::text, t.status FROM tenant t WHERE t.path <@ ?::ltree ORDER BY t.path",
                rs -> new Member(unit(rs), rs.getString(5)), focus.path()) : List.of(new Member(top, "active"));
        Long[] ids = units.stream().map(m -> m.unit().id()).toArray(Long[]::new);
        Map<Long, ServiceIndex.Counts> figures = counts(ids, from, to, today);
        int depth = focus.path().split("\\.").length;
        Map<Long, Unit> byId = new HashMap<>();
        units.forEach(m -> byId.put(m.unit().id(), m.unit()));
        // each unit's counts go to its row: the focus's own, or the unit directly under the focus it belongs to
        Map<Long, ServiceIndex.Counts> rows = new LinkedHashMap<>();
        Map<Long, Boolean> below = new HashMap<>();
        rows.put(focus.id(), ServiceIndex.Counts.ZERO);
        for (Member m : units) {
            String[] labels = m.unit().path().split("\\.");
            if (labels.length > depth) {
                long child = Long.parseLong(labels[depth]);
                ServiceIndex.Counts c = figures.get(m.unit().id());
                if (c != null || ("active".equals(m.status()) && child == m.unit().id())) {
                    rows.merge(child, c == null ? ServiceIndex.Counts.ZERO : c, ServiceIndex.Counts::plus);
                }
                if (labels.length > depth + 1) {
                    below.put(child, true);
                }
            }
        }
        rows.merge(focus.id(), figures.getOrDefault(focus.id(), ServiceIndex.Counts.ZERO), ServiceIndex.Counts::plus);
        List<Line> lines = new ArrayList<>();
        ServiceIndex.Counts sum = ServiceIndex.Counts.ZERO;
        for (Map.Entry<Long, ServiceIndex.Counts> e : rows.entrySet()) {
            Unit u = byId.get(e.getKey());
            boolean own = e.getKey() == focus.id();
            if (own && e.getValue().base().received() + e.getValue().base().done() + e.getValue().base().inProgress() == 0 && rows.size() > 1) {
                continue; // the focus unit's own row only when it has dossiers of its own, or has no units below
            }
            lines.add(line(u, own, below.getOrDefault(e.getKey(), false), e.getValue()));
            sum = sum.plus(e.getValue());
        }
        lines.sort(java.util.Comparator.comparing((Line l) -> !l.own()).thenComparing(l -> l.unit().path()));
        Line total = line(focus, false, false, sum);
        return new View(top, trail, focus, from, to, List.copyOf(lines), total, months(ids, from, to), overdue(ids, today), total.base().overdueNow());
    }

    /** The unit {@code within} of the scope's subtree (the scope itself when none is named); 404 for any other. */
    private Unit focus(Tenant scope, Unit top, boolean subtree, String within) {
        if (within == null || within.isBlank() || within.strip().equals(scope.getCode())) {
            return top;
        }
        return (subtree ? db.one("SELECT t.id, t.code, t.name, t.path::text FROM tenant t WHERE t.code = ? AND t.path <@ ?::ltree AND t.id <> ?",
                Dashboard::unit, within.strip(), scope.getPath(), scope.getId()) : java.util.Optional.<Unit>empty())
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unitCode", within.strip()));
    }

    private static Line line(Unit u, boolean own, boolean hasBelow, ServiceIndex.Counts c) {
        Statistics.Row b = c.base();
        Statistics.Row row = new Statistics.Row(u.id(), u.code(), u.name(), b.received(), b.done(), b.early(), b.onTime(), b.late(), b.refused(),
                b.stopped(), b.inProgress(), b.overdueNow());
        return new Line(u, own, hasBelow, row, c, ServiceIndex.score(c));
    }

    private static Unit unit(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    /** Each unit's counts (units without a dossier are absent). */
    private Map<Long, ServiceIndex.Counts> counts(Long[] ids, LocalDate from, LocalDate to, LocalDate today) {
        Instant start = from.atStartOfDay(Intake.VIETNAM).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Intake.VIETNAM).toInstant();
        String doneDay = "(d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date";
        String received = "d.received_at >= ?1 AND d.received_at < ?2";
        String done = "d.status = 'done' AND d.finished_at >= ?1 AND d.finished_at < ?2";
        String finished = "d.finished_at >= ?1 AND d.finished_at < ?2";
        String sql = ("SELECT d.tenant_id, "
                + "count(*) FILTER (WHERE " + received + "), "
                + "count(*) FILTER (WHERE " + done + "), "
                + "count(*) FILTER (WHERE " + done + " AND " + doneDay + " < d.due_date), "
                + "count(*) FILTER (WHERE " + done + " AND " + doneDay + " = d.due_date), "
                + "count(*) FILTER (WHERE " + done + " AND " + doneDay + " > d.due_date), "
                + "count(*) FILTER (WHERE d.status = 'refused' AND " + finished + "), "
                + "count(*) FILTER (WHERE d.status = 'stopped' AND " + finished + "), "
                + "count(*) FILTER (WHERE d.received_at < ?2 AND (d.finished_at IS NULL OR d.finished_at >= ?2)), "
                + "count(*) FILTER (WHERE d.finished_at IS NULL AND d.paused_on IS NULL AND d.due_date < ?3), "
                + "count(*) FILTER (WHERE " + received + " AND d.channel = 'online'), "
                + "count(*) FILTER (WHERE " + received + " AND EXISTS (SELECT 1 FROM dossier_file f WHERE f.dossier_id = d.id AND f.kind = 'paper')), "
                + "count(*) FILTER (WHERE " + done + " AND EXISTS (SELECT 1 FROM dossier_file f WHERE f.dossier_id = d.id AND f.kind = 'result')), "
                + "count(p.id) FILTER (WHERE p.requested_at >= ?1 AND p.requested_at < ?2), "
                + "count(p.id) FILTER (WHERE p.requested_at >= ?1 AND p.requested_at < ?2 AND p.status = 'paid'), "
                + "count(*) FILTER (WHERE d.rated_at >= ?1 AND d.rated_at < ?2), "
                + "count(*) FILTER (WHERE d.rated_at >= ?1 AND d.rated_at < ?2 AND d.rating >= 4) "
                + "FROM dossier d LEFT JOIN dossier_payment p ON p.dossier_id = d.id WHERE d.tenant_id = ANY (?4) GROUP BY d.tenant_id");
        List<Object> params = new ArrayList<>();
        String numbered = number(sql, params, start, end, today, ids);
        Map<Long, ServiceIndex.Counts> figures = new HashMap<>();
        db.list(numbered, rs -> figures.put(rs.getLong(1), new ServiceIndex.Counts(
                new Statistics.Row(rs.getLong(1), "", "", rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10)),
                rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17))), params.toArray());
        return figures;
    }

    /** Replaces the numbered placeholders {@code ?1..?4} by plain ones, collecting their values in order. */
    static String number(String sql, List<Object> params, Object... values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                params.add(values[sql.charAt(i + 1) - '1']);
                out.append('?');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Received and results, month by month over the period (every month of it, empty ones too). */
    private List<Month> months(Long[] ids, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(Intake.VIETNAM).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Intake.VIETNAM).toInstant();
        Map<YearMonth, Month> found = new HashMap<>();
        db.list("SELECT m, sum(r), sum(e), sum(o), sum(l) FROM ("
                        + "SELECT to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') m, 1 r, 0 e, 0 o, 0 l FROM dossier d "
                        + "WHERE d.tenant_id = ANY (?) AND d.received_at >= ? AND d.received_at < ? "
                        + "UNION ALL SELECT to_char(d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM'), 0, "
                        + "(day < d.due_date)::int, (day = d.due_date)::int, (day > d.due_date)::int "
                        + "FROM dossier d, LATERAL (SELECT (d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day) x "
                        + "WHERE d.tenant_id = ANY (?) AND d.status = 'done' AND d.finished_at >= ? AND d.finished_at < ?) a GROUP BY m",
                rs -> found.put(YearMonth.parse(rs.getString(1)), new Month(YearMonth.parse(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5))), ids, start, end, ids, start, end);
        List<Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(found.getOrDefault(m, new Month(m, 0, 0, 0, 0)));
        }
        return months;
    }

    /** The dossiers overdue now, the longest overdue first: the unit and person holding each (the person's name where the scope reads it). */
    private List<Overdue> overdue(Long[] ids, LocalDate today) {
        return db.list("SELECT d.code, d.procedure_name, o.name, h.name, d.step_name, coalesce(u.display_name, d.assignee), d.due_date "
                        + "FROM dossier d JOIN tenant o ON o.id = d.tenant_id JOIN tenant h ON h.id = d.holder_id "
                        + "LEFT JOIN app_user u ON u.username = d.assignee "
                        + "WHERE d.tenant_id = ANY (?) AND d.finished_at IS NULL AND d.paused_on IS NULL AND d.due_date < ? "
                        + "ORDER BY d.due_date, d.code LIMIT " + OVERDUE_LISTED,
                rs -> {
                    LocalDate due = rs.getObject(7, LocalDate.class);
                    return new Overdue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), due,
                            java.time.temporal.ChronoUnit.DAYS.between(due, today));
                }, ids, today);
    }
}
