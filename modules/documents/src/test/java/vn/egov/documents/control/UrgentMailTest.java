package vn.egov.documents.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UrgentMailTest {
    static final UrgentMail.Unit COMMUNE = new UrgentMail.Unit(42, "xa-quang-kim", "UBND xã Quang Kim");
    static final UrgentMail.About ABOUT = new UrgentMail.About("HOA_TOC", "12/STP-VP", "Sở Tư pháp", "Về việc phòng chống lũ quét", "Công văn");

    @Test
    void onlyHoaTocAndThuongKhanAreUrgent() {
        assertTrue(UrgentMail.urgent("HOA_TOC"));
        assertTrue(UrgentMail.urgent("THUONG_KHAN"));
        assertFalse(UrgentMail.urgent("KHAN"));
        assertFalse(UrgentMail.urgent("THUONG"));
        assertFalse(UrgentMail.urgent(null));
    }

    @Test
    void theMailNamesTheNumberTheIssuerTheAbstractAndTheLinkInVietnamese() {
        assertEquals("[HỎA TỐC] Văn bản đến 12/STP-VP của Sở Tư pháp", UrgentMail.subject(ABOUT));
        assertEquals("[THƯỢNG KHẨN] Văn bản đến 12/STP-VP của Sở Tư pháp",
                UrgentMail.subject(new UrgentMail.About("THUONG_KHAN", "12/STP-VP", "Sở Tư pháp", "x", "Công văn")));
        String text = UrgentMail.text(COMMUNE, ABOUT, "/t/xa-quang-kim/admin/documents");
        assertTrue(text.startsWith("Kính gửi văn thư và lãnh đạo UBND xã Quang Kim"), text);
        assertTrue(text.contains("Số, ký hiệu: 12/STP-VP"), text);
        assertTrue(text.contains("Cơ quan ban hành: Sở Tư pháp"), text);
        assertTrue(text.contains("Trích yếu: Về việc phòng chống lũ quét"), text);
        assertTrue(text.contains("văn bản hỏa tốc"), text);
        assertTrue(text.contains("/t/xa-quang-kim/admin/documents"), text);
        // made from the plain-text template: every text from the bundles, nothing escaped as if it were HTML
        assertTrue(text.contains("\n  Độ khẩn: HỎA TỐC\n"), text);
        assertTrue(text.contains("(An urgent official document 12/STP-VP from Sở Tư pháp has reached your unit; see /t/xa-quang-kim/admin/documents.)"), text);
        assertFalse(text.contains("??") || text.contains("&"), text);
        String quoted = UrgentMail.text(COMMUNE, new UrgentMail.About("HOA_TOC", "5/UBND", "UBND \"A\" & <B>", "Lũ & sạt lở", "Công văn"), "/x");
        assertTrue(quoted.contains("Cơ quan ban hành: UBND \"A\" & <B>") && quoted.contains("Trích yếu: Lũ & sạt lở"), quoted);
        assertTrue(text.endsWith("xin không trả lời thư này.\n"), text);
    }

    @Test
    void theOutboxRowNamesTheUnitNotItsPeople() {
        JsonObject p = Json.createReader(new StringReader(new String(UrgentMail.payload(COMMUNE, ABOUT, "/x"), StandardCharsets.UTF_8))).readObject();
        assertEquals(42, p.getInt("tenantId"));
        assertEquals("xa-quang-kim", p.getString("unit"));
        assertEquals(UrgentMail.subject(ABOUT), p.getString("subject"));
        assertFalse(p.containsKey("to"));
    }
}
