package vn.egov.dossiers.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of a procedure version's typed form and its papers' file inputs, as the template {@code fields.jte}
 * shows them (the apply page and the counter share it): the values kept, each field's messages beside it.
 */
public final class Forms {

    /** A field of the form: {@code kind} is checkbox, choice, textarea or input ({@code inputType} then). */
    public record Field(String name, String id, String label, boolean required, String kind, String inputType, String value, boolean checked,
                        List<String> choices, String help, boolean date, String error) {
        public boolean invalid() {
            return error != null;
        }

        public String describedBy() {
            return error != null ? id + "-error" : null;
        }
    }

    /** A paper's file input ({@code paper.<id>}). */
    public record Paper(String id, String inputId, String name, boolean required, String error) {
        public String describedBy() {
            return error != null ? inputId + "-error" : null;
        }
    }

    /** What {@code fields.jte} shows. */
    public record FormView(List<Field> fields, List<Paper> papers) {
    }

    private Forms() {
    }

    /** The form's fields and the papers of a procedure version, with {@code values} kept and {@code errors} ("vi / en") beside them. */
    static FormView view(JsonNode d, Map<String, String> values, Map<String, List<String>> errors, boolean english) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : d.path("form").path("fields")) {
            String name = f.path("name").asText();
            String type = f.path("type").asText();
            String kind = switch (type) {
                case "checkbox", "choice", "textarea" -> type;
                default -> "input";
            };
            String inputType = switch (type) {
                case "email" -> "email";
                case "phone" -> "tel";
                case "number" -> "number";
                default -> "text";
            };
            List<String> choices = new ArrayList<>();
            f.path("choices").forEach(c -> choices.add(c.asText()));
            fields.add(new Field(name, "f-" + name, f.path("label").asText(), f.path("required").asBoolean(false), kind, inputType,
                    values.getOrDefault(name, ""), values.containsKey(name), choices, f.hasNonNull("help") ? f.path("help").asText() : null,
                    type.equals("date"), error(errors, "form." + name, english)));
        }
        List<Paper> papers = new ArrayList<>();
        for (JsonNode paper : d.path("papers")) {
            String id = paper.path("id").asText();
            papers.add(new Paper(id, "p-" + id, paper.path("name").asText(), paper.path("required").asBoolean(true), error(errors, "papers." + id, english)));
        }
        return new FormView(fields, papers);
    }

    /** The messages of {@code key} in the page's language, joined; null when it has none. */
    static String error(Map<String, List<String>> errors, String key, boolean english) {
        List<String> list = errors.get(key);
        if (list == null) {
            return null;
        }
        return String.join(" ", list.stream().map(m -> DossierTemplates.half(m, english)).toList());
    }

    /** The submitted fields ({@code form.<name>} parts) as the JSON the form check reads: a ticked box true, empty fields left out. */
    static ObjectNode formJson(JsonNode definition, Map<String, String> values) {
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        for (JsonNode f : definition.path("form").path("fields")) {
            String name = f.path("name").asText();
            String v = values.get(name);
            if (f.path("type").asText().equals("checkbox")) {
                form.put(name, v != null);
            } else if (v != null && !v.isBlank()) {
                form.put(name, v);
            }
        }
        return form;
    }
}
