package vn.egov.documents.pages;

import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.documents.control.Registers;
import vn.egov.documents.control.Wording;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.words.Words;

/** What the two forms with files (a draft, a paper document) share: reading the parts, the choices, a problem's messages. */
final class Forms {

    private Forms() {
    }

    /** A file sent with the form (its name as the browser gave it, or null). */
    record Part(String fileName, byte[] content) {
        String name(String otherwise) {
            return fileName == null ? otherwise : fileName;
        }

        boolean tooLarge() {
            return content.length > DocumentPages.MAX_FILE;
        }
    }

    /** A multipart form: its text fields (in NFC) and its non-empty files by field, each read up to one byte over the limit. */
    record Upload(Map<String, String> values, Map<String, List<Part>> files) {
        static Upload read(List<EntityPart> parts, Set<String> fileFields) throws IOException {
            Map<String, String> values = new HashMap<>();
            Map<String, List<Part>> files = new HashMap<>();
            for (EntityPart p : parts) {
                if (fileFields.contains(p.getName())) {
                    byte[] content;
                    try (InputStream in = p.getContent()) {
                        content = in.readNBytes(DocumentPages.MAX_FILE + 1);
                    }
                    if (content.length > 0) {
                        files.computeIfAbsent(p.getName(), k -> new ArrayList<>()).add(new Part(p.getFileName().orElse(null), content));
                    }
                } else {
                    values.put(p.getName(), Normalizer.normalize(p.getContent(String.class), Normalizer.Form.NFC));
                }
            }
            return new Upload(values, files);
        }

        /** The last file of {@code field}, or null. */
        Part last(String field) {
            List<Part> l = files.getOrDefault(field, List.of());
            return l.isEmpty() ? null : l.get(l.size() - 1);
        }

        /** A field's value stripped, or null when empty. */
        String value(String field) {
            return DocumentPages.orNull(values.get(field));
        }
    }

    /** A problem's messages by field, in the page's language; a problem without fields under "". */
    static Map<String, List<String>> fieldErrors(ProblemException e, Desk layout) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        // a problem said per language has its messages in the page's language; an older one pairs "tiếng Việt / English"
        Problem said = e.problem().in(layout.locale());
        if (said.fieldErrors() == null || said.fieldErrors().isEmpty()) {
            out.put("", List.of(layout.en() ? said.detailEn() : said.detailVi()));
        } else {
            said.fieldErrors().forEach((k, v) -> out.put(k, e.problem().perLanguage() ? v : v.stream().map(layout::message).toList()));
        }
        return out;
    }

    /** Where a change's problem goes: beside the file's field when a file was being stored, else beside each field named. */
    static void put(Map<String, List<String>> errors, String fileField, ProblemException e, Desk layout) {
        Map<String, List<String>> fe = fieldErrors(e, layout);
        if (!fileField.isEmpty()) {
            errors.put(fileField, fe.values().stream().flatMap(List::stream).toList());
        } else {
            errors.putAll(fe);
        }
    }

    /** The form's view: the values typed, the messages, the choices in the page's language. */
    static FormView view(Messages t, String back, String action, Map<String, String> values, Map<String, List<String>> errors, boolean duplicate) {
        List<DeskFrame.Option> urgencies = Registers.URGENCIES.stream()
                .map(u -> new DeskFrame.Option(u, t.text("urgency." + u), u.equals(values.getOrDefault("urgency", "THUONG")))).toList();
        List<DeskFrame.Option> secrecies = new ArrayList<>();
        secrecies.add(new DeskFrame.Option("", t.text("secrecy.none"), false));
        Registers.SECRECIES.forEach(s -> secrecies.add(new DeskFrame.Option(s, t.text("secrecy." + s), s.equals(values.get("secrecy")))));
        // the API's words for the box ("confirmDuplicate") are the box on the page
        List<String> general = errors.getOrDefault("", List.of()).stream().map(m -> m.replace(" (confirmDuplicate)", "")).toList();
        Words vi = Wording.in(java.util.Locale.forLanguageTag("vi"));
        List<DeskFrame.Option> docTypes = FormView.DOC_TYPES.stream()
                .map(d -> new DeskFrame.Option(vi.text("docType." + d), t.text("docType." + d), false)).toList();
        return new FormView(back, action, values, errors, general, duplicate, urgencies, secrecies, docTypes);
    }
}
