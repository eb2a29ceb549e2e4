package vn.egov.dossiers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.egov.platform.words.Note;
import vn.egov.platform.words.Phrase;

/** A history line's note, as the dossiers write it (the platform's {@link Note}), kept as a row keeps it and read back. */
class HistoryNotesTest {
    static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void thePlatformsWordsAreSaidInTheReadersLanguageFromWhatTheRowKeeps() {
        Note paid = Note.said(Wording.BUNDLE, "history.paid", 150000, "GD-7");
        assertEquals("history.paid", paid.key());
        assertEquals(List.of("150000", "GD-7"), paid.args(), "the row keeps the arguments as texts");
        assertNull(paid.written());

        Note read = Note.stored(Wording.BUNDLE, paid.key(), paid.args(), "Đã nộp phí, lệ phí 150000 đồng (giao dịch GD-7)");
        assertEquals(paid, read, "a row's key wins over the Vietnamese text kept beside it");
        assertEquals("Đã nộp phí, lệ phí 150000 đồng (giao dịch GD-7)", read.in(VI));
        assertEquals("Fees and charges of 150000 dong paid (transaction GD-7)", read.in(Locale.ENGLISH));
        assertTrue(read.in(Locale.forLanguageTag("qps")).startsWith("⟦Fees and charges"), read.in(Locale.forLanguageTag("qps")));
        assertEquals(read.in(VI), read.in(Locale.forLanguageTag("hmn")), "a language the platform has no words in reads Vietnamese");
    }

    @Test
    void whatAPersonWroteStaysAsWrittenInEveryLanguage() {
        Note reason = Note.stored(Wording.BUNDLE, null, null, "Thiếu bản sao giấy khai sinh");
        assertNull(reason.key());
        assertEquals(List.of(), reason.args());
        assertEquals("Thiếu bản sao giấy khai sinh", reason.in(Locale.ENGLISH));
        assertNull(Note.written(null).in(VI), "no note");
    }

    @Test
    void aNoteIsSaidOrWrittenAndKeepsOnlyTexts() {
        Phrase said = Phrase.of(Wording.BUNDLE, "history.refused", "x");
        assertThrows(IllegalArgumentException.class, () -> new Note(said, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new Note(Phrase.of(Wording.BUNDLE, "history.refused", said), null), "a nested phrase has no column to go to");
    }
}
