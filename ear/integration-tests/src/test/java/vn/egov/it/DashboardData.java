package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dossiers in realistic states for the leaders' dashboard, in several new communes of two new districts of the
 * province: received, in progress, finished early, on time and late, overdue now (held by a named person), refused;
 * some received and finished weeks ago, so that the months differ. And the figures the dashboard should show,
 * counted here with SQL of the test's own as the administrative login (a superuser, which row-level security does not bind).
 */
final class DashboardData {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    final String stamp = UUID.randomUUID().toString().substring(0, 6);
    final String districtA = "huyen-bd-a-" + stamp;
    final String districtB = "huyen-bd-b-" + stamp;
    /** commune code → its district. */
    final Map<String, String> communes = new LinkedHashMap<>();
    final Map<String, String> staff = new LinkedHashMap<>();
    final List<String> overdue = new ArrayList<>();
    final LocalDate today = LocalDate.now(VIETNAM);
    /** The period asked for: the last 100 days. */
    final LocalDate from = today.minusDays(100);
    final String procedure = ProceduresIT.code();
    final String citizen = Fixtures.user(Fixtures.COMMUNE, false, "CITIZEN");

    DashboardData() throws Exception {
        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        assertEquals(200, province.post("/api/t/" + Fixtures.PROVINCE + "/procedures/import", "[" + ProcessingIT.definition(procedure) + "]").status());
        communes.put("xa-bd-a1-" + stamp, districtA);
        communes.put("xa-bd-a2-" + stamp, districtA);
        communes.put("xa-bd-b1-" + stamp, districtB);
        String unit = "{\"parent\":\"%s\",\"unit\":{\"code\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\",\"firstAdmin\":{\"username\":\"qt.%s\",\"displayName\":\"QT\"}}}";
        List<String> batch = new ArrayList<>();
        batch.add(unit.formatted(Fixtures.PROVINCE, districtA, "Huyện Bảng A " + stamp, "district", districtA));
        batch.add(unit.formatted(Fixtures.PROVINCE, districtB, "Huyện Bảng B " + stamp, "district", districtB));
        communes.forEach((c, d) -> batch.add(unit.formatted(d, c, "Xã Bảng " + c, "commune", c)));
        Api.Response made = province.post("/api/t/" + Fixtures.PROVINCE + "/units/batch", "[" + String.join(",", batch) + "]");
        assertEquals(200, made.status(), made.toString());
        int n = 0;
        for (String c : communes.keySet()) {
            assertEquals(201, PortalIT.as(c, "UNIT_ADMIN").put("/api/t/" + c + "/procedures/adopted/" + procedure, "").status());
            String person = Fixtures.oneStop(c);
            staff.put(c, person);
            Api api = Api.as(person, Fixtures.PASSWORD);
            // each commune a different mix: commune n has n+1 of some states
            for (int i = 0; i <= n; i++) {
                submit(c); // received
                move(api, c, submit(c)); // in progress
                result(person, api, c, submit(c), 0, 0); // early
                overdue.add(overdue(api, c, submit(c), person));
            }
            result(person, api, c, submit(c), 1, 0); // on time
            result(person, api, c, submit(c), 2, 0); // late
            result(person, api, c, submit(c), 0, 40); // early, received and finished 40 days ago
            result(person, api, c, submit(c), 2, 70); // late, 70 days ago
            String refused = submit(c);
            move(api, c, refused);
            assertEquals(200, api.post(ProcessingIT.path(c, refused) + "/refusal", "{\"reason\":\"Không thuộc thẩm quyền\"}").status());
            n++;
        }
    }

    String submit(String commune) throws Exception {
        HttpResponse<String> r = DossiersIT.submit(citizen, commune, procedure, "{\"fullName\":\"Lù Thị Mai\"}", Map.of("to-khai", DossiersIT.PDF));
        assertEquals(201, r.statusCode(), r.body());
        return DossiersIT.json(r.body()).getString("code");
    }

    static void move(Api api, String commune, String code) {
        ProcessingIT.move(api, commune, code, "{\"to\":\"tham-dinh\"}");
    }

    /** In progress with a person named as its holder, its due date three days ago. */
    static String overdue(Api api, String commune, String code, String person) {
        ProcessingIT.move(api, commune, code, "{\"to\":\"tham-dinh\",\"assignee\":\"" + person + "\"}");
        ProcessingIT.admin("UPDATE dossier SET due_date = current_date - 3 WHERE code = '" + code + "'");
        return code;
    }

