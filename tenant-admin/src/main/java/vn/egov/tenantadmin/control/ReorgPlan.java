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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
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
 * add-province,,,,tinh-b,Tỉnh B,province    (operator only) a new root
 * </pre>
 * Three more columns may follow: {@code gso} (a GSO code for a new or renamed unit), {@code admins} (what an ended
 * unit's administrators become: {@code staff}, the default, {@code admins} or {@code none}) and {@code site} (the merged
 * unit whose site's menu and theme the successor takes). A rename may change the kind and the GSO code too, and may
 * take back the code of a unit that ended into the renamed one. The plan's {@code effective} date (dd/MM/yyyy; today by
 * default) is when ended units' registers close.
 * In JSON: {@code {"title": "...", "operations": [{"op": "merge", "units": [...], "into": "code" | {"code",
 * "name", "kind", "parent"}}, {"op": "move", "unit", "parent"}, {"op": "rename", "unit", "code", "name"},
 * {"op": "dissolve", "unit"}, {"op": "merge-provinces", "units": [...], "into": {"code", "name"}},
 * {"op": "add-province", "code", "name", "gso"}], "effective": "dd/MM/yyyy", "basis": {"code": version}}}; merges,
 * dissolutions and province merges take {@code "admins"}, merges {@code "site"}, renames {@code "kind"} and {@code "gso"}. Parsing only checks the shape; {@link Reorganiser} checks the plan against the tree.
 */
public record ReorgPlan(String title, List<Operation> operations, Map<String, Integer> basis, LocalDate effective) {
    public ReorgPlan {
        Objects.requireNonNull(title, "title");
        operations = List.copyOf(operations);
        basis = basis == null ? Map.of() : Map.copyOf(basis);
    }

    public ReorgPlan(String title, List<Operation> operations, Map<String, Integer> basis) {
        this(title, operations, basis, null);
    }

    /** The same plan with the basis of a dry-run. */
    public ReorgPlan withBasis(Map<String, Integer> newBasis) {
        return new ReorgPlan(title, operations, newBasis, effective);
    }

    /** The same plan with its effective date (dd/MM/yyyy, given apart from a CSV plan); null keeps it. */
    public ReorgPlan withEffective(LocalDate day) {
        return day == null ? this : new ReorgPlan(title, operations, basis, day);
    }

