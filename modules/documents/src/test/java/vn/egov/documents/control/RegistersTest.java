package vn.egov.documents.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.search.Visibility;
import vn.egov.platform.security.UserPrincipal;

class RegistersTest {

    @Test
    void numbersBelowTenAreZeroPadded() {
        assertEquals("05/UBND-VP", Registers.numberSymbol(5, "UBND-VP"));
        assertEquals("10/UBND-VP", Registers.numberSymbol(10, "UBND-VP"));
        assertEquals("1234/QĐ-UBND", Registers.numberSymbol(1234, "QĐ-UBND"));
    }

    @Test
    void aSymbolIsLettersAndDigitsInHyphenatedPartsStartingWithACapitalWithoutTheNumber() {
        for (String ok : List.of("UBND-VP", "QĐ-UBND", "STP", "BC-SNV2", "TTr-UBND", "CTr-SNV")) {
            assertTrue(Registers.SYMBOL.matcher(ok).matches(), ok);
        }
        for (String bad : List.of("12/UBND", "ubnd-vp", "UBND-vp", "UBND--VP", "-UBND", "UBND VP", "")) {
            assertFalse(Registers.SYMBOL.matcher(bad).matches(), bad);
        }
    }

    static Registers.Doc doc(String secrecy, String createdBy, List<Long> readers) {
        return new Registers.Doc(7, 3, "outgoing", "issued", secrecy, "THUONG", "Công văn", "UBND-VP", 2026, 5, "05/UBND-VP", "UBND xã",
                null, LocalDate.of(2026, 1, 5), "Về việc họp", null, null, null, null, readers, null, null, createdBy, Instant.EPOCH, Instant.EPOCH, 1,
                Registers.Work.NONE);
    }

    static UserPrincipal user(long id, String name) {
        return new UserPrincipal(id, name, name, 3, "xa", "1.3", java.util.Set.of(), false, false);
    }

    @Test
    void aSecretDocumentIsReadByItsAuthorAndNamedReadersOnly() {
        Registers.Doc secret = doc("MAT", "an", List.of(11L, 12L));
        assertTrue(secret.readableBy(user(11, "an")));
        assertTrue(secret.readableBy(user(12, "binh")));
        assertFalse(secret.readableBy(user(13, "chi")));
        assertTrue(doc(null, "an", List.of()).readableBy(user(13, "chi")), "an ordinary one: the unit's scope decides");
    }

    @Test
    void searchFindsASecretDocumentOnlyThroughItsReaders() {
        SearchDocument secret = Registers.searchDocument(doc("TOI_MAT", "an", List.of(11L, 12L)), 3, "1.3", "xa", "");
        assertEquals(Visibility.RESTRICTED, secret.visibility());
        assertEquals(java.util.Set.of("user:11", "user:12"), secret.readers());
        SearchDocument ordinary = Registers.searchDocument(doc(null, "an", List.of()), 3, "1.3", "xa", "Kế hoạch kiểm tra hộ tịch");
        assertEquals(Visibility.STAFF, ordinary.visibility());
        assertEquals("document:7", ordinary.id());
        assertTrue(ordinary.title().startsWith("05/UBND-VP Công văn"), ordinary.title());
        assertTrue(ordinary.body().contains("Kế hoạch kiểm tra hộ tịch"), "the text of its PDFs is searched too");
    }
}
