package vn.egov.procedures.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A catalogue as a spreadsheet exports it: one procedure per line with the fields the national catalogue lists,
 * and, for what a spreadsheet cannot hold, named process templates (one-level handling at the unit, or a transfer
 * to the district or to a department) and the common applicant's form. Each line becomes a procedure definition
 * in the import's own format, checked like any import (schema and semantics); a line's problems name the line.
 *
 * <p>Columns (a header line, UTF-8, comma separated): {@code ma_thu_tuc, ten_thu_tuc, linh_vuc, cap_thuc_hien}
 * (tinh|huyen|xa), {@code muc_do} (toan_trinh|mot_phan), {@code thoi_han_ngay} (working days, halves allowed),
 * {@code cach_thuc} (truc_tuyen;truc_tiep;buu_chinh), {@code thanh_phan_ho_so} ("name|originals|copies" separated by
 * ";"), {@code phi_le_phi} ("description|amount in đồng" separated by ";", empty if none), {@code ket_qua},
 * {@code can_cu_phap_ly}, {@code quy_trinh} (mot_cap|lien_thong_huyen|lien_thong_so).
 */
public final class CatalogueCsv {
    static final List<String> COLUMNS = List.of("ma_thu_tuc", "ten_thu_tuc", "linh_vuc", "cap_thuc_hien", "muc_do", "thoi_han_ngay", "cach_thuc",
            "thanh_phan_ho_so", "phi_le_phi", "ket_qua", "can_cu_phap_ly", "quy_trinh");
    static final Map<String, String> LEVELS = Map.of("tinh", "province", "huyen", "district", "xa", "commune");
    static final Map<String, String> ONLINE = Map.of("toan_trinh", "full", "mot_phan", "partial");
    static final Map<String, String> CHANNELS = Map.of("truc_tuyen", "online", "truc_tiep", "counter", "buu_chinh", "post");
    static final Set<String> PROCESSES = Set.of("mot_cap", "lien_thong_huyen", "lien_thong_so");
    static final int MAX_LINES = 5000;

    public record Result(List<ObjectNode> procedures, Map<String, List<String>> problems) {
    }

    private CatalogueCsv() {
    }

    /** The procedures of {@code text}, or its problems in Vietnamese. */
    public static Result parse(String text) {
        return parse(text, Wording.VIETNAMESE);
    }

