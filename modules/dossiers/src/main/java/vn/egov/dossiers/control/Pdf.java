package vn.egov.dossiers.control;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the printed forms of the one-stop rules share (the receipt slip and {@link OneStopForms}): Liberation Serif
 * (Times New Roman's metrics, Vietnamese glyphs) embedded in the file, the two-column header of the receiving unit
 * and the national motto, the dossier's code on a line of its own, the centered title, table cells, and the
 * Vietnamese way of writing days and times.
 */
final class Pdf {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/uuuu");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final byte[] REGULAR = font("liberation/LiberationSerif-Regular.ttf");
    private static final byte[] BOLD = font("liberation/LiberationSerif-Bold.ttf");

    /**
     * The fonts of one document: body text, bold body text, the title and the header (the sizes of the receipt
     * slip), and the two faces for other sizes (a register's table).
     */
    record Fonts(BaseFont regularFace, BaseFont boldFace, Font text, Font strong, Font title, Font header) {
        Font regular(float size) {
            return new Font(regularFace, size);
        }

        Font bold(float size) {
            return new Font(boldFace, size);
        }
    }

    private Pdf() {
    }

    /** New fonts for one document (embedded, subset to the glyphs the document uses). */
    static Fonts fonts() throws DocumentException, IOException {
        BaseFont regular = BaseFont.createFont("LiberationSerif-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
        BaseFont bold = BaseFont.createFont("LiberationSerif-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
        return new Fonts(regular, bold, new Font(regular, 13), new Font(bold, 13), new Font(bold, 14), new Font(bold, 11));
    }

    /** The unit and its one-stop section on the left, the country's name and motto on the right. */
    static PdfPTable header(String unitName, Font font) {
        PdfPTable head = new PdfPTable(new float[] {45, 55});
        head.setWidthPercentage(100);
        head.addCell(plain(new Phrase(unitName.toUpperCase(VIETNAMESE) + "\nBỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", font)));
        head.addCell(plain(new Phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", font)));
        return head;
    }

    /** The dossier's code on a line of its own: it is long and must not be broken. */
    static Paragraph code(String code, Font font) {
        Paragraph p = new Paragraph("Mã hồ sơ: " + code, font);
        p.setSpacingBefore(6);
        return p;
    }

    /** The form's title, centered, a blank line above and below. */
    static Paragraph title(String title, Font font) {
        Paragraph t = new Paragraph("\n" + title + "\n\n", font);
        t.setAlignment(Element.ALIGN_CENTER);
        return t;
    }

    /** A cell without borders, its text centered (headers, signatures). */
    static PdfPCell plain(Phrase p) {
        PdfPCell c = new PdfPCell(p);
        c.setBorder(0);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        return c;
    }

    /** A table cell with borders and some room around its text. */
    static PdfPCell padded(Phrase p) {
        PdfPCell c = new PdfPCell(p);
        c.setPadding(4);
        return c;
    }

    /** An instant as Vietnam's clock and calendar show it: {@code 09 giờ 15 phút, ngày 27/11/2026}. */
    static String time(Instant at) {
        return TIME.format(at.atZone(Intake.VIETNAM));
    }

    /** A day as {@code 27/11/2026}. */
    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** Optional text: nothing for null. */
    static String text(String s) {
        return s == null ? "" : s;
    }

    private static byte[] font(String path) {
        try (InputStream in = Pdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font " + path + " is missing (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
