package vn.egov.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginFilterTest {

    @Test
    void aRequestFromThePortalItselfOrFromNoBrowserGoesOn() {
        assertTrue(SameOriginFilter.sameOrigin(null, null, "dichvucong.laocai.gov.vn", null), "not a browser: no headers");
        assertTrue(SameOriginFilter.sameOrigin("same-origin", "https://dichvucong.laocai.gov.vn", "dichvucong.laocai.gov.vn", null));
        assertTrue(SameOriginFilter.sameOrigin(null, "http://localhost:18080", "localhost:18080", null));
        assertTrue(SameOriginFilter.sameOrigin(null, "https://DichVuCong.LaoCai.gov.vn:443", "dichvucong.laocai.gov.vn", null), "case and default port");
        assertTrue(SameOriginFilter.sameOrigin(null, "https://dichvucong.laocai.gov.vn", "10.0.0.5:8080", "dichvucong.laocai.gov.vn"),
                "behind a proxy that forwards the host");
    }

    @Test
    void aRequestAnotherSiteMadeTheBrowserSendIsRefused() {
        assertFalse(SameOriginFilter.sameOrigin("cross-site", null, "dichvucong.laocai.gov.vn", null));
        assertFalse(SameOriginFilter.sameOrigin(null, "https://evil.example", "dichvucong.laocai.gov.vn", null));
        assertFalse(SameOriginFilter.sameOrigin(null, "null", "dichvucong.laocai.gov.vn", null), "a sandboxed page's opaque origin");
        assertFalse(SameOriginFilter.sameOrigin(null, "http://localhost:18081", "localhost:18080", null), "another port is another origin");
        assertFalse(SameOriginFilter.sameOrigin(null, "https://dichvucong.laocai.gov.vn.evil.example", "dichvucong.laocai.gov.vn", null));
    }

    @Test
    void anOriginIsReducedToItsHostAndPort() {
        assertEquals("a.vn", SameOriginFilter.authority("https://a.vn"));
        assertEquals("a.vn:8443", SameOriginFilter.authority("https://a.vn:8443"));
        assertNull(SameOriginFilter.authority("null"));
        assertNull(SameOriginFilter.authority("%%%"));
    }
}
