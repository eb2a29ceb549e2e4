package vn.egov.tenantadmin.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A reorganisation plan: a title, operations carried out in order, and the {@code basis} (the version of every
 * unit it refers to, as a dry-run saw them) that makes applying it refuse when someone changed a unit meanwhile.
 * The same plan comes as JSON or, for people, as CSV with one operation per line:
 * <pre>
 * operation,units,target,parent,code,name,kind
 * merge,xa-a;xa-b,xa-c,,,,                 merge A and B into the existing C
 * merge,xa-a;xa-b,,huyen-x,xa-moi,Xã Mới,commune   ... into a new unit (parent: that of the first, if empty)
 * move,xa-a,,huyen-y,,,                     move A (with its subtree) under Y
 * rename,xa-a,,,xa-a-moi,Xã A Mới,           new code and/or name
 * dissolve,huyen-x,,,,,                     end a level: its sub-units move up to its parent
 * merge-provinces,tinh-a;tinh-b,,,tinh-moi,Tỉnh Mới,province
 * </pre>
 * In JSON: {@code {"title": "...", "operations": [{"op": "merge", "units": [...], "into": "code" | {"code",
 * "name", "kind", "parent"}}, {"op": "move", "unit", "parent"}, {"op": "rename", "unit", "code", "name"},
 * {"op": "dissolve", "unit"}, {"op": "merge-provinces", "units": [...], "into": {"code", "name"}}],
 * "basis": {"code": version}}}. Parsing only checks the shape; {@link Reorganiser} checks the plan against the tree.
 */
public record ReorgPlan(String title, List<Operation> operations, Map<String, Integer> basis) {
    public ReorgPlan {
        Objects.requireNonNull(title, "title");
        operations = List.copyOf(operations);
        basis = basis == null ? Map.of() : Map.copyOf(basis);
    }

    /** One step; {@code line} is where it stands (its position in JSON, its line in CSV), for messages. */
    public sealed interface Operation permits Merge, Move, Rename, Dissolve, MergeProvinces {
        int line();
    }

    /** A unit the plan creates. {@code parent} may be null (then: the parent of the first merged unit). */
    public record NewUnit(String code, String name, String kind, String parent) {
    }

    /** Merge {@code units} into the existing unit {@code into}, or into {@code newUnit}. */
    public record Merge(int line, List<String> units, String into, NewUnit newUnit) implements Operation {
        public Merge {
            units = List.copyOf(units);
        }
    }

    public record Move(int line, String unit, String parent) implements Operation {
    }

    public record Rename(int line, String unit, String code, String name) implements Operation {
    }

    public record Dissolve(int line, String unit) implements Operation {
    }

    public record MergeProvinces(int line, List<String> units, NewUnit into) implements Operation {
        public MergeProvinces {
            units = List.copyOf(units);
        }
    }

    /** A plan that could not be read, with every bad line. */
    public static final class Unreadable extends Exception {
        private final List<UnitCsvPlan.LineError> errors;

        Unreadable(List<UnitCsvPlan.LineError> errors) {
            super(errors.size() + " bad line(s)");
            this.errors = List.copyOf(errors);
        }

        public List<UnitCsvPlan.LineError> errors() {
            return errors;
        }
    }

    /** The basis as one string, {@code code:version,code:version} (for a CSV plan's query parameter or the CLI). */
    public static String basisToken(JsonObject basis) {
        StringBuilder b = new StringBuilder();
        basis.forEach((code, v) -> b.append(b.length() == 0 ? "" : ",").append(code).append(':').append(v));
        return b.toString();
    }

