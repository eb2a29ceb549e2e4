package vn.egov.tenantadmin.control;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.egov.platform.tenancy.Slugs;

/**
 * Reads a unit list in the GSO format ({@code gso_code,name,unit_type,level,parent_gso_code}; lines starting
 * with {@code #} are comments; UTF-8 with or without a BOM; NFD is accepted and stored as NFC) and works out
 * what provisioning it would take: which units exist already (same GSO code), which to create and in which
 * order (parents first, whatever the order of the file), and every bad line with its number and reason.
 * Nothing here touches the database: {@link Existing} answers the questions about what is there.
 */
public final class UnitCsvPlan {
    static final List<String> COLUMNS = List.of("gso_code", "name", "unit_type", "level", "parent_gso_code");

    /** What the database already holds, as far as the caller may see. */
    public interface Existing {
        /** The code of the unit with this GSO code, if it exists and lies in the import's subtree. */
        Optional<String> codeOfGso(String gsoCode);

        /** Whether any unit anywhere already has this GSO code (inside or outside the subtree). */
        boolean gsoTaken(String gsoCode);

        boolean codeTaken(String code);
    }

    /** A unit to create; {@code parentCode} is the request's unit when the file names no parent. */
    public record Row(int line, String gsoCode, String code, String name, String kind, String parentCode) {
    }

    /**
     * A bad line of a unit list or of a reorganisation plan (0: the whole file): why, as a key of the module's bundles
     * ({@link Wording}) and its arguments, written in a language only when read.
     */
    public record LineError(int line, String key, List<Object> args) {
        public LineError {
            if (!key.matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)+")) {
                throw new IllegalArgumentException("a bad line's reason is a key of the bundles, not a text: " + key);
            }
            args = java.util.Collections.unmodifiableList(new ArrayList<>(args)); // an argument may be null
        }

        public LineError(int line, String key, Object... args) {
            this(line, key, java.util.Arrays.asList(args));
        }

        /**
         * Why, in the words of {@code wording} (a page's texts, the API's language); an argument that is a
         * {@link vn.egov.platform.words.Phrase} (another module's words, such as a rule refusing a hand-over) is said in
         * the same language.
         */
        public String reason(Wording wording) {
            java.util.Locale language = Wording.language(wording);
            return wording.text(key, args.stream().map(a -> a instanceof vn.egov.platform.words.Phrase p ? p.in(language) : a).toArray());
        }

        /** Why, in Vietnamese. */
        public String reason() {
            return reason(Wording.VIETNAMESE);
        }

