package vn.egov.dossiers.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The process of one procedure version, read from its definition (validated on import): named steps, who performs
 * each, its duration in working days, whether it stops the clock, and the transitions between them. The dossier
 * engine asks it where a dossier may go next; it holds no behaviour of its own.
 */
public final class ProcessModel {

    /** Who performs a step. */
    public enum Role {
        RECEIVER, HANDLER, LEADER, APPLICANT, OTHER_AGENCY
    }

    public record Step(String id, String name, Role role, BigDecimal days, boolean pausesClock, boolean end) {
        public Step {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(days, "days");
        }

        /** Whole working days the step may take (half days count as a day: a deadline is a date). */
        public int wholeDays() {
            return days.setScale(0, java.math.RoundingMode.CEILING).intValueExact();
        }
    }

    public record Transition(String from, String to, String name) {
    }

    private final String start;
    private final Map<String, Step> steps;
    private final List<Transition> transitions;

    private ProcessModel(String start, Map<String, Step> steps, List<Transition> transitions) {
        this.start = start;
        this.steps = steps;
        this.transitions = transitions;
    }

    /** The {@code process} part of a procedure version's definition. */
    public static ProcessModel of(JsonNode process) {
        Map<String, Step> steps = new LinkedHashMap<>();
        for (JsonNode s : process.path("steps")) {
            steps.put(s.path("id").asText(), new Step(s.path("id").asText(), s.path("name").asText(), Role.valueOf(s.path("role").asText()),
                    s.path("days").decimalValue(), s.path("pausesClock").asBoolean(false), s.path("end").asBoolean(false)));
        }
        List<Transition> transitions = new ArrayList<>();
        for (JsonNode t : process.path("transitions")) {
            transitions.add(new Transition(t.path("from").asText(), t.path("to").asText(), t.path("name").asText(null)));
        }
        String start = process.path("start").asText();
        if (!steps.containsKey(start)) {
            throw new IllegalArgumentException("the process starts at an unknown step: " + start);
        }
        return new ProcessModel(start, steps, List.copyOf(transitions));
    }

    public Step start() { return steps.get(start); }

    public Optional<Step> step(String id) { return Optional.ofNullable(steps.get(id)); }

    public List<Step> steps() { return List.copyOf(steps.values()); }

    /** Where a dossier at {@code from} may go. */
    public List<Transition> next(String from) {
        return transitions.stream().filter(t -> t.from().equals(from)).toList();
    }

    public boolean allows(String from, String to) {
        return transitions.stream().anyMatch(t -> t.from().equals(from) && t.to().equals(to));
    }
}
