package vn.egov.procedures.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a procedure definition as it is imported: first its shape against {@code procedure.schema.json} (JSON
 * Schema 2020-12), then what a schema cannot say: form fields named once, a choice with its choices, process steps
 * named once, transitions between known steps, every step reachable from the start and able to reach an end, no way
 * out of an end step, a fee waiting for a known step, and the ordinary route (the fewest steps from the start to an
 * end, steps that pause the clock not counted) within the legal time limit. Messages are "tiếng Việt / English",
 * keyed by where the problem is ({@code process.transitions[2].to}).
 */
public final class Definitions {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private Definitions() {
    }

    private static JsonSchema load() {
        try (InputStream in = Definitions.class.getResourceAsStream("/vn/egov/procedures/procedure.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON tree of {@code text}. */
    public static JsonNode parse(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
        return JSON.readTree(text);
    }

    /** Every string of the tree in NFC (what is compared, stored and shown). */
    public static JsonNode nfc(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(Normalizer.normalize(node.textValue(), Normalizer.Form.NFC));
        }
        if (node.isObject()) {
            ObjectNode o = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> o.set(e.getKey(), nfc(e.getValue())));
            return o;
        }
        if (node.isArray()) {
            var a = JSON.createArrayNode();
            node.forEach(n -> a.add(nfc(n)));
            return a;
        }
        return node;
    }

    /** What is wrong with {@code d}, by place; empty when it can be stored. */
    public static Map<String, List<String>> problems(JsonNode d) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ValidationMessage m : SCHEMA.validate(d)) {
            String at = place(m.getInstanceLocation().toString());
            if (m.getProperty() != null && m.getType().equals("required")) {
                at = at.isEmpty() ? m.getProperty() : at + "." + m.getProperty();
                add(out, at, "Thiếu trường bắt buộc.", "A required field is missing.");
            } else if (m.getType().equals("additionalProperties")) {
                add(out, at.isEmpty() ? m.getProperty() : at + "." + m.getProperty(), "Trường không có trong mẫu thủ tục.", "Not a field of a procedure.");
            } else {
                add(out, at.isEmpty() ? "(procedure)" : at, "Không đúng mẫu: " + m.getMessage(), m.getMessage());
            }
        }
        if (!out.isEmpty()) {
            return out; // the references below assume the shape
        }
        // the form
        Set<String> names = new HashSet<>();
        JsonNode fields = d.path("form").path("fields");
        for (int i = 0; i < fields.size(); i++) {
            JsonNode f = fields.get(i);
            String at = "form.fields[" + i + "]";
            if (!names.add(f.path("name").asText())) {
                add(out, at + ".name", "Tên trường \"" + f.path("name").asText() + "\" đã có.", "The field name \"" + f.path("name").asText() + "\" is used twice.");
            }
            if (f.path("type").asText().equals("choice") && !f.has("choices")) {
                add(out, at + ".choices", "Trường chọn phải có danh sách lựa chọn.", "A choice field needs its choices.");
            }
            if (f.has("min") && f.has("max") && f.path("min").asDouble() > f.path("max").asDouble()) {
                add(out, at + ".min", "Giá trị nhỏ nhất lớn hơn giá trị lớn nhất.", "min is greater than max.");
            }
        }
        if (d.path("onlineLevel").asText().equals("full")) {
            boolean online = false;
            for (JsonNode c : d.path("channels")) {
                online |= c.asText().equals("online");
            }
            if (!online) {
                add(out, "channels", "Thủ tục trực tuyến toàn trình phải nhận hồ sơ trực tuyến (online).",
                        "A fully online procedure must take dossiers online.");
            }
        }
        // papers
        Set<String> paperIds = new HashSet<>();
        JsonNode papers = d.path("papers");
        for (int i = 0; i < papers.size(); i++) {
            if (!paperIds.add(papers.get(i).path("id").asText())) {
                add(out, "papers[" + i + "].id", "Mã giấy tờ đã có.", "The paper id is used twice.");
            }
        }
        // the process
        JsonNode process = d.path("process");
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        JsonNode stepList = process.path("steps");
        for (int i = 0; i < stepList.size(); i++) {
            JsonNode s = stepList.get(i);
            if (steps.putIfAbsent(s.path("id").asText(), s) != null) {
                add(out, "process.steps[" + i + "].id", "Mã bước \"" + s.path("id").asText() + "\" đã có.", "The step id \"" + s.path("id").asText() + "\" is used twice.");
            }
        }
        String start = process.path("start").asText();
        if (!steps.containsKey(start)) {
            add(out, "process.start", "Bước bắt đầu \"" + start + "\" không có trong các bước.", "The start step \"" + start + "\" is not one of the steps.");
        }
        Map<String, List<String>> next = new HashMap<>();
        Map<String, List<String>> previous = new HashMap<>();
        JsonNode transitions = process.path("transitions");
        for (int i = 0; i < transitions.size(); i++) {
            JsonNode t = transitions.get(i);
            String from = t.path("from").asText();
            String to = t.path("to").asText();
            boolean ok = true;
            if (!steps.containsKey(from)) {
                add(out, "process.transitions[" + i + "].from", "Không có bước \"" + from + "\".", "No step \"" + from + "\".");
                ok = false;
            }
            if (!steps.containsKey(to)) {
                add(out, "process.transitions[" + i + "].to", "Không có bước \"" + to + "\".", "No step \"" + to + "\".");
                ok = false;
            }
            if (ok && steps.get(from).path("end").asBoolean(false)) {
                add(out, "process.transitions[" + i + "].from", "Bước kết thúc \"" + from + "\" không chuyển tiếp đi đâu nữa.",
                        "The end step \"" + from + "\" leads nowhere else.");
            }
            if (ok) {
                next.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
                previous.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
            }
        }
        List<String> ends = steps.values().stream().filter(s -> s.path("end").asBoolean(false)).map(s -> s.path("id").asText()).toList();
        if (ends.isEmpty()) {
            add(out, "process.steps", "Quy trình phải có ít nhất một bước kết thúc (end: true).", "The process needs at least one end step (end: true).");
        }
        if (!out.isEmpty()) {
            return out;
        }
        Set<String> reached = reach(start, next);
        Set<String> backToEnd = new HashSet<>();
        ends.forEach(e -> backToEnd.addAll(reach(e, previous)));
        int i = 0;
        for (String id : steps.keySet()) {
            if (!reached.contains(id)) {
                add(out, "process.steps[" + i + "]", "Bước \"" + id + "\" không đến được từ bước bắt đầu.", "The step \"" + id + "\" cannot be reached from the start.");
            } else if (!backToEnd.contains(id)) {
                add(out, "process.steps[" + i + "]", "Từ bước \"" + id + "\" không đi được tới bước kết thúc.", "From the step \"" + id + "\" no end can be reached.");
            }
            i++;
        }
        JsonNode fees = d.path("fees");
        for (int f = 0; f < fees.size(); f++) {
            String step = fees.get(f).path("payBeforeStep").asText(null);
            if (step != null && !steps.containsKey(step)) {
                add(out, "fees[" + f + "].payBeforeStep", "Không có bước \"" + step + "\".", "No step \"" + step + "\".");
            }
        }
        if (out.isEmpty()) {
            double route = ordinaryRouteDays(start, next, steps);
            double limit = d.path("timeLimitDays").asDouble();
            if (route > limit) {
                add(out, "process", "Các bước của đường xử lý thông thường cộng lại " + days(route) + " ngày làm việc, quá thời hạn "
                                + days(limit) + " ngày của thủ tục.",
                        "The steps of the ordinary route add up to " + days(route) + " working days, more than the time limit of " + days(limit) + ".");
            }
        }
        return out;
    }

    /** The working days of the route with the fewest steps from the start to an end, pausing steps not counted. */
    static double ordinaryRouteDays(String start, Map<String, List<String>> next, Map<String, JsonNode> steps) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>(Set.of(start));
        String end = null;
        while (!queue.isEmpty()) {
            String s = queue.poll();
            if (steps.get(s).path("end").asBoolean(false)) {
                end = s;
                break;
            }
            for (String n : next.getOrDefault(s, List.of())) {
                if (seen.add(n)) {
                    cameFrom.put(n, s);
                    queue.add(n);
                }
            }
        }
        double total = 0;
        for (String s = end; s != null; s = cameFrom.get(s)) {
            JsonNode step = steps.get(s);
            if (!step.path("pausesClock").asBoolean(false)) {
                total += step.path("days").asDouble(0);
            }
        }
        return total;
    }

    private static Set<String> reach(String from, Map<String, List<String>> edges) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (seen.add(s)) {
                todo.addAll(edges.getOrDefault(s, List.of()));
            }
        }
        return seen;
    }

    /** "$.process.steps[1].id" → "process.steps[1].id" */
    static String place(String location) {
        String p = location.startsWith("$") ? location.substring(1) : location;
        return p.startsWith(".") ? p.substring(1) : p;
    }

    private static String days(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d).replace('.', ',');
    }

    private static void add(Map<String, List<String>> out, String at, String vi, String en) {
        out.computeIfAbsent(at, k -> new ArrayList<>()).add(vi + " / " + en);
    }
}
