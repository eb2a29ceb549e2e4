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

    public static Result parse(String text) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<ObjectNode> out = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get()
                .parse(new StringReader(body))) {
            List<String> missing = COLUMNS.stream().filter(c -> !csv.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                add(problems, "header", "Thiếu cột: " + String.join(", ", missing) + ". / Missing columns: " + String.join(", ", missing) + ".");
                return new Result(List.of(), problems);
            }
            for (CSVRecord r : csv) {
                String at = "line " + (r.getRecordNumber() + 1);
                if (out.size() + problems.size() >= MAX_LINES) {
                    add(problems, "file", "Tối đa " + MAX_LINES + " thủ tục mỗi tệp. / At most " + MAX_LINES + " procedures per file.");
                    break;
                }
                if (!r.isConsistent()) {
                    add(problems, at, "Số cột không khớp dòng tiêu đề. / The number of columns does not match the header.");
                    continue;
                }
                ObjectNode d = line(r, at, problems);
                if (d != null) {
                    Map<String, List<String>> checked = Definitions.problems(d);
                    checked.forEach((k, v) -> v.forEach(m -> add(problems, at, k + ": " + m)));
                    if (checked.isEmpty()) {
                        out.add(d);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            add(problems, "file", "Không đọc được tệp CSV: " + e.getMessage() + " / The CSV file cannot be read.");
        }
        return new Result(out, problems);
    }

    private static ObjectNode line(CSVRecord r, String at, Map<String, List<String>> problems) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int before = count(problems);
        ObjectNode d = f.objectNode();
        d.put("code", v(r, "ma_thu_tuc"));
        d.put("name", v(r, "ten_thu_tuc"));
        d.put("sector", v(r, "linh_vuc"));
        String level = LEVELS.get(v(r, "cap_thuc_hien"));
        if (level == null) {
            add(problems, at, "cap_thuc_hien: tinh, huyen hoặc xa. / province, district or commune.");
        }
        d.put("level", level);
        String online = ONLINE.get(v(r, "muc_do"));
        if (online == null) {
            add(problems, at, "muc_do: toan_trinh hoặc mot_phan. / full or partial.");
        }
        d.put("onlineLevel", online);
        BigDecimal days = null;
        try {
            days = new BigDecimal(v(r, "thoi_han_ngay").replace(',', '.'));
        } catch (NumberFormatException e) {
            add(problems, at, "thoi_han_ngay: một số ngày làm việc, ví dụ 3 hoặc 0,5. / a number of working days.");
        }
        if (days != null) {
            d.put("timeLimitDays", days);
        }
        ArrayNode channels = d.putArray("channels");
        for (String c : v(r, "cach_thuc").split(";")) {
            String channel = CHANNELS.get(c.strip());
            if (channel == null) {
                add(problems, at, "cach_thuc: \"" + c.strip() + "\" không phải truc_tuyen, truc_tiep hay buu_chinh. / not a known channel.");
            } else if (!channels.toString().contains("\"" + channel + "\"")) {
                channels.add(channel);
            }
        }
        ArrayNode papers = d.putArray("papers");
        int n = 1;
        for (String p : v(r, "thanh_phan_ho_so").split(";")) {
            if (p.isBlank()) {
                continue;
            }
            String[] parts = p.split("\\|");
            ObjectNode paper = papers.addObject().put("id", "giay-to-" + n++).put("name", parts[0].strip());
            try {
                paper.put("originals", parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 1);
                paper.put("copies", parts.length > 2 ? Integer.parseInt(parts[2].strip()) : 0);
            } catch (NumberFormatException e) {
                add(problems, at, "thanh_phan_ho_so: \"" + p.strip() + "\": số bản chính, bản sao phải là số. / copies must be numbers.");
            }
        }
        ArrayNode fees = d.putArray("fees");
        for (String fee : v(r, "phi_le_phi").split(";")) {
            if (fee.isBlank()) {
                continue;
            }
            String[] parts = fee.split("\\|");
            try {
                fees.addObject().put("description", parts[0].strip()).put("amount", parts.length > 1 ? Long.parseLong(parts[1].strip().replace(".", "")) : 0);
            } catch (NumberFormatException e) {
                add(problems, at, "phi_le_phi: \"" + fee.strip() + "\": số tiền (đồng) phải là số. / the amount must be a number.");
            }
        }
        d.put("result", v(r, "ket_qua"));
        d.put("legalBasis", v(r, "can_cu_phap_ly"));
        ObjectNode form = d.putObject("form");
        ArrayNode fields = form.putArray("fields");
        fields.addObject().put("name", "fullName").put("label", "Họ và tên người yêu cầu").put("type", "text").put("required", true);
        fields.addObject().put("name", "idNumber").put("label", "Số định danh cá nhân (CCCD)").put("type", "idNumber").put("required", true);
        fields.addObject().put("name", "phone").put("label", "Số điện thoại").put("type", "phone");
        fields.addObject().put("name", "address").put("label", "Địa chỉ").put("type", "text").put("maxLength", 500);
        String process = v(r, "quy_trinh");
        if (!PROCESSES.contains(process)) {
            add(problems, at, "quy_trinh: mot_cap, lien_thong_huyen hoặc lien_thong_so. / a known process template.");
        } else if (days != null && days.signum() >= 0) {
            d.set("process", process(process, days));
        }
        return count(problems) == before ? d : null;
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

    private static String v(CSVRecord r, String column) {
        return Normalizer.normalize(r.get(column) == null ? "" : r.get(column).strip(), Normalizer.Form.NFC);
    }

    private static void add(Map<String, List<String>> problems, String at, String message) {
        problems.computeIfAbsent(at, k -> new ArrayList<>()).add(message);
    }

    private static int count(Map<String, List<String>> problems) {
        return problems.values().stream().mapToInt(List::size).sum();
    }
}
