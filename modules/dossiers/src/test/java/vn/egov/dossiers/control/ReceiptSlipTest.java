package vn.egov.dossiers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.egov.dossiers.entity.Dossier;

class ReceiptSlipTest {

    @Test
    void theSlipSaysWhatWasReceivedAndWhenInVietnameseWithAQrCodeToTheStatus() throws Exception {
        Dossier d = new Dossier(1, 2, "xa-quang-kim-261127-0007", "1.001193.H38", "Đăng ký khai sinh", 3, 5L, "Lò Thị Mai", "online",
                "received", Instant.parse("2026-11-27T02:15:00Z"), LocalDate.parse("2026-12-01"));
        String url = "https://dichvucong.laocai.gov.vn/api/dossiers/xa-quang-kim-261127-0007";
        byte[] pdf = ReceiptSlip.pdf(d, "Ủy ban nhân dân xã Quang Kim", List.of(new ReceiptSlip.Received("Tờ khai đăng ký khai sinh",
                List.of("to-khai.pdf")), new ReceiptSlip.Received("Giấy chứng sinh", List.of("chung-sinh.jpg", "trang-2.jpg"))), url);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), text);
            assertTrue(text.contains("Mã hồ sơ: xa-quang-kim-261127-0007"), text);
            assertTrue(text.contains("Ông/bà: Lò Thị Mai"), text);
            assertTrue(text.contains("Đăng ký khai sinh (mã thủ tục 1.001193.H38, phiên bản 3)"), text);
            assertTrue(text.contains("Giấy chứng sinh") && text.contains("chung-sinh.jpg, trang-2.jpg"), text);
            assertTrue(text.contains("09 giờ 15 phút, ngày 27/11/2026"), "the time of receipt in Vietnam's time: " + text);
            assertTrue(text.contains("ngày 01/12/2026"), text);
            assertEquals(url, qr(doc));
        }
    }

    @Test
    void theQrCodeReadsBackWhateverTheCode() throws Exception {
        // the code (and so the QR code's pattern) differs with every unit and day: 30 of them, all read back
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 30; i++) {
            String code = "xa-" + Long.toString(Math.abs(random.nextLong()), 36) + "-261127-" + String.format("%04d", random.nextInt(10_000));
            Dossier d = new Dossier(1, 2, code, "1.001193.H38", "Đăng ký khai sinh", 1, null, "Hà Văn Sơn", "counter", "received",
                    Instant.parse("2026-11-27T02:15:00Z"), LocalDate.parse("2026-12-01"));
            String url = "http://localhost:" + (28000 + i) + "/api/dossiers/" + code;
            try (PDDocument doc = Loader.loadPDF(ReceiptSlip.pdf(d, "Xã Cổng " + code, List.of(new ReceiptSlip.Received("Tờ khai", List.of("a.pdf"))), url))) {
                assertEquals(url, qr(doc), code);
            }
        }
    }

    /** The QR code on the slip's page, as a phone would read it off the printed page (the code's own area, squarely). */
    static String qr(PDDocument doc) throws Exception {
        BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
        return new com.google.zxing.qrcode.QRCodeReader().decode(new BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new BufferedImageLuminanceSource(page))), java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
