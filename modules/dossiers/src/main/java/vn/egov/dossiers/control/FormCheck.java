package vn.egov.dossiers.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vn.egov.platform.web.Fields;

/**
 * What an applicant filled in, checked against the typed form of the procedure version they submit under: every
 * field known, required ones given, each value of its type (text within its length and pattern, a number within its
 * bounds, a date as dd/MM/yyyy, one of the choices, an e-mail address, a Vietnamese phone number, a 12-digit
 * identity number). Returns the values as they will be stored (text in NFC, dates in ISO) or the problems by field,
 * in "tiếng Việt / English".
 */
public final class FormCheck {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}\\.[a-zA-Z]{2,24}$");
    static final Pattern PHONE = Pattern.compile("^(0|\\+84)[0-9]{9,10}$");
    static final Pattern ID_NUMBER = Pattern.compile("^[0-9]{12}$");
    static final int DEFAULT_MAX_LENGTH = 2000;

    /** The outcome: the values to store, or what is wrong. */
    public record Result(ObjectNode values, Fields problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private FormCheck() {
    }

    public static Result check(JsonNode form, JsonNode submitted) {
        Fields problems = new Fields();
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        if (submitted == null || !submitted.isObject()) {
            problems.add("form", "problem.field.sendFormFieldsAs");
            return new Result(values, problems);
        }
        Set<String> known = new HashSet<>();
        for (JsonNode f : form.path("fields")) {
            String name = f.path("name").asText();
            known.add(name);
            String at = "form." + name;
            String label = f.path("label").asText(name);
            JsonNode v = submitted.get(name);
            boolean empty = v == null || v.isNull() || (v.isTextual() && v.asText().isBlank());
            if (empty) {
                if (f.path("required").asBoolean(false)) {
                    problems.add(at, "problem.field.required", label);
                }
                continue;
            }
            value(f, name, v, label, at, values, problems);
        }
        for (Iterator<String> it = submitted.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add("form." + name, "problem.field.formHasNoSuch");
            }
        }
        return new Result(values, problems);
    }

    /** A filled-in field's value by its type (a checkbox, a number within its bounds, a text), kept in {@code values} or refused. */
    private static void value(JsonNode f, String name, JsonNode v, String label, String at, ObjectNode values, Fields problems) {
        String type = f.path("type").asText();
        switch (type) {
            case "checkbox" -> {
                if (!v.isBoolean()) {
                    problems.add(at, "problem.field.trueFalse", label);
                } else {
                    values.put(name, v.asBoolean());
                }
            }
            case "number" -> {
                Double n = v.isNumber() ? v.asDouble() : parse(v.asText());
                if (n == null) {
                    problems.add(at, "problem.field.mustNumber", label);
                } else if (f.has("min") && n < f.path("min").asDouble() || f.has("max") && n > f.path("max").asDouble()) {
                    problems.add(at, "problem.field.mustBetween", label, f.path("min").asText("…"), f.path("max").asText("…"));
                } else {
                    values.put(name, n);
                }
            }
            default -> {
                if (!v.isTextual()) {
                    problems.add(at, "problem.field.mustText", label);
                    return;
                }
                String s = Normalizer.normalize(v.asText().strip(), Normalizer.Form.NFC);
                String stored = text(type, s, f, label, at, problems);
                if (stored != null) {
                    values.put(name, stored);
                }
            }
        }
    }

    private static String text(String type, String s, JsonNode f, String label, String at, Fields problems) {
        int max = f.path("maxLength").asInt(DEFAULT_MAX_LENGTH);
        if (s.length() > max) {
            problems.add(at, "problem.field.atMostCharacters", label, max);
            return null;
        }
        switch (type) {
            case "date" -> {
                try {
                    return LocalDate.parse(s, DAY).toString();
                } catch (DateTimeParseException e) {
                    problems.add(at, "problem.field.notDateWriteDd", label);
                    return null;
                }
            }
            case "choice" -> {
                for (JsonNode c : f.path("choices")) {
                    if (c.asText().equals(s)) {
                        return s;
                    }
                }
                problems.add(at, "problem.field.chooseOneChoices", label);
                return null;
            }
            case "email" -> {
                return matches(EMAIL, s, label, at, problems, "problem.field.mustBeEmail");
            }
            case "phone" -> {
                return matches(PHONE, s.replace(" ", "").replace(".", ""), label, at, problems, "problem.field.mustBePhone");
            }
            case "idNumber" -> {
                return matches(ID_NUMBER, s, label, at, problems, "problem.field.mustBeIdNumber");
            }
            default -> {
                if (f.has("pattern")) {
                    try {
                        if (!Pattern.compile(f.path("pattern").asText()).matcher(s).matches()) {
                            problems.add(at, "problem.field.notExpectedForm", label);
                            return null;
                        }
                    } catch (PatternSyntaxException e) {
                        // the catalogue's pattern is broken: the value is taken as it is, not refused for the catalogue's fault
                    }
                }
                return s;
            }
        }
    }

    private static String matches(Pattern p, String s, String label, String at, Fields problems, String key) {
        if (p.matcher(s).matches()) {
            return s;
        }
        problems.add(at, key, label);
        return null;
    }

    private static Double parse(String s) {
        try {
            return Double.valueOf(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