    /**
     * Reads a {@link #basisToken}; empty for null or blank.
     *
     * @throws IllegalArgumentException naming the part that is not {@code code:version}
     */
    public static Map<String, Integer> parseBasisToken(String token) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (token == null || token.isBlank()) {
            return out;
        }
        for (String part : token.split(",")) {
            int colon = part.lastIndexOf(':');
            try {
                out.put(part.substring(0, colon).strip(), Integer.parseInt(part.substring(colon + 1).strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(part, e);
            }
        }
        return out;
    }

    static final List<String> CSV_COLUMNS = List.of("operation", "units", "target", "parent", "code", "name", "kind");

    public static ReorgPlan fromJson(JsonObject json) throws Unreadable {
        List<UnitCsvPlan.LineError> errors = new ArrayList<>();
        String title = text(json, "title");
        JsonValue ops = json.get("operations");
        if (!(ops instanceof JsonArray array) || array.isEmpty()) {
            throw new Unreadable(List.of(new UnitCsvPlan.LineError(0,
                    "Kế hoạch cần danh sách \"operations\" không rỗng / the plan needs a non-empty \"operations\" list")));
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            int line = i + 1;
            if (!(array.get(i) instanceof JsonObject o)) {
                errors.add(new UnitCsvPlan.LineError(line, "Thao tác phải là một đối tượng JSON / an operation is a JSON object"));
                continue;
            }
            String op = text(o, "op");
            JsonValue into = o.get("into");
            NewUnit newUnit = into instanceof JsonObject n
                    ? new NewUnit(text(n, "code"), nfc(text(n, "name")), lower(text(n, "kind")), text(n, "parent")) : null;
            String intoCode = into instanceof JsonString s ? s.getString().strip() : null;
            operation(line, op, strings(o.get("units")), text(o, "unit"), intoCode, newUnit, text(o, "parent"),
                    text(o, "code"), nfc(text(o, "name")), errors, operations);
        }
        Map<String, Integer> basis = new LinkedHashMap<>();
        if (json.get("basis") instanceof JsonObject b) {
            b.forEach((code, v) -> {
                if (v instanceof jakarta.json.JsonNumber n) {
                    basis.put(code, n.intValue());
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new Unreadable(errors);
        }
        return new ReorgPlan(title == null ? "Sắp xếp đơn vị" : nfc(title), operations, basis);
    }

    /** A CSV plan (UTF-8, BOM and NFD accepted); the basis comes separately (query parameters or a dry-run). */
    public static ReorgPlan fromCsv(String title, String text, Map<String, Integer> basis) throws Unreadable {
        String clean = Normalizer.normalize(text.startsWith("\uFEFF") ? text.substring(1) : text, Normalizer.Form.NFC);
        List<UnitCsvPlan.LineError> errors = new ArrayList<>();
        List<Operation> operations = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true)
                .setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(clean))) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.equals(CSV_COLUMNS)) {
                throw new Unreadable(List.of(new UnitCsvPlan.LineError(1, "Tiêu đề cột phải là " + String.join(",", CSV_COLUMNS)
                        + " (nhận được: " + String.join(",", header) + ") / the header must be " + String.join(",", CSV_COLUMNS))));
            }
            for (CSVRecord r : parser) {
                int line = (int) r.getParser().getCurrentLineNumber();
                if (r.size() != CSV_COLUMNS.size()) {
                    errors.add(new UnitCsvPlan.LineError(line, "Dòng có " + r.size() + " cột, cần " + CSV_COLUMNS.size()
                            + " / the line has " + r.size() + " columns, " + CSV_COLUMNS.size() + " expected"));
                    continue;
                }
                String op = blank(r.get("operation"));
                List<String> units = r.get("units").isBlank() ? List.of()
                        : Arrays.stream(r.get("units").split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                String target = blank(r.get("target"));
                String code = blank(r.get("code"));
                String name = nfc(blank(r.get("name")));
                String kind = lower(blank(r.get("kind")));
                String parent = blank(r.get("parent"));
                NewUnit newUnit = null;
                if (("merge".equals(op) && target == null) || "merge-provinces".equals(op)) {
                    newUnit = new NewUnit(code, name, kind, parent);
                }
                operation(line, op, units, units.size() == 1 ? units.get(0) : null, target, newUnit, parent, code, name,
                        errors, operations);
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            errors.add(new UnitCsvPlan.LineError(0, "Không đọc được CSV: " + e.getMessage() + " / unreadable CSV"));
        }
        if (operations.isEmpty() && errors.isEmpty()) {
            errors.add(new UnitCsvPlan.LineError(1, "Kế hoạch không có thao tác nào / the plan has no operation"));
        }
        if (!errors.isEmpty()) {
            throw new Unreadable(errors);
        }
        return new ReorgPlan(title == null || title.isBlank() ? "Sắp xếp đơn vị" : nfc(title.strip()), operations, basis);
    }

    private static void operation(int line, String op, List<String> units, String unit, String into, NewUnit newUnit,
                                  String parent, String code, String name, List<UnitCsvPlan.LineError> errors,
                                  List<Operation> out) {
        if (op == null) {
            errors.add(new UnitCsvPlan.LineError(line, "Thiếu thao tác (merge, move, rename, dissolve, merge-provinces) "
                    + "/ the operation is missing"));
            return;
        }
        switch (op) {
            case "merge" -> {
                if (units.isEmpty()) {
                    errors.add(new UnitCsvPlan.LineError(line, "Sáp nhập cần ít nhất một đơn vị / merge needs at least one unit"));
                } else if (into == null && (newUnit == null || newUnit.code() == null && newUnit.name() == null)) {
                    errors.add(new UnitCsvPlan.LineError(line, "Sáp nhập cần đơn vị nhận (target) hoặc đơn vị mới (code, name, kind) "
                            + "/ merge needs a target or a new unit"));
                } else {
                    out.add(new Merge(line, units, into, into == null ? newUnit : null));
                }
            }
            case "move" -> {
                if (unit == null || parent == null) {
                    errors.add(new UnitCsvPlan.LineError(line, "Chuyển đơn vị cần một đơn vị (unit) và đơn vị cấp trên mới (parent) "
                            + "/ move needs one unit and its new parent"));
                } else {
                    out.add(new Move(line, unit, parent));
                }
            }
            case "rename" -> {
                if (unit == null || (code == null && name == null)) {
                    errors.add(new UnitCsvPlan.LineError(line, "Đổi tên cần một đơn vị và mã mới hoặc tên mới "
                            + "/ rename needs one unit and a new code or name"));
                } else {
                    out.add(new Rename(line, unit, code, name));
                }
            }
            case "dissolve" -> {
                if (unit == null) {
                    errors.add(new UnitCsvPlan.LineError(line, "Giải thể cần đúng một đơn vị / dissolve needs exactly one unit"));
                } else {
                    out.add(new Dissolve(line, unit));
                }
            }
            case "merge-provinces" -> {
                if (units.size() < 2 || newUnit == null || newUnit.code() == null || newUnit.name() == null) {
                    errors.add(new UnitCsvPlan.LineError(line, "Hợp nhất tỉnh cần ít nhất hai tỉnh và mã, tên của tỉnh mới "
                            + "/ merging provinces needs two or more provinces and the new one's code and name"));
                } else {
                    out.add(new MergeProvinces(line, units, newUnit));
                }
            }
            default -> errors.add(new UnitCsvPlan.LineError(line, "Thao tác không biết: \"" + op
                    + "\" (merge, move, rename, dissolve, merge-provinces) / unknown operation"));
        }
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? blank(s.getString()) : null;
    }

    private static List<String> strings(JsonValue v) {
        if (!(v instanceof JsonArray a)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonValue e : a) {
            if (e instanceof JsonString s && !s.getString().isBlank()) {
                out.add(s.getString().strip());
            }
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
