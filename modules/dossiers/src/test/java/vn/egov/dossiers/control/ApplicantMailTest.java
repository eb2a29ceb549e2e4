package vn.egov.dossiers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The applicant's e-mails, made from the plain-text template and the mail bundle, in Vietnamese. */
class ApplicantMailTest {

    static Processing.State state(String status, String returnBy, String email) {
        return new Processing.State(1, 2, "000.00.05.H34-261207-0001", 2, List.of(2L), status, "s1", "Thẩm định", null,
                null, null, LocalDate.of(2026, 12, 17), null, 1, 7, 1, "1.001", "Đăng ký khai sinh", 9L, "Nguyễn Thị Hoa & <Con>",
                returnBy, Instant.parse("2026-12-07T02:00:00Z"), null, null, email);
    }

    static JsonObject payload(Processing.State s, Announcements.Letter letter) {
        return Json.createReader(new StringReader(Announcements.mailPayload(s, letter))).readObject();
    }

    @Test
    void aReceivedDossierIsToldWithItsDatesAndCode() {
        Processing.State s = state("received", "online", "hoa@example.vn");
        JsonObject mail = payload(s, Announcements.tell(s));
        assertEquals("hoa@example.vn", mail.getString("to"));
        assertEquals("Hồ sơ 000.00.05.H34-261207-0001: đã tiếp nhận", mail.getString("subject"));
        String text = mail.getString("text");
        assertTrue(text.startsWith("Kính gửi ông/bà Nguyễn Thị Hoa & <Con>,\n\n"), text);
        assertTrue(text.contains("Hồ sơ 000.00.05.H34-261207-0001 (Đăng ký khai sinh) đã được tiếp nhận ngày 07/12/2026. Hẹn trả kết quả: 17/12/2026."), text);
        assertTrue(text.contains("\nMã hồ sơ: 000.00.05.H34-261207-0001\n"), text);
        assertTrue(text.strip().endsWith("xin đừng trả lời thư này."), text);
        assertFalse(text.contains("??") || text.contains("&amp;") || text.contains("&lt;"), text);
    }

    @Test
    void aResultSaysHowItComesAndChangesWithoutNewsTellNothing() {
        Processing.State online = state("done", "online", "hoa@example.vn");
        assertTrue(payload(online, Announcements.tell(online)).getString("text").contains("tải kết quả và đánh giá mức độ hài lòng"));
        Processing.State post = state("done", "post", "hoa@example.vn");
        assertTrue(payload(post, Announcements.tell(post)).getString("text").contains("qua bưu chính công ích"));
        assertNull(Announcements.tell(state("in_progress", "online", "hoa@example.vn")));
        assertNull(Announcements.mailPayload(state("received", "online", " "), Announcements.tell(state("received", "online", " "))));
    }

    @Test
    void anApologyNamesBothDatesAndTheReason() {
        Processing.State s = state("in_progress", "online", "hoa@example.vn");
        String text = payload(s, Announcements.letter(s, "tell.apology", s.code(), "17/12/2026", "24/12/2026", "Chờ xác minh")).getString("text");
        assertTrue(text.contains("Cơ quan giải quyết xin lỗi ông/bà vì hồ sơ 000.00.05.H34-261207-0001 không kịp trả kết quả ngày 17/12/2026. "
                + "Ngày hẹn trả kết quả mới: 24/12/2026. Lý do: Chờ xác minh"), text);
    }
}
