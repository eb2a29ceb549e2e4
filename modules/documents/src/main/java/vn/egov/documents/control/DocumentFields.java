package vn.egov.documents.control;

import static vn.egov.documents.control.Registers.add;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a clerk writes in a document's fields, checked and tidied (trimmed, NFC): the required and optional texts with
 * their lengths, the urgency and secrecy from their lists, the dates (dd/MM/yyyy) and the page count. Each refusal
 * goes beside its field in {@code problems}; nothing here writes.
 */
final class DocumentFields {
    private DocumentFields() {
    }

    static String urgency(String given, Map<String, List<String>> problems) {
        String u = given == null || given.isBlank() ? "THUONG" : given.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Registers.URGENCIES.contains(u)) {
            add(problems, "urgency", "Độ khẩn là một trong: THUONG (thường), KHAN (khẩn), THUONG_KHAN (thượng khẩn), HOA_TOC (hỏa tốc).",
                    "Urgency is one of THUONG, KHAN, THUONG_KHAN, HOA_TOC.");
        }
        return u;
    }

    static String secrecy(String given, Map<String, List<String>> problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String s = given.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Registers.SECRECIES.contains(s)) {
            add(problems, "secrecy", "Độ mật là một trong: MAT (mật), TOI_MAT (tối mật), TUYET_MAT (tuyệt mật), hoặc để trống.",
                    "Secrecy is one of MAT, TOI_MAT, TUYET_MAT, or none.");
            return null;
        }
        return s;
    }

    static LocalDate date(String given, String field, Map<String, List<String>> problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(given.strip(), Registers.DAY);
        } catch (java.time.format.DateTimeParseException e) {
            add(problems, field, "Ngày viết theo dạng dd/MM/yyyy (ví dụ 05/01/2027).", "Write the date as dd/MM/yyyy.");
            return null;
        }
    }

    static Integer pages(Integer given, Map<String, List<String>> problems) {
        if (given != null && (given < 1 || given > 10000)) {
            add(problems, "pageCount", "Số trang từ 1 đến 10.000.", "The page count is 1 to 10,000.");
        }
        return given;
    }

    static String required(String given, int max, String field, String vi, String en, Map<String, List<String>> problems) {
        String v = given == null ? null : java.text.Normalizer.normalize(given.strip(), java.text.Normalizer.Form.NFC);
        if (v == null || v.isEmpty()) {
            add(problems, field, vi, en);
            return null;
        }
        if (v.length() > max) {
            add(problems, field, "Tối đa " + max + " ký tự.", "At most " + max + " characters.");
        }
        return v;
    }

    static String optional(String given, int max, String field, Map<String, List<String>> problems) {
        String v = given == null ? null : java.text.Normalizer.normalize(given.strip(), java.text.Normalizer.Form.NFC);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            add(problems, field, "Tối đa " + max + " ký tự.", "At most " + max + " characters.");
        }
        return v;
    }
}