    /** The procedures of {@code text}, or its problems (by line, or "header" or "file") said with {@code say}. */
    public static Result parse(String text, Wording say) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<ObjectNode> out = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get()
                .parse(new StringReader(body))) {
            List<String> missing = COLUMNS.stream().filter(c -> !csv.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                add(problems, "header", say.text("csv.missingColumns", String.join(", ", missing)));
                return new Result(List.of(), problems);
            }
            for (CSVRecord r : csv) {
                String at = "line " + (r.getRecordNumber() + 1);
                if (out.size() + problems.size() >= MAX_LINES) {
                    add(problems, "file", say.text("csv.tooMany", MAX_LINES));
                    break;
                }
                if (!r.isConsistent()) {
                    add(problems, at, say.text("csv.columnCount"));
                    continue;
                }
                ObjectNode d = line(new Line(r, at, problems, say));
                if (d != null) {
                    Map<String, List<String>> checked = Definitions.problems(d, say);
                    checked.forEach((k, v) -> v.forEach(m -> add(problems, at, k + ": " + m)));
                    if (checked.isEmpty()) {
                        out.add(d);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            add(problems, "file", say.text("csv.unreadable", e.getMessage()));
        }
        return new Result(out, problems);
    }

    /** One line being read: its record, where it is, and where its problems go. */
    private record Line(CSVRecord r, String at, Map<String, List<String>> problems, Wording say) {
        /** The column's value, stripped, in NFC. */
        String v(String column) {
            return Normalizer.normalize(r.get(column) == null ? "" : r.get(column).strip(), Normalizer.Form.NFC);
        }

        void problem(String key, Object... args) {
            add(problems, at, say.text(key, args));
        }
    }

    /** The line as a procedure definition in the import's format, or null if it has problems of its own. */
    private static ObjectNode line(Line l) {
        int before = count(l.problems());
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("code", l.v("ma_thu_tuc"));
        d.put("name", l.v("ten_thu_tuc"));
        d.put("sector", l.v("linh_vuc"));
        d.put("level", oneOf(l, LEVELS, "cap_thuc_hien", "csv.level"));
        d.put("onlineLevel", oneOf(l, ONLINE, "muc_do", "csv.onlineLevel"));
        BigDecimal days = timeLimit(l);
        if (days != null) {
            d.put("timeLimitDays", days);
        }
        channels(l, d.putArray("channels"));
        papers(l, d.putArray("papers"));
        fees(l, d.putArray("fees"));
        d.put("result", l.v("ket_qua"));
        d.put("legalBasis", l.v("can_cu_phap_ly"));
        applicantForm(d.putObject("form"));
        String process = l.v("quy_trinh");
        if (!PROCESSES.contains(process)) {
            l.problem("csv.process");
        } else if (days != null && days.signum() >= 0) {
            d.set("process", process(process, days));
        }
        return count(l.problems()) == before ? d : null;
    }

    /** The import's word for the column's value (null, and a problem, if it is none of {@code words}). */
    private static String oneOf(Line l, Map<String, String> words, String column, String problem) {
        String word = words.get(l.v(column));
        if (word == null) {
            l.problem(problem);
        }
        return word;
    }

    /** The time limit in working days ("3", "0,5" or "0.5"), or null and a problem. */
    private static BigDecimal timeLimit(Line l) {
        try {
            return new BigDecimal(l.v("thoi_han_ngay").replace(',', '.'));
        } catch (NumberFormatException e) {
            l.problem("csv.timeLimit");
            return null;
        }
    }

    /** Each known channel once. */
    private static void channels(Line l, ArrayNode channels) {
        for (String c : l.v("cach_thuc").split(";")) {
            String channel = CHANNELS.get(c.strip());
            if (channel == null) {
                l.problem("csv.channel", c.strip());
            } else if (!channels.toString().contains("\"" + channel + "\"")) {
                channels.add(channel);
            }
        }
    }

    /** "name|originals|copies" separated by ";" (one original and no copy if not said), numbered giay-to-1, -2… */
    private static void papers(Line l, ArrayNode papers) {
        int n = 1;
        for (String p : l.v("thanh_phan_ho_so").split(";")) {
            if (p.isBlank()) {
                continue;
            }
            String[] parts = p.split("\\|");
            ObjectNode paper = papers.addObject().put("id", "giay-to-" + n++).put("name", parts[0].strip());
            try {
                paper.put("originals", parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 1);
                paper.put("copies", parts.length > 2 ? Integer.parseInt(parts[2].strip()) : 0);
            } catch (NumberFormatException e) {
                l.problem("csv.paperCopies", p.strip());
            }
        }
    }

    /** "description|amount in đồng" separated by ";" (the amount may have thousands dots: 75.000). */
    private static void fees(Line l, ArrayNode fees) {
        for (String fee : l.v("phi_le_phi").split(";")) {
            if (fee.isBlank()) {
                continue;
            }
            String[] parts = fee.split("\\|");
            try {
                fees.addObject().put("description", parts[0].strip()).put("amount", parts.length > 1 ? Long.parseLong(parts[1].strip().replace(".", "")) : 0);
            } catch (NumberFormatException e) {
                l.problem("csv.feeAmount", fee.strip());
            }
        }
    }

    /** The common applicant's form: name, personal id number, phone and address. */
    private static void applicantForm(ObjectNode form) {
        ArrayNode fields = form.putArray("fields");
        fields.addObject().put("name", "fullName").put("label", "Họ và tên người yêu cầu").put("type", "text").put("required", true);
        fields.addObject().put("name", "idNumber").put("label", "Số định danh cá nhân (CCCD)").put("type", "idNumber").put("required", true);
        fields.addObject().put("name", "phone").put("label", "Số điện thoại").put("type", "phone");
        fields.addObject().put("name", "address").put("label", "Địa chỉ").put("type", "text").put("maxLength", 500);
    }

    /**
     * A template process within the time limit: received and returned the same day; the limit shared between the
     * handling (and, for a transfer, the other agency) and the leader's signature.
     */
    static ObjectNode process(String template, BigDecimal limit) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal sign = limit.compareTo(BigDecimal.ONE) >= 0 ? half : BigDecimal.ZERO;
        BigDecimal rest = limit.subtract(sign);
        // the other agency's share: half the rest, in half days, rounded down
        BigDecimal other = template.equals("mot_cap") ? BigDecimal.ZERO : rest.setScale(0, java.math.RoundingMode.FLOOR).multiply(half);
        BigDecimal handle = rest.subtract(other);
        ObjectNode p = f.objectNode().put("start", "tiep-nhan");
        ArrayNode steps = p.putArray("steps");
        ArrayNode t = p.putArray("transitions");
        steps.addObject().put("id", "tiep-nhan").put("name", "Tiếp nhận hồ sơ").put("role", "RECEIVER").put("days", 0);
        steps.addObject().put("id", "xu-ly").put("name", "Thẩm định, xử lý hồ sơ").put("role", "HANDLER").put("days", handle);
        steps.addObject().put("id", "bo-sung").put("name", "Chờ người nộp bổ sung").put("role", "APPLICANT").put("pausesClock", true);
        steps.addObject().put("id", "ky").put("name", "Lãnh đạo ký duyệt").put("role", "LEADER").put("days", sign);
        steps.addObject().put("id", "tra").put("name", "Trả kết quả").put("role", "RECEIVER").put("days", 0).put("end", true);
        t.addObject().put("from", "tiep-nhan").put("to", "xu-ly");
        t.addObject().put("from", "xu-ly").put("to", "bo-sung").put("name", "Yêu cầu bổ sung");
        t.addObject().put("from", "bo-sung").put("to", "xu-ly");
        if (template.equals("mot_cap")) {
            t.addObject().put("from", "xu-ly").put("to", "ky");
        } else {
            String name = template.equals("lien_thong_huyen") ? "Cơ quan cấp huyện giải quyết" : "Sở, ngành giải quyết";
            steps.addObject().put("id", "lien-thong").put("name", name).put("role", "OTHER_AGENCY").put("days", other);
            t.addObject().put("from", "xu-ly").put("to", "lien-thong").put("name", "Chuyển liên thông");
            t.addObject().put("from", "lien-thong").put("to", "ky");
        }
        t.addObject().put("from", "ky").put("to", "tra");
        return p;
    }

    private static void add(Map<String, List<String>> problems, String at, String message) {
        problems.computeIfAbsent(at, k -> new ArrayList<>()).add(message);
    }

    private static int count(Map<String, List<String>> problems) {
        return problems.values().stream().mapToInt(List::size).sum();
    }
}
