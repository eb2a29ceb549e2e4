package vn.egov.procedures.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
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
 * One check of a procedure definition, in order: its shape against the schema; then what a schema cannot say: form
 * fields named once, a choice with its choices, a fully online procedure taking dossiers online, papers and process
 * steps named once, a start among the steps, transitions between known steps and none out of an end step, an end
 * step; then every step reachable from the start and able to reach an end, a fee waiting for a known step, and the
 * ordinary route (the fewest steps from the start to an end, steps that pause the clock not counted) within the legal
 * time limit. Each stage runs only if the ones it relies on found nothing.
 */
final class DefinitionCheck {
    private final JsonNode d;
    private final Wording say;
    private final Map<String, List<String>> out = new LinkedHashMap<>();
    /** The process's steps by id, in the order given. */
    private final Map<String, JsonNode> steps = new LinkedHashMap<>();
    private final Map<String, List<String>> next = new HashMap<>();
    private final Map<String, List<String>> previous = new HashMap<>();
    private final String start;

    DefinitionCheck(JsonNode d, Wording say) {
        this.d = d;
        this.say = say;
        this.start = d.path("process").path("start").asText();
    }

    /** What is wrong, by place; empty when the definition can be stored. */
    Map<String, List<String>> problems() {
        schema();
        if (!out.isEmpty()) {
            return out; // the references below assume the shape
        }
        formFields();
        fullyOnlineTakesDossiersOnline();
        paperIdsOnce();
        stepIdsOnce();
        startIsAStep();
        transitionsBetweenKnownSteps();
        List<String> ends = steps.values().stream().filter(s -> s.path("end").asBoolean(false)).map(s -> s.path("id").asText()).toList();
        if (ends.isEmpty()) {
            add("process.steps", "check.noEnd");
        }
        if (!out.isEmpty()) {
            return out;
        }
        everyStepBetweenStartAndAnEnd(ends);
        feesWaitForKnownSteps();
        if (out.isEmpty()) {
            ordinaryRouteWithinTheTimeLimit();
        }
        return out;
    }

    private void schema() {
        for (ValidationMessage m : Definitions.SCHEMA.validate(d)) {
            String at = place(m.getInstanceLocation().toString());
            if (m.getProperty() != null && m.getType().equals("required")) {
                at = at.isEmpty() ? m.getProperty() : at + "." + m.getProperty();
                add(at, "check.required");
            } else if (m.getType().equals("additionalProperties")) {
                add(at.isEmpty() ? m.getProperty() : at + "." + m.getProperty(), "check.notAField");
            } else {
                add(at.isEmpty() ? "(procedure)" : at, "check.schema", m.getMessage());
            }
        }
    }

    private void formFields() {
        Set<String> names = new HashSet<>();
        JsonNode fields = d.path("form").path("fields");
        for (int i = 0; i < fields.size(); i++) {
            JsonNode f = fields.get(i);
            String at = "form.fields[" + i + "]";
            if (!names.add(f.path("name").asText())) {
                add(at + ".name", "check.fieldTwice", f.path("name").asText());
            }
            if (f.path("type").asText().equals("choice") && !f.has("choices")) {
                add(at + ".choices", "check.choices");
            }
            if (f.has("min") && f.has("max") && f.path("min").asDouble() > f.path("max").asDouble()) {
                add(at + ".min", "check.minMax");
            }
        }
    }

    private void fullyOnlineTakesDossiersOnline() {
        if (d.path("onlineLevel").asText().equals("full")) {
            boolean online = false;
            for (JsonNode c : d.path("channels")) {
                online |= c.asText().equals("online");
            }
            if (!online) {
                add("channels", "check.fullOnline");
            }
        }
    }

    private void paperIdsOnce() {
        Set<String> paperIds = new HashSet<>();
        JsonNode papers = d.path("papers");
        for (int i = 0; i < papers.size(); i++) {
            if (!paperIds.add(papers.get(i).path("id").asText())) {
                add("papers[" + i + "].id", "check.paperTwice");
            }
        }
    }

    /** Also keeps the steps by id, for the checks after. */
    private void stepIdsOnce() {
        JsonNode stepList = d.path("process").path("steps");
        for (int i = 0; i < stepList.size(); i++) {
            JsonNode s = stepList.get(i);
            if (steps.putIfAbsent(s.path("id").asText(), s) != null) {
                add("process.steps[" + i + "].id", "check.stepTwice", s.path("id").asText());
            }
        }
    }

    private void startIsAStep() {
        if (!steps.containsKey(start)) {
            add("process.start", "check.start", start);
        }
    }

    /** Also keeps the good ones both ways, for the checks after. */
    private void transitionsBetweenKnownSteps() {
        JsonNode transitions = d.path("process").path("transitions");
        for (int i = 0; i < transitions.size(); i++) {
            JsonNode t = transitions.get(i);
            String from = t.path("from").asText();
            String to = t.path("to").asText();
            boolean ok = true;
            if (!steps.containsKey(from)) {
                add("process.transitions[" + i + "].from", "check.noStep", from);
                ok = false;
            }
            if (!steps.containsKey(to)) {
                add("process.transitions[" + i + "].to", "check.noStep", to);
                ok = false;
            }
            if (ok && steps.get(from).path("end").asBoolean(false)) {
                add("process.transitions[" + i + "].from", "check.endLeadsOn", from);
            }
            if (ok) {
                next.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
                previous.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
            }
        }
    }

    private void everyStepBetweenStartAndAnEnd(List<String> ends) {
        Set<String> reached = reach(start, next);
        Set<String> backToEnd = new HashSet<>();
        ends.forEach(e -> backToEnd.addAll(reach(e, previous)));
        int i = 0;
        for (String id : steps.keySet()) {
            if (!reached.contains(id)) {
                add("process.steps[" + i + "]", "check.unreachable", id);
            } else if (!backToEnd.contains(id)) {
                add("process.steps[" + i + "]", "check.noWayToAnEnd", id);
            }
            i++;
        }
    }

    private void feesWaitForKnownSteps() {
        JsonNode fees = d.path("fees");
        for (int f = 0; f < fees.size(); f++) {
            String step = fees.get(f).path("payBeforeStep").asText(null);
            if (step != null && !steps.containsKey(step)) {
                add("fees[" + f + "].payBeforeStep", "check.noStep", step);
            }
        }
    }

    private void ordinaryRouteWithinTheTimeLimit() {
        double route = ordinaryRouteDays(start, next, steps);
        double limit = d.path("timeLimitDays").asDouble();
        if (route > limit) {
            add("process", "check.route", days(route), days(limit));
        }
    }

    /** The working days of the route with the fewest steps from the start to an end, pausing steps not counted. */
    private static double ordinaryRouteDays(String start, Map<String, List<String>> next, Map<String, JsonNode> steps) {
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
    private static String place(String location) {
        String p = location.startsWith("$") ? location.substring(1) : location;
        return p.startsWith(".") ? p.substring(1) : p;
    }

    private static String days(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d).replace('.', ',');
    }

    private void add(String at, String key, Object... args) {
        out.computeIfAbsent(at, k -> new ArrayList<>()).add(say.text(key, args));
    }
}