    /** The title of a plan sent without one (stored: written in Vietnamese). */
    static final String DEFAULT_TITLE = Wording.VIETNAMESE.text("reorg.defaultTitle");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /**
     * Reads an effective date, dd/MM/yyyy; null for null or blank.
     *
     * @throws IllegalArgumentException when it is not a date of that form
     */
    public static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), DAY);
        } catch (DateTimeParseException e) {
            throw new BadDay(new UnitCsvPlan.LineError(0, "planError.effective", text.strip()), e);
        }
    }

    /** An effective day not of the form dd/MM/yyyy: its message is the Vietnamese one, {@link #error} says it in any language. */
    public static final class BadDay extends IllegalArgumentException {
        private final transient UnitCsvPlan.LineError error;

        BadDay(UnitCsvPlan.LineError error, Throwable cause) {
            super(error.reason(), cause);
            this.error = error;
        }

        public UnitCsvPlan.LineError error() {
            return error;
        }
    }

    /** One step; {@code line} is where it stands (its position in JSON, its line in CSV), for messages. */
    public sealed interface Operation permits Merge, Move, Rename, Dissolve, MergeProvinces, AddProvince {
        int line();
    }

    /** A unit the plan creates. {@code parent} may be null (then: the parent of the first merged unit). */
    public record NewUnit(String code, String name, String kind, String parent, String gso) {
        public NewUnit(String code, String name, String kind, String parent) {
            this(code, name, kind, parent, null);
        }
    }

    /**
     * Merge {@code units} into the existing unit {@code into}, or into {@code newUnit}. {@code admins}: what the merged
     * units' administrators become ({@code staff}, the default; {@code admins}; {@code none}); {@code site}: the merged
     * unit whose site's menu and theme the successor takes (null: the successor keeps its own).
     */
    public record Merge(int line, List<String> units, String into, NewUnit newUnit, String admins, String site) implements Operation {
        public Merge {
            units = List.copyOf(units);
        }

        public Merge(int line, List<String> units, String into, NewUnit newUnit) {
            this(line, units, into, newUnit, null, null);
        }
    }

    public record Move(int line, String unit, String parent) implements Operation {
    }

    /** A new code (a retired predecessor's code may be taken back), name, kind or GSO code, any of them. */
    public record Rename(int line, String unit, String code, String name, String kind, String gso) implements Operation {
        public Rename(int line, String unit, String code, String name) {
            this(line, unit, code, name, null, null);
        }
    }

    public record Dissolve(int line, String unit, String admins) implements Operation {
        public Dissolve(int line, String unit) {
            this(line, unit, null);
        }
    }

    public record MergeProvinces(int line, List<String> units, NewUnit into, String admins) implements Operation {
        public MergeProvinces {
            units = List.copyOf(units);
        }

        public MergeProvinces(int line, List<String> units, NewUnit into) {
            this(line, units, into, null);
        }
    }

    /** (operator only) a new root: a province, or a centrally-run city. */
    public record AddProvince(int line, NewUnit unit) implements Operation {
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
    /** Columns a CSV plan may add after the seven, in this order: a GSO code, the administrators' rule, the site to keep. */
    static final List<String> CSV_OPTIONAL = List.of("gso", "admins", "site");

    /** What an operation may say beyond units and targets. */
    private record Extra(String code, String name, String kind, String gso, String admins, String site) {
    }

    public static ReorgPlan fromJson(JsonObject json) throws Unreadable {
        List<UnitCsvPlan.LineError> errors = new ArrayList<>();
        String title = text(json, "title");
        JsonValue ops = json.get("operations");
        if (!(ops instanceof JsonArray array) || array.isEmpty()) {
            throw new Unreadable(List.of(new UnitCsvPlan.LineError(0, "planError.operations")));
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            int line = i + 1;
            if (!(array.get(i) instanceof JsonObject o)) {
                errors.add(new UnitCsvPlan.LineError(line, "planError.notObject"));
                continue;
            }
            String op = text(o, "op");
            JsonValue into = o.get("into");
            NewUnit newUnit = into instanceof JsonObject n
                    ? new NewUnit(text(n, "code"), nfc(text(n, "name")), lower(text(n, "kind")), text(n, "parent"), text(n, "gso")) : null;
            if ("add-province".equals(op)) {
                newUnit = new NewUnit(text(o, "code"), nfc(text(o, "name")), lower(text(o, "kind")), null, text(o, "gso"));
            }
            String intoCode = into instanceof JsonString s ? s.getString().strip() : null;
            operation(line, op, strings(o.get("units")), text(o, "unit"), intoCode, newUnit, text(o, "parent"),
                    new Extra(text(o, "code"), nfc(text(o, "name")), lower(text(o, "kind")), text(o, "gso"), lower(text(o, "admins")),
                            text(o, "site")), errors, operations);
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
        LocalDate effective = null;
        try {
            effective = day(text(json, "effective"));
        } catch (BadDay e) {
            errors.add(e.error());
        }
        if (!errors.isEmpty()) {
            throw new Unreadable(errors);
        }
        return new ReorgPlan(title == null ? DEFAULT_TITLE : nfc(title), operations, basis, effective);
    }

    /** A CSV plan (UTF-8, BOM and NFD accepted); the basis comes separately (query parameters or a dry-run). */
    public static ReorgPlan fromCsv(String title, String text, Map<String, Integer> basis) throws Unreadable {
        String clean = Normalizer.normalize(text.startsWith("\uFEFF") ? text.substring(1) : text, Normalizer.Form.NFC);
        List<UnitCsvPlan.LineError> errors = new ArrayList<>();
        List<Operation> operations = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true)
                .setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(clean))) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            int extra = header.size() - CSV_COLUMNS.size();
            if (extra < 0 || extra > CSV_OPTIONAL.size() || !header.subList(0, CSV_COLUMNS.size()).equals(CSV_COLUMNS)
                    || !header.subList(CSV_COLUMNS.size(), header.size()).equals(CSV_OPTIONAL.subList(0, extra))) {
                throw new Unreadable(List.of(new UnitCsvPlan.LineError(1, "planError.header", String.join(",", CSV_COLUMNS),
                        String.join(",", CSV_OPTIONAL), String.join(",", header))));
            }
            for (CSVRecord r : parser) {
                int line = (int) r.getParser().getCurrentLineNumber();
                if (r.size() != header.size()) {
                    errors.add(new UnitCsvPlan.LineError(line, "planError.columnCount", r.size(), header.size()));
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
                String gso = r.isMapped("gso") ? blank(r.get("gso")) : null;
                String admins = r.isMapped("admins") ? lower(blank(r.get("admins"))) : null;
                String site = r.isMapped("site") ? blank(r.get("site")) : null;
                NewUnit newUnit = null;
                if (("merge".equals(op) && target == null) || "merge-provinces".equals(op) || "add-province".equals(op)) {
                    newUnit = new NewUnit(code, name, kind, "add-province".equals(op) ? null : parent, gso);
                }
                operation(line, op, units, units.size() == 1 ? units.get(0) : null, target, newUnit, parent,
                        new Extra(code, name, kind, gso, admins, site), errors, operations);
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            errors.add(new UnitCsvPlan.LineError(0, "planError.unreadable", e.getMessage()));
        }
        if (operations.isEmpty() && errors.isEmpty()) {
            errors.add(new UnitCsvPlan.LineError(1, "planError.noOperation"));
        }
        if (!errors.isEmpty()) {
            throw new Unreadable(errors);
        }
        return new ReorgPlan(title == null || title.isBlank() ? DEFAULT_TITLE : nfc(title.strip()), operations, basis);
    }

    private static void operation(int line, String op, List<String> units, String unit, String into, NewUnit newUnit,
                                  String parent, Extra x, List<UnitCsvPlan.LineError> errors, List<Operation> out) {
        if (op == null) {
            errors.add(new UnitCsvPlan.LineError(line, "planError.operationMissing"));
            return;
        }
        if (x.admins() != null && !List.of("staff", "admins", "none").contains(x.admins())) {
            errors.add(new UnitCsvPlan.LineError(line, "planError.admins", x.admins()));
            return;
        }
        String refused = refusal(op, units, unit, into, newUnit, parent, x);
        if (refused != null) {
            errors.add("planError.unknownOperation".equals(refused) ? new UnitCsvPlan.LineError(line, refused, op)
                    : new UnitCsvPlan.LineError(line, refused));
            return;
        }
        out.add(switch (op) {
            case "merge" -> new Merge(line, units, into, into == null ? newUnit : null, x.admins(), x.site());
            case "move" -> new Move(line, unit, parent);
            case "rename" -> new Rename(line, unit, x.code(), x.name(), x.kind(), x.gso());
            case "dissolve" -> new Dissolve(line, unit, x.admins());
            case "merge-provinces" -> new MergeProvinces(line, units, newUnit, x.admins());
            default -> new AddProvince(line, newUnit);
        });
    }

    /**
     * What an operation lacks (or has too much of), or that it is none the plan knows ({@code planError.unknownOperation}), as
     * the key of its text; null when it is whole.
     */
    private static String refusal(String op, List<String> units, String unit, String into, NewUnit newUnit, String parent, Extra x) {
        return switch (op) {
            case "merge" -> units.isEmpty() ? "planError.merge.units"
                    : into == null && (newUnit == null || newUnit.code() == null && newUnit.name() == null) ? "planError.merge.target" : null;
            case "move" -> unit == null || parent == null ? "planError.move" : null;
            case "rename" -> unit == null || (x.code() == null && x.name() == null && x.kind() == null && x.gso() == null)
                    ? "planError.rename" : null;
            case "dissolve" -> unit == null ? "planError.dissolve" : null;
            case "merge-provinces" -> units.size() < 2 || newUnit == null || newUnit.code() == null || newUnit.name() == null
                    ? "planError.mergeProvinces" : null;
            case "add-province" -> newUnit == null || newUnit.code() == null || newUnit.name() == null || !units.isEmpty()
                    ? "planError.addProvince" : null;
            default -> "planError.unknownOperation";
        };
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
