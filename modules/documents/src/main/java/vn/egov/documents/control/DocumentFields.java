package vn.egov.documents.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.egov.platform.web.Fields;

/**
 * What a clerk writes in a document's fields, checked and tidied (trimmed, NFC): the required and optional texts with
 * their lengths, the urgency and secrecy from their lists, the dates (dd/MM/yyyy) and the page count. Each refusal
 * goes beside its field in {@code problems}; nothing here writes.
 */
final class DocumentFields {
    private DocumentFields() {
    }

    static String urgency(String given, Fields problems) {
        String u = given == null || given.isBlank() ? "THUONG" : given.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Registers.URGENCIES.contains(u)) {
            problems.add("urgency", "problem.field.urgencyOneThuongKhan");
        }
        return u;
    }

    static String secrecy(String given, Fields problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String s = given.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Registers.SECRECIES.contains(s)) {
            problems.add("secrecy", "problem.field.secrecyOneMatToi");
            return null;
        }
        return s;
    }

    static LocalDate date(String given, String field, Fields problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(given.strip(), Registers.DAY);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(field, "problem.field.dateWithExample");
            return null;
        }
    }

    static Integer pages(Integer given, Fields problems) {
        if (given != null && (given < 1 || given > 10000)) {
            problems.add("pageCount", "problem.field.pageCount");
        }
        return given;
    }

    static String required(String given, int max, String field, String key, Fields problems) {
        String v = given == null ? null : java.text.Normalizer.normalize(given.strip(), java.text.Normalizer.Form.NFC);
        if (v == null || v.isEmpty()) {
            problems.add(field, key);
            return null;
        }
        if (v.length() > max) {
            problems.add(field, "problem.field.atMostCharacters", max);
        }
        return v;
    }

    static String optional(String given, int max, String field, Fields problems) {
        String v = given == null ? null : java.text.Normalizer.normalize(given.strip(), java.text.Normalizer.Form.NFC);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            problems.add(field, "problem.field.atMostCharacters", max);
        }
        return v;
    }
}
