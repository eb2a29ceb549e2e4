package vn.egov.dossiers.pages;

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
}
