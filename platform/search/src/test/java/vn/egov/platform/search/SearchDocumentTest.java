package vn.egov.platform.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchDocumentTest {
    static final Instant T = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void textIsKeptInNfcAndSurvivesTheOutboxJson() {
        String nfd = Normalizer.normalize("Đăng ký khai sinh", Normalizer.Form.NFD);
        SearchDocument d = new SearchDocument("notice:1", 10, "1.5.10", "notice", Visibility.RESTRICTED,
                Set.of("role:UNIT_ADMIN", "user:7"), nfd, nfd, "/x", T);
        assertEquals("Đăng ký khai sinh", d.title());
        assertEquals(Normalizer.normalize(nfd, Normalizer.Form.NFC), d.body());
        assertEquals(d, SearchDocument.fromJson(d.toJson()));
    }

    @Test
    void badDocumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SearchDocument("article:1", 10, "1.5.10", "notice",
                Visibility.PUBLIC, Set.of(), "t", "b", null, T), "id of another type");
        assertThrows(IllegalArgumentException.class, () -> new SearchDocument("notice:1", 0, "1.5.10", "notice",
                Visibility.PUBLIC, Set.of(), "t", "b", null, T), "path of another unit (10 is not 0)");
        assertThrows(IllegalArgumentException.class, () -> new SearchDocument("notice:1", 10, "1.5.110", "notice",
                Visibility.PUBLIC, Set.of(), "t", "b", null, T), "1.5.110 is not unit 10");
        assertThrows(IllegalArgumentException.class, () -> new SearchDocument("notice:1", 10, "1.5.10", "notice",
                Visibility.RESTRICTED, Set.of(), "t", "b", null, T), "restricted to nobody");
        assertThrows(IllegalArgumentException.class, () -> new SearchDocument("notice:1", 10, "1.5.10", "notice",
                Visibility.RESTRICTED, Set.of("everyone"), "t", "b", null, T), "not a reader");
        assertThrows(NullPointerException.class, () -> new SearchDocument("notice:1", 10, "1.5.10", "notice",
                Visibility.PUBLIC, Set.of(), null, "b", null, T));
    }
}
