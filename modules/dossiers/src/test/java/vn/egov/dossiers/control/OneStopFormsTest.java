package vn.egov.dossiers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.egov.dossiers.control.OneStopForms.Handover;
import vn.egov.dossiers.control.OneStopForms.Heading;
import vn.egov.dossiers.control.OneStopForms.RegisterRow;

class OneStopFormsTest {
    static final Heading HEADING = new Heading("Ủy ban nhân dân xã Quang Kim", "xa-quang-kim-261127-0007", "Lò Thị Mai", "Đăng ký khai sinh");
    /** 09:15 in Vietnam (UTC+7). */
    static final Instant AT = Instant.parse("2026-11-27T02:15:00Z");
    static final String VN_TIME = "09 giờ 15 phút, ngày 27/11/2026";

    @Test
    void theSupplementRequestNamesThePapersTheReasonAndWhen() throws Exception {
        String text = text(OneStopForms.supplement(HEADING, "Giấy chứng sinh bị mờ, không đọc được số hiệu",
                List.of("Giấy chứng sinh (bản chính)", "Tờ khai đăng ký khai sinh có chữ ký của người đi khai"), AT, "Hoàng Văn Đức"));
        heading(text, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
        assertTrue(text.contains("Giấy chứng sinh (bản chính)"), text);
        assertTrue(text.contains("Tờ khai đăng ký khai sinh có chữ ký của người đi khai"), text);
        assertTrue(text.contains("Lý do: Giấy chứng sinh bị mờ, không đọc được số hiệu"), text);
        assertTrue(text.contains("Thời gian yêu cầu: " + VN_TIME), text);
        assertTrue(text.contains("Hoàng Văn Đức"), text);
    }

    @Test
    void theRefusalSaysWhyWhenAndWho() throws Exception {
        String text = text(OneStopForms.refusal(HEADING, "Việc khai sinh thuộc thẩm quyền của Ủy ban nhân dân huyện Bảo Thắng", AT,
                "Nguyễn Thị Hường"));
        heading(text, "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ");
        assertTrue(text.contains("Việc khai sinh thuộc thẩm quyền của Ủy ban nhân dân huyện Bảo Thắng"), text);
        assertTrue(text.contains("Thời gian từ chối: " + VN_TIME), text);
        assertTrue(text.contains("Nguyễn Thị Hường"), text);
    }

    @Test
    void theApologyGivesTheReasonTheDueDayAndTheNewDay() throws Exception {
        String text = text(OneStopForms.apology(HEADING, "Chờ ý kiến xác minh của Công an xã", LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-08"), AT, "Hoàng Văn Đức"));
        heading(text, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
        assertTrue(text.contains("Kính gửi: ông/bà Lò Thị Mai"), text);
        assertTrue(text.contains("Lý do: Chờ ý kiến xác minh của Công an xã"), text);
        assertTrue(text.contains("Thời hạn trả kết quả theo giấy hẹn: ngày 01/12/2026"), text);
        assertTrue(text.contains("ngày 08/12/2026"), text);
        assertTrue(text.contains("Thời gian lập phiếu: " + VN_TIME), text);
    }

    @Test
    void theStopSaysWhoAskedForIt() throws Exception {
        String byApplicant = text(OneStopForms.stop(HEADING, "Người nộp xin rút hồ sơ để bổ sung giấy tờ", true, AT, "Hoàng Văn Đức"));
        heading(byApplicant, "PHIẾU DỪNG GIẢI QUYẾT HỒ SƠ");
        assertTrue(byApplicant.contains("Theo đề nghị của người nộp hồ sơ"), byApplicant);
        assertTrue(byApplicant.contains("Lý do: Người nộp xin rút hồ sơ để bổ sung giấy tờ"), byApplicant);
        assertTrue(byApplicant.contains("Thời gian dừng: " + VN_TIME), byApplicant);
        String byAgency = text(OneStopForms.stop(HEADING, "Có tranh chấp về quyền nuôi con đang được tòa án giải quyết", false, AT, "Hoàng Văn Đức"));
        assertTrue(byAgency.contains("Theo đề nghị của cơ quan giải quyết"), byAgency);
        assertFalse(byAgency.contains("Theo đề nghị của người nộp hồ sơ"), byAgency);
    }

    @Test
    void theControlSheetListsTheHandoversWithTheirOutcomes() throws Exception {
        byte[] pdf = OneStopForms.control(HEADING, AT, LocalDate.parse("2026-12-01"), List.of(
                new Handover("Tiếp nhận", "Bộ phận một cửa", "Công chức tư pháp", Instant.parse("2026-11-27T03:00:00Z"),
                        LocalDate.parse("2026-11-27"), "early", null),
                new Handover("Thẩm định", "Công chức tư pháp", "Phó Chủ tịch", Instant.parse("2026-11-28T08:40:00Z"),
                        LocalDate.parse("2026-11-28"), "on_time", "Đã đối chiếu bản chính"),
                new Handover("Phê duyệt", "Phó Chủ tịch", "Văn thư", Instant.parse("2026-11-30T09:05:00Z"),
                        LocalDate.parse("2026-11-29"), "late", null),
                new Handover("Trả kết quả", "Văn thư", "Bộ phận một cửa", Instant.parse("2026-11-30T10:00:00Z"),
                        LocalDate.parse("2026-12-01"), null, null)));
        String text = text(pdf);
        heading(text, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
        assertTrue(text.contains("Thời gian nhận hồ sơ: " + VN_TIME), text);
        assertTrue(text.contains("ngày 01/12/2026"), text);
        assertTrue(text.contains("Kết quả") && text.contains("Hạn bước"), text);
        assertTrue(text.contains("Đã đối chiếu bản chính"), text);
        assertTrue(text.contains("29/11/2026"), "a step's due day: " + text);
        // the time of each handover in Vietnam's clock: 08:40Z is 15 giờ 40
        assertTrue(text.contains("15 giờ 40 phút"), text);
        // each row's outcome, on the row's own first line (the step's name is the row's only short cell at the left)
        List<String> lines = lines(pdf);
        assertEquals("Sớm hạn", outcomeOf(lines, "Tiếp nhận"));
        assertEquals("Đúng hạn", outcomeOf(lines, "Thẩm định"));
        assertEquals("Quá hạn", outcomeOf(lines, "Phê duyệt"));
        assertEquals("Đang xử lý", outcomeOf(lines, "Trả kết quả"));
    }

    @Test
    void aHandoverWithAnUnknownOutcomeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Handover("Thẩm định", "A", "B", AT, null, "soon", null));
        assertThrows(NullPointerException.class, () -> new Heading("Xã A", null, "B", "C"));
    }

    @Test
    void theRegisterRunsOverPagesWithItsHeaderOnEachAndTheTotalAtTheEnd() throws Exception {
        List<RegisterRow> rows = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            boolean done = i % 3 != 0;
            rows.add(new RegisterRow(String.format("xa-quang-kim-261127-%04d", i), i % 2 == 0 ? "Đăng ký khai sinh" : "Chứng thực bản sao từ bản chính",
                    "Người nộp số " + i, Instant.parse("2026-11-26T18:30:00Z"), LocalDate.parse("2026-12-01"),
                    done ? Instant.parse("2026-11-30T04:00:00Z") : null, done ? "Đã trả kết quả" : "Đang giải quyết", i == 7 ? "Ủy quyền nộp thay" : null));
        }
        byte[] pdf = OneStopForms.register("Ủy ban nhân dân xã Quang Kim", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), rows);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 5, "400 rows on " + doc.getNumberOfPages() + " pages");
            // OpenPDF writes a landscape page as a portrait one turned a quarter
            org.apache.pdfbox.pdmodel.PDPage p1 = doc.getPage(0);
            boolean turned = p1.getRotation() % 180 != 0;
            float width = turned ? p1.getMediaBox().getHeight() : p1.getMediaBox().getWidth();
            float height = turned ? p1.getMediaBox().getWidth() : p1.getMediaBox().getHeight();
            assertTrue(width > height, "landscape: " + width + " x " + height);
            String first = page(doc, 1);
            assertTrue(first.contains("SỔ THEO DÕI HỒ SƠ"), first);
            assertTrue(first.contains("ỦY BAN NHÂN DÂN XÃ QUANG KIM"), first);
            assertTrue(first.contains("Từ ngày 01/11/2026 đến ngày 30/11/2026"), first);
            // received 18:30 UTC on the 26th: the 27th in Vietnam
            assertTrue(first.contains("xa-quang-kim-261127-0001") && first.contains("27/11/2026"), first);
            assertFalse(first.contains("26/11/2026"), first);
            assertTrue(first.contains("01/12/2026") && first.contains("30/11/2026"), "the due and returned days, unbroken: " + first);
            assertTrue(first.contains("Ủy quyền nộp thay") && first.contains("Đang giải quyết"), first);
            String second = page(doc, 2);
            for (String header : List.of("Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày nhận", "Hẹn trả", "Ngày trả", "Tình trạng", "Ghi chú")) {
                assertTrue(second.contains(header), "the header row again on page 2: " + header + " in " + second);
            }
            assertFalse(second.contains("SỔ THEO DÕI HỒ SƠ"), second);
            assertTrue(second.contains("Trang 2"), second);
            String last = page(doc, doc.getNumberOfPages());
            assertTrue(last.contains("xa-quang-kim-261127-0400"), last);
            assertTrue(last.contains("Tổng số: 400 hồ sơ"), last);
        }
    }

    /** The header, the code and the title every dossier's form has. */
    private static void heading(String text, String title) {
        assertTrue(text.contains(title), text);
        assertTrue(text.contains("ỦY BAN NHÂN DÂN XÃ QUANG KIM"), text);
        assertTrue(text.contains("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"), text);
        assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text);
        assertTrue(text.contains("Độc lập - Tự do - Hạnh phúc"), text);
        assertTrue(text.contains("Mã hồ sơ: xa-quang-kim-261127-0007"), text);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static String page(PDDocument doc, int page) throws Exception {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc).replaceAll("\\s+", " ");
    }

    /** The lines of the text as laid out, left to right. */
    private static List<String> lines(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            return s.getText(doc).lines().map(l -> l.replaceAll("\\s+", " ").trim()).toList();
        }
    }

    /** The outcome word on the table line that starts with the row's step. */
    private static String outcomeOf(List<String> lines, String step) {
        List<String> found = lines.stream().filter(l -> l.matches("\\d+ " + step + " .*")).toList();
        assertEquals(1, found.size(), step + " in " + lines);
        List<String> words = List.of("Sớm hạn", "Đúng hạn", "Quá hạn", "Đang xử lý").stream().filter(found.get(0)::contains).toList();
        assertEquals(1, words.size(), found.get(0));
        return words.get(0);
    }
}
