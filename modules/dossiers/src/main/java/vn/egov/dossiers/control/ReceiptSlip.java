package vn.egov.dossiers.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import vn.egov.dossiers.entity.Dossier;

/**
 * The receipt and appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả, form 01 of the one-stop rules) of a
 * dossier, as a PDF: the receiving unit, the dossier's code, the applicant, the procedure, the papers received, the
 * times of receipt and of the appointment, and a QR code to the dossier's status. Set in Liberation Serif (Times
 * New Roman's metrics, Vietnamese glyphs) embedded in the file.
 */
public final class ReceiptSlip {
    /** One paper received: its name and the files that came for it. */
    public record Received(String paper, List<String> files) {
    }

    private ReceiptSlip() {
    }

    public static byte[] pdf(Dossier d, String unitName, List<Received> papers, String statusUrl) {
        try {
            Pdf.Fonts fonts = Pdf.fonts();
            Font text = fonts.text();
            Font strong = fonts.strong();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A4, 60, 50, 40, 40);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle("Giấy tiếp nhận hồ sơ và hẹn trả kết quả " + d.code());
            doc.open();

            doc.add(Pdf.header(unitName, fonts.header()));
            doc.add(Pdf.code(d.code(), strong));
            doc.add(Pdf.title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", fonts.title()));
            doc.add(new Paragraph("Bộ phận tiếp nhận và trả kết quả " + unitName + " tiếp nhận hồ sơ của:", text));
            doc.add(new Paragraph("Ông/bà: " + d.applicantName(), strong));
            doc.add(new Paragraph("Nội dung yêu cầu giải quyết: " + d.procedureName() + " (mã thủ tục " + d.procedureCode()
                    + ", phiên bản " + d.procedureVersion() + ")", text));
            doc.add(new Paragraph("Hình thức nộp: " + channel(d.channel()), text));
            doc.add(new Paragraph("\nThành phần hồ sơ nộp gồm:", text));
            PdfPTable list = new PdfPTable(new float[] {8, 52, 40});
            list.setWidthPercentage(100);
            list.setSpacingBefore(4);
            for (String h : new String[] {"TT", "Tên giấy tờ", "Tệp đã nộp"}) {
                list.addCell(Pdf.padded(new Phrase(h, strong)));
            }
            int n = 1;
            for (Received r : papers) {
                list.addCell(Pdf.padded(new Phrase(Integer.toString(n++), text)));
                list.addCell(Pdf.padded(new Phrase(r.paper(), text)));
                list.addCell(Pdf.padded(new Phrase(String.join(", ", r.files()), text)));
            }
            doc.add(list);
            doc.add(new Paragraph("\nThời gian nhận hồ sơ: " + Pdf.time(d.receivedAt()), text));
            doc.add(new Paragraph("Thời gian trả kết quả giải quyết hồ sơ: ngày " + Pdf.day(d.dueDate()), strong));
            doc.add(new Paragraph("Tra cứu tình trạng hồ sơ: quét mã QR hoặc mở " + statusUrl, text));

            Image qr = Image.getInstance(qr(writer, statusUrl, 130));
            qr.setAlignment(Element.ALIGN_RIGHT);
            doc.add(qr);
            doc.close();
            return out.toByteArray();
        } catch (DocumentException | IOException | WriterException e) {
            throw new IllegalStateException("the receipt slip of " + d.code() + " could not be made", e);
        }
    }

    /**
     * The QR code drawn as vector squares, one per module ({@code size} points wide, quiet zone included): sharp at
     * any print or screen resolution, where a scaled bitmap gets modules of uneven width that readers may miss.
     * Error correction Q (25%): with M, ZXing's own reader failed on 2 of 30 sample codes even from a clean image.
     */
    static com.lowagie.text.pdf.PdfTemplate qr(PdfWriter writer, String content, float size) throws WriterException {
        BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q, EncodeHintType.MARGIN, 4));
        float module = size / m.getWidth();
        com.lowagie.text.pdf.PdfTemplate t = writer.getDirectContent().createTemplate(size, size);
        t.setRGBColorFill(0, 0, 0);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    t.rectangle(x * module, size - (y + 1) * module, module, module);
                }
            }
        }
        t.fill();
        return t;
    }

    private static String channel(String c) {
        return switch (c) {
            case "online" -> "trực tuyến";
            case "post" -> "qua bưu chính công ích";
            default -> "trực tiếp";
        };
    }
}
