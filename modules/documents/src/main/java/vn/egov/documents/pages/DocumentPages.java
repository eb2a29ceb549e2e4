package vn.egov.documents.pages;

import jakarta.ws.rs.core.MultivaluedMap;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.egov.documents.control.Registers;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.web.pages.Templates;

/**
 * The documents' pages ({@code /t/{code}/admin/documents}): their templates ({@code src/main/jte}, compiled into
 * {@code vn.egov.documents.jte}), their texts and what the screens share. The screens: {@link OverviewPage} (what waits,
 * my work, the registers, the unit's organ id), {@link SearchPage}, {@link DraftPage}, {@link PaperPage} and
 * {@link DocumentPage} (one document and its actions).
 */
final class DocumentPages {
    static final Templates TEMPLATES = new Templates("vn.egov.documents.jte");
    /** The bundle of the documents' texts ({@code messages_vi/en.properties} beside these classes). */
    static final String BUNDLE = "vn.egov.documents.pages.messages";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");
    static final int MAX_FILE = 20 * 1024 * 1024;
    /** The newest entries of each register the overview shows; the printed register (PDF, CSV) has them all. */
    static final int SHOWN = 200;

    private DocumentPages() {
    }

    /** This request's texts of the documents, for Java (a flash, an option's label). */
    static Messages texts(Desk layout) {
        return Messages.of(layout.locale(), BUNDLE);
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(Registers.VIETNAM));
    }

    static String time(String instant) {
        return instant == null ? "" : time(Instant.parse(instant));
    }

    static String day(LocalDate d) {
        return d == null ? null : Registers.DAY.format(d);
    }

    /** A form's field, stripped and in NFC ("" when absent). */
    static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : Normalizer.normalize(v.strip(), Normalizer.Form.NFC);
    }

    static String orNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Rolls a change's transaction back when the page itself found a fault the change did not. */
    static final class Undo extends RuntimeException {
        Undo() {
            super("undone by the page", null, false, false);
        }
    }
}