        /** The errors as a problem's {@code errors} member, in the words of {@code wording}: {@code [{"line", "reason"}, ...]}. */
        public static jakarta.json.JsonArray json(List<LineError> errors, Wording wording) {
            jakarta.json.JsonArrayBuilder list = jakarta.json.Json.createArrayBuilder();
            errors.forEach(e -> list.add(jakarta.json.Json.createObjectBuilder().add("line", e.line()).add("reason", e.reason(wording))));
            return list.build();
        }
    }

    public record Result(List<Row> toCreate, List<String> existing, List<LineError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private UnitCsvPlan() {
    }

    /** A line read and found good on its own (its GSO code, name, kind of unit and parent's GSO code). */
    private record Parsed(int line, String gso, String name, String kind, String parentGso) {
    }

    public static Result plan(byte[] bytes, String rootCode, Existing existing) {
        Objects.requireNonNull(bytes, "bytes");
        List<LineError> errors = new ArrayList<>();
        String text;
        try {
            text = decode(bytes);
        } catch (BadEncoding e) {
            return new Result(List.of(), List.of(), List.of(new LineError(e.line, "importError.notUtf8")));
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        Map<String, Parsed> byGso = new LinkedHashMap<>();
        if (!read(text, byGso, errors)) {
            return new Result(List.of(), List.of(), errors);
        }
        List<String> already = new ArrayList<>();
        Map<String, Parsed> missing = missing(byGso, existing, already, errors);
        parentsKnown(missing, byGso, existing, errors);
        Map<String, String> codeOf = codes(missing, existing, errors);
        List<Row> ordered = parentsFirst(missing, codeOf, rootCode, existing, errors);
        errors.sort(java.util.Comparator.comparingInt(LineError::line));
        return new Result(errors.isEmpty() ? ordered : List.of(), already, errors);
    }

    /** The good lines by GSO code, the bad ones in {@code errors}; false if the header lacks a column (nothing read). */
    private static boolean read(String text, Map<String, Parsed> byGso, List<LineError> errors) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                .setTrim(true).get().parse(new StringReader(text))) {
            List<String> header = null;
            for (CSVRecord r : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (header == null) {
                    header = r.toList();
                    if (!header.containsAll(COLUMNS)) {
                        errors.add(new LineError(line, "importError.columns", String.join(",", COLUMNS), String.join(",", header)));
                        return false;
                    }
                    continue;
                }
                Map<String, String> v = new HashMap<>();
                for (int i = 0; i < header.size() && i < r.size(); i++) {
                    v.put(header.get(i), r.get(i));
                }
                LineError refused = refusal(line, r.size(), header.size(), v, byGso);
                if (refused != null) {
                    errors.add(refused);
                    continue;
                }
                String gso = v.getOrDefault("gso_code", "");
                byGso.put(gso, new Parsed(line, gso, v.getOrDefault("name", "").strip(), Slugs.kindOfUnitType(v.get("unit_type")).get(),
                        v.getOrDefault("parent_gso_code", "")));
            }
            if (header == null) {
                errors.add(new LineError(1, "importError.empty"));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            errors.add(new LineError(0, "importError.unreadable", e.getMessage()));
        }
        return true;
    }

    /** Why a line ({@code v}: its values by column) is refused on its own, the first reason found; null if it is not. */
    private static LineError refusal(int line, int size, int headerSize, Map<String, String> v, Map<String, Parsed> byGso) {
        String gso = v.getOrDefault("gso_code", "");
        String name = v.getOrDefault("name", "");
        String parent = v.getOrDefault("parent_gso_code", "");
        if (size != headerSize) {
            return new LineError(line, "importError.columnCount", size, headerSize);
        }
        if (!gso.matches("[0-9]{2,5}")) {
            return new LineError(line, "importError.gso", gso);
        }
        if (name.isBlank()) {
            return new LineError(line, "importError.name");
        }
        if (Slugs.kindOfUnitType(v.get("unit_type")).isEmpty()) {
            return new LineError(line, "importError.unitType", v.get("unit_type"));
        }
        if (byGso.containsKey(gso)) {
            return new LineError(line, "importError.duplicateGso", gso, byGso.get(gso).line());
        }
        if (!parent.isEmpty() && !parent.matches("[0-9]{2,5}")) {
            return new LineError(line, "importError.parentGso", parent);
        }
        return null;
    }

    /** The units to create: those whose GSO code is not there yet (the codes of those that are go to {@code already}). */
    private static Map<String, Parsed> missing(Map<String, Parsed> byGso, Existing existing, List<String> already, List<LineError> errors) {
        Map<String, Parsed> missing = new LinkedHashMap<>();
        for (Parsed p : byGso.values()) {
            if (existing.codeOfGso(p.gso()).isPresent()) {
                already.add(existing.codeOfGso(p.gso()).get());
            } else if (existing.gsoTaken(p.gso())) {
                errors.add(new LineError(p.line(), "importError.gsoOutside", p.gso()));
            } else {
                missing.put(p.gso(), p);
            }
        }
        return missing;
    }

    /** Each parent named is in the file or in the subtree. */
    private static void parentsKnown(Map<String, Parsed> missing, Map<String, Parsed> byGso, Existing existing, List<LineError> errors) {
        for (Parsed p : missing.values()) {
            if (!p.parentGso().isEmpty() && !byGso.containsKey(p.parentGso()) && existing.codeOfGso(p.parentGso()).isEmpty()) {
                errors.add(new LineError(p.line(), "importError.unknownParent", p.parentGso()));
            }
        }
    }

    /** The new units' codes by GSO code: the slug of the name, or slug + GSO code when that is taken (in the file or already). */
    private static Map<String, String> codes(Map<String, Parsed> missing, Existing existing, List<LineError> errors) {
        Map<String, Integer> slugUse = new HashMap<>();
        missing.values().forEach(p -> slugUse.merge(Slugs.of(p.name()), 1, Integer::sum));
        Map<String, String> codeOf = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (Parsed p : missing.values()) {
            String slug = Slugs.of(p.name());
            String code = slugUse.get(slug) > 1 || existing.codeTaken(slug) ? slug + "-" + p.gso() : slug;
            if (existing.codeTaken(code) || !codes.add(code)) {
                errors.add(new LineError(p.line(), "importError.duplicateCode", code));
            }
            codeOf.put(p.gso(), code);
        }
        return codeOf;
    }

    /** The rows to create, parents first; a chain that comes back to itself is a cycle. */
    private static List<Row> parentsFirst(Map<String, Parsed> missing, Map<String, String> codeOf, String rootCode, Existing existing,
                                          List<LineError> errors) {
        List<Row> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Parsed p : missing.values()) {
            List<Parsed> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Parsed at = p;
            boolean cycle = false;
            while (at != null && !placed.contains(at.gso())) {
                if (!seen.add(at.gso())) {
                    cycle = true;
                    break;
                }
                chain.add(0, at);
                at = missing.get(at.parentGso());
            }
            if (cycle) {
                if (errors.stream().noneMatch(e -> e.line() == p.line())) {
                    errors.add(new LineError(p.line(), "importError.cycle", p.gso()));
                }
                continue;
            }
            for (Parsed c : chain) {
                String parentCode = c.parentGso().isEmpty() ? rootCode
                        : codeOf.containsKey(c.parentGso()) ? codeOf.get(c.parentGso()) : existing.codeOfGso(c.parentGso()).orElse(null);
                ordered.add(new Row(c.line(), c.gso(), codeOf.get(c.gso()), c.name(), c.kind(), parentCode));
                placed.add(c.gso());
            }
        }
        return ordered;
    }

    private static String decode(byte[] bytes) throws BadEncoding {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new BadEncoding(lineAt(bytes, in.position()));
        } catch (CharacterCodingException e) {
            throw new BadEncoding(lineAt(bytes, in.position()));
        }
    }

    private static int lineAt(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static final class BadEncoding extends Exception {
        final int line;

        BadEncoding(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}
