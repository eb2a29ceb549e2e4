package vn.egov.dossiers.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import vn.egov.platform.web.Html;

/** Small pieces of HTML shared by the dossiers' pages. */
final class Forms {
    static final String STYLE = """
            <style>
            form.dossier label{display:block;margin-top:.6rem;font-weight:600}
            form.dossier input[type=radio],form.dossier input[type=checkbox]{width:auto;margin-right:.4rem}
            form.dossier input:not([type=checkbox]):not([type=radio]),form.dossier select,form.dossier textarea{width:min(100%,32rem);box-sizing:border-box;font-size:1rem;padding:.3rem}
            .field-error{color:#8a0000;margin:.2rem 0}
            [aria-invalid=true]{border:2px solid #8a0000}
            .hint{color:#555;font-size:.9rem;margin:.1rem 0}
            table.list{border-collapse:collapse;width:100%} table.list th,table.list td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
            .status{font-weight:bold} .late{color:#8a0000;font-weight:bold}
            button{font-size:1rem;padding:.35rem .9rem;margin:.3rem 0;cursor:pointer}
            fieldset{margin:.8rem 0;border:1px solid #c8c8c8}
            .ok{color:#0b5e0b;border:1px solid #0b5e0b;padding:.5rem}
            </style>
            """;

    static final Map<String, String> STATUS = Map.of("received", "Đã tiếp nhận", "in_progress", "Đang giải quyết", "supplement", "Chờ bổ sung giấy tờ",
            "transferred", "Đang xử lý liên thông", "done", "Đã có kết quả", "refused", "Từ chối giải quyết", "stopped", "Dừng giải quyết");

    private Forms() {
    }

    static String status(String s) {
        return STATUS.getOrDefault(s, s);
    }

    /** The field's messages, tied to it for screen readers, or nothing. */
    static String errors(String id, Map<String, List<String>> errors, String key) {
        List<String> list = errors.get(key);
        if (list == null || list.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String m : list) {
            // the problems are bilingual ("vi / en"): a page in Vietnamese shows the Vietnamese half
            b.append("<p class=\"field-error\" id=\"").append(id).append("-error\">").append(Html.escape(m.contains(" / ") ? m.substring(0, m.indexOf(" / ")) : m))
                    .append("</p>");
        }
        return b.toString();
    }

    static String invalid(Map<String, List<String>> errors, String key, String id) {
        return errors.containsKey(key) ? " aria-invalid=\"true\" aria-describedby=\"" + id + "-error\"" : "";
    }

    /** The form's fields and the papers' file inputs of a procedure version, with the values kept and the messages beside them. */
    static String fieldsAndPapers(JsonNode d, Map<String, String> values, Map<String, List<String>> errors) {
        StringBuilder b = new StringBuilder("<fieldset><legend>Thông tin tờ khai</legend>");
        for (JsonNode f : d.path("form").path("fields")) {
            String name = f.path("name").asText();
            String id = "f-" + name;
            String key = "form." + name;
            String value = values.getOrDefault(name, "");
            boolean required = f.path("required").asBoolean(false);
            String label = Html.escape(f.path("label").asText()) + (required ? " <span aria-hidden=\"true\">*</span>" : "");
            String common = " id=\"" + id + "\" name=\"form." + Html.escape(name) + "\"" + (required ? " required" : "") + invalid(errors, key, id);
            switch (f.path("type").asText()) {
                case "checkbox" -> b.append("<label><input type=\"checkbox\" value=\"on\"").append(common).append(values.containsKey(name) ? " checked" : "")
                        .append("> ").append(label).append("</label>");
                case "choice" -> {
                    b.append("<label for=\"").append(id).append("\">").append(label).append("</label><select").append(common).append("><option value=\"\">— chọn —</option>");
                    f.path("choices").forEach(c -> b.append("<option").append(c.asText().equals(value) ? " selected" : "").append(">")
                            .append(Html.escape(c.asText())).append("</option>"));
                    b.append("</select>");
                }
                case "textarea" -> b.append("<label for=\"").append(id).append("\">").append(label).append("</label><textarea rows=\"4\"").append(common)
                        .append(">").append(Html.escape(value)).append("</textarea>");
                default -> {
                    String type = switch (f.path("type").asText()) {
                        case "email" -> "email";
                        case "phone" -> "tel";
                        case "number" -> "number";
                        default -> "text";
                    };
                    b.append("<label for=\"").append(id).append("\">").append(label).append("</label><input type=\"").append(type).append("\"").append(common)
                            .append(" value=\"").append(Html.escape(value)).append("\"")
                            .append(f.path("type").asText().equals("date") ? " placeholder=\"dd/mm/yyyy\" inputmode=\"numeric\"" : "").append(">");
                }
            }
            if (f.hasNonNull("help")) {
                b.append("<p class=\"hint\">").append(Html.escape(f.path("help").asText())).append("</p>");
            } else if (f.path("type").asText().equals("date")) {
                b.append("<p class=\"hint\">Ngày/tháng/năm, ví dụ 05/09/2026</p>");
            }
            b.append(errors(id, errors, key));
        }
        b.append("</fieldset><fieldset><legend>Thành phần hồ sơ (PDF hoặc ảnh, mỗi tệp đến 10 MB)</legend>");
        for (JsonNode paper : d.path("papers")) {
            String id = "p-" + paper.path("id").asText();
            String key = "papers." + paper.path("id").asText();
            boolean required = paper.path("required").asBoolean(true);
            b.append("<label for=\"").append(id).append("\">").append(Html.escape(paper.path("name").asText())).append(required ? " <span aria-hidden=\"true\">*</span>" : " (nếu có)")
                    .append("</label><input type=\"file\" accept=\"application/pdf,image/*\" id=\"").append(id).append("\" name=\"paper.")
                    .append(Html.escape(paper.path("id").asText())).append("\"").append(required ? " required" : "").append(invalid(errors, key, id)).append(">");
            b.append(errors(id, errors, key));
        }
        b.append("</fieldset>");
        return b.toString();
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
