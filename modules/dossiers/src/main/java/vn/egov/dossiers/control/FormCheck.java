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
    public record Result(ObjectNode values, Map<String, List<String>> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private FormCheck() {
    }

    public static Result check(JsonNode form, JsonNode submitted) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        if (submitted == null || !submitted.isObject()) {
            add(problems, "form", "Gửi các trường của tờ khai dưới dạng một đối tượng JSON.", "Send the form's fields as a JSON object.");
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
                    add(problems, at, "Hãy điền \"" + label + "\".", "\"" + label + "\" is required.");
                }
                continue;
            }
            value(f, name, v, label, at, values, problems);
        }
        for (Iterator<String> it = submitted.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                add(problems, "form." + name, "Tờ khai không có trường này.", "The form has no such field.");
            }
        }
        return new Result(values, problems);
    }

    /** A filled-in field's value by its type (a checkbox, a number within its bounds, a text), kept in {@code values} or refused. */
    private static void value(JsonNode f, String name, JsonNode v, String label, String at, ObjectNode values, Map<String, List<String>> problems) {
        String type = f.path("type").asText();
        switch (type) {
            case "checkbox" -> {
                if (!v.isBoolean()) {
                    add(problems, at, "\"" + label + "\": có hoặc không (true/false).", "\"" + label + "\": true or false.");
                } else {
                    values.put(name, v.asBoolean());
                }
            }
            case "number" -> {
                Double n = v.isNumber() ? v.asDouble() : parse(v.asText());
                if (n == null) {
                    add(problems, at, "\"" + label + "\" phải là một số.", "\"" + label + "\" must be a number.");
                } else if (f.has("min") && n < f.path("min").asDouble() || f.has("max") && n > f.path("max").asDouble()) {
                    add(problems, at, "\"" + label + "\" phải từ " + f.path("min").asText("…") + " đến " + f.path("max").asText("…") + ".",
                            "\"" + label + "\" must be between " + f.path("min").asText("…") + " and " + f.path("max").asText("…") + ".");
                } else {
                    values.put(name, n);
                }
            }
            default -> {
                if (!v.isTextual()) {
                    add(problems, at, "\"" + label + "\" phải là chữ.", "\"" + label + "\" must be text.");
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

    private static String text(String type, String s, JsonNode f, String label, String at, Map<String, List<String>> problems) {
        int max = f.path("maxLength").asInt(DEFAULT_MAX_LENGTH);
        if (s.length() > max) {
            add(problems, at, "\"" + label + "\" tối đa " + max + " ký tự.", "\"" + label + "\" is at most " + max + " characters.");
            return null;
        }
        switch (type) {
            case "date" -> {
                try {
                    return LocalDate.parse(s, DAY).toString();
                } catch (DateTimeParseException e) {
                    add(problems, at, "\"" + label + "\": ngày không hợp lệ, viết dd/MM/yyyy.", "\"" + label + "\": not a date; write dd/MM/yyyy.");
                    return null;
                }
            }
            case "choice" -> {
                for (JsonNode c : f.path("choices")) {
                    if (c.asText().equals(s)) {
                        return s;
                    }
                }
                add(problems, at, "\"" + label + "\": hãy chọn một trong các lựa chọn.", "\"" + label + "\": choose one of the choices.");
                return null;
            }
            case "email" -> {
                return matches(EMAIL, s, label, at, problems, "địa chỉ thư điện tử", "an e-mail address");
            }
            case "phone" -> {
                return matches(PHONE, s.replace(" ", "").replace(".", ""), label, at, problems, "số điện thoại (0xxxxxxxxx)", "a phone number (0xxxxxxxxx)");
            }
            case "idNumber" -> {
                return matches(ID_NUMBER, s, label, at, problems, "số định danh cá nhân 12 chữ số", "a 12-digit personal identification number");
            }
            default -> {
                if (f.has("pattern")) {
                    try {
                        if (!Pattern.compile(f.path("pattern").asText()).matcher(s).matches()) {
                            add(problems, at, "\"" + label + "\" không đúng dạng.", "\"" + label + "\" is not in the expected form.");
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

    private static String matches(Pattern p, String s, String label, String at, Map<String, List<String>> problems, String vi, String en) {
        if (p.matcher(s).matches()) {
            return s;
        }
        add(problems, at, "\"" + label + "\" phải là " + vi + ".", "\"" + label + "\" must be " + en + ".");
        return null;
    }

    private static Double parse(String s) {
        try {
            return Double.valueOf(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static void add(Map<String, List<String>> out, String at, String vi, String en) {
        out.computeIfAbsent(at, k -> new ArrayList<>()).add(vi + " / " + en);
    }
}
