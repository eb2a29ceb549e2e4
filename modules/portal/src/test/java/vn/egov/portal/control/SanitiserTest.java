package vn.egov.portal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class SanitiserTest {

    @Test
    void scriptsHandlersAndDangerousUrlsDoNotSurvive() {
        String dirty = "<p onclick=\"x()\" style=\"color:red\">Chào <b>bà con</b></p><script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">a</a><a href=\"JaVaScRiPt:alert(3)\">b</a><img src=\"data:image/png;base64,AAAA\">"
                + "<img src=x onerror=alert(4)><iframe src=\"https://evil\"></iframe><svg onload=alert(5)></svg>"
                + "<a href=\"https://dichvucong.gov.vn\" target=_blank>Cổng</a><a href=\"/t/xa-a/pages/1-gioi-thieu\">trang</a>";
        String clean = Sanitiser.clean(dirty);
        for (String bad : new String[] {"<script", "onclick", "onerror", "onload", "javascript", "JaVaScRiPt", "data:", "<iframe", "<svg", "style="}) {
            assertFalse(clean.contains(bad), bad + " survived: " + clean);
        }
        assertTrue(clean.contains("<b>bà con</b>"), clean);
        assertTrue(clean.contains("href=\"https://dichvucong.gov.vn\""), clean);
        assertTrue(clean.contains("href=\"/t/xa-a/pages/1-gioi-thieu\""), "the site's own relative links stay: " + clean);
        assertTrue(clean.contains("rel=\"noopener nofollow\""), clean);
    }

    @Test
    void aBlocksAlignmentClassStaysAndNoOtherClass() {
        String clean = Sanitiser.clean("<p class=\"align-center\">Giữa</p><h2 class=\"align-right skip-link\">Phải</h2>"
                + "<p class=\"visually-hidden\">ẩn</p><span class=\"align-center\">x</span><p style=\"text-align:center\">y</p>");
        assertEquals("<p class=\"align-center\">Giữa</p><h2 class=\"align-right\">Phải</h2><p>ẩn</p><span>x</span><p>y</p>", clean);
        assertEquals("<p class=\"indent-2 align-right\">Lùi</p><blockquote class=\"indent-1\">z</blockquote><p>w</p>",
                Sanitiser.clean("<p class=\"indent-2 MsoNormal align-right\">Lùi</p><blockquote class=\"indent-1\">z</blockquote>"
                        + "<p class=\"indent-9\" style=\"margin-left:40px\">w</p>"));
    }

    @Test
    void aLinkWithoutItsAddressIsItsTextAndAnImageWithoutAltIsDecorative() {
        assertEquals("<p>xấu <img src=\"x\" alt=\"\"> <img src=\"/f/1\" alt=\"Trụ sở\"></p>",
                Sanitiser.clean("<p><a href=\"javascript:alert(2)\">xấu</a> <img src=x onerror=alert(3)> <img src=\"/f/1\" alt=\"Trụ sở\"></p>"));
    }

    @Test
    void textIsNormalisedToNfc() {
        String nfd = Normalizer.normalize("<p>Thủ tục hành chính</p>", Normalizer.Form.NFD);
        assertEquals("<p>Thủ tục hành chính</p>", Sanitiser.clean(nfd));
        assertEquals("", Sanitiser.clean("  "));
        assertEquals("Một hai", Sanitiser.text("<p>Một <b>hai</b></p>"));
    }

    @Test
    void contrastFollowsWcag() {
        assertEquals(21.0, Colours.contrast("#000000", "#ffffff"), 0.01);
        assertTrue(Colours.contrast("#a4161a", "#ffffff") >= Colours.AA, "the default header colour passes");
        assertTrue(Colours.contrast("#ffee58", "#ffffff") < Colours.AA, "a pale yellow does not");
        assertEquals("#14532d", Colours.parse(" #14532D "));
        assertEquals(null, Colours.parse("red"));
    }
}
