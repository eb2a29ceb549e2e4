package vn.egov.portal.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class CachedPageTest {

    @Test
    void aPageIsKeptWithItsGzipFormWhichGivesTheSameBytesBack() throws Exception {
        byte[] html = "<p>Ủy ban nhân dân xã tiếp công dân vào thứ Năm hằng tuần.</p>".repeat(100).getBytes(StandardCharsets.UTF_8);
        CachedPage page = CachedPage.of(html);
        assertNotNull(page.gzip());
        assertTrue(page.gzip().length < html.length / 4, "repetitive HTML compresses well: " + page.gzip().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(page.gzip()))) {
            assertArrayEquals(html, in.readAllBytes());
        }
    }

    @Test
    void smallPagesAndTheNotFoundMarkerAreNotCompressed() {
        assertNull(CachedPage.of(new byte[0]).gzip());
        assertNull(CachedPage.of("<p>ngắn</p>".getBytes(StandardCharsets.UTF_8)).gzip());
    }

    @Test
    void acceptEncodingIsReadAsBrowsersSendIt() {
        assertTrue(CachedPage.acceptsGzip("gzip, deflate, br, zstd"));
        assertTrue(CachedPage.acceptsGzip("br;q=1.0, GZIP;q=0.8"));
        assertFalse(CachedPage.acceptsGzip(null));
        assertFalse(CachedPage.acceptsGzip("br, deflate"));
        assertFalse(CachedPage.acceptsGzip("gzip;q=0"));
        assertFalse(CachedPage.acceptsGzip("gzip; q=0.0, identity"));
        assertFalse(CachedPage.acceptsGzip("x-gzip-not"));
    }
}