    /**
     * A result; then its due date set to the finished day ({@code kind} 1: on time), two days before it (2: late) or
     * left in the future (0: early); and the whole dossier moved {@code daysAgo} back in time.
     */
    static void result(String person, Api api, String commune, String code, int kind, int daysAgo) throws Exception {
        move(api, commune, code);
        assertEquals(200, ProcessingIT.multipart(person, ProcessingIT.path(commune, code) + "/result", Map.of(), Map.of("result", DossiersIT.PDF)).statusCode());
        String finishedDay = "(finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date";
        if (kind == 1) {
            ProcessingIT.admin("UPDATE dossier SET due_date = " + finishedDay + " WHERE code = '" + code + "'");
        } else if (kind == 2) {
            ProcessingIT.admin("UPDATE dossier SET due_date = " + finishedDay + " - 2 WHERE code = '" + code + "'");
        }
        if (daysAgo > 0) {
            ProcessingIT.admin("UPDATE dossier SET received_at = received_at - interval '" + daysAgo + " days', finished_at = finished_at - interval '"
                    + daysAgo + " days', due_date = due_date - " + daysAgo + " WHERE code = '" + code + "'");
        }
    }

    String period() {
        return "from=" + DAY.format(from) + "&to=" + DAY.format(today);
    }

    /** The figures the dashboard should show for the subtree of {@code unit}, over the period, counted here. */
    Map<String, Long> expected(String unit) throws Exception {
        return expected(unit, from, today);
    }

    /** The same over the days {@code first} to {@code last}. */
    static Map<String, Long> expected(String unit, LocalDate first, LocalDate last) throws Exception {
        String start = "'" + first + "'::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'";
        String end = "'" + last.plusDays(1) + "'::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'";
        String finishedDay = "(d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date";
        String resultIn = "d.status = 'done' AND d.finished_at >= " + start + " AND d.finished_at < " + end;
        String sql = "SELECT count(*) FILTER (WHERE d.received_at >= " + start + " AND d.received_at < " + end + ") AS received, "
                + "count(*) FILTER (WHERE " + resultIn + ") AS done, "
                + "count(*) FILTER (WHERE " + resultIn + " AND " + finishedDay + " < d.due_date) AS early, "
                + "count(*) FILTER (WHERE " + resultIn + " AND " + finishedDay + " = d.due_date) AS \"onTime\", "
                + "count(*) FILTER (WHERE " + resultIn + " AND " + finishedDay + " > d.due_date) AS late, "
                + "count(*) FILTER (WHERE d.status = 'refused' AND d.finished_at >= " + start + " AND d.finished_at < " + end + ") AS refused, "
                + "count(*) FILTER (WHERE d.status = 'stopped' AND d.finished_at >= " + start + " AND d.finished_at < " + end + ") AS stopped, "
                + "count(*) FILTER (WHERE d.received_at < " + end + " AND (d.finished_at IS NULL OR d.finished_at >= " + end + ")) AS \"inProgress\", "
                + "count(*) FILTER (WHERE d.status NOT IN ('done', 'refused', 'stopped') AND d.paused_on IS NULL AND d.due_date < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS \"overdueNow\", "
                + "count(*) FILTER (WHERE d.channel = 'online' AND d.received_at >= " + start + " AND d.received_at < " + end + ") AS online "
                + "FROM dossier d JOIN tenant t ON t.id = d.tenant_id WHERE t.path <@ (SELECT path FROM tenant WHERE code = ?)";
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = Fixtures.db().server().admin(ItEnvironment.platform().settings().database()); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, unit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.put(rs.getMetaData().getColumnLabel(i), rs.getLong(i));
                }
            }
        }
        return out;
    }

    /** The dossiers of the subtree of {@code unit} received in each month of the period ("2026-10" → n), counted here. */
    Map<String, Long> receivedByMonth(String unit) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = Fixtures.db().server().admin(ItEnvironment.platform().settings().database());
             PreparedStatement ps = c.prepareStatement("SELECT to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM'), count(*) FROM dossier d "
                     + "JOIN tenant t ON t.id = d.tenant_id WHERE t.path <@ (SELECT path FROM tenant WHERE code = ?) "
                     + "AND (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ? AND ? GROUP BY 1")) {
            ps.setString(1, unit);
            ps.setObject(2, from);
            ps.setObject(3, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}
