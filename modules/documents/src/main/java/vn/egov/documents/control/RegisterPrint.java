package vn.egov.documents.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * A register as the decree's forms print it (Decree 30/2020/NĐ-CP, Appendix IV: the register of outgoing documents and
 * the register of incoming documents) for one unit and period, as a PDF (A4 landscape, Liberation Serif with the
 * Vietnamese glyphs embedded) or a spreadsheet (CSV in UTF-8 with a byte-order mark, which spreadsheet programs open
 * with the diacritics right). The ordinary series and the secret series are separate registers; the secret one lists
 * only what the person printing it may read.
 */
@ApplicationScoped
public class RegisterPrint {
    static final String[] OUTGOING = {"Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
        "Nơi nhận văn bản", "Độ khẩn", "Ghi chú"};
    static final String[] INCOMING = {"Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung",
        "Đơn vị hoặc người nhận", "Độ khẩn", "Ghi chú"};
    private static final byte[] REGULAR = font("liberation/LiberationSerif-Regular.ttf");
    private static final byte[] BOLD = font("liberation/LiberationSerif-Bold.ttf");

    @Inject
    Db db;

    /** The register's entries for the period: by the day of issue (outgoing) or of arrival (incoming), in the order of their numbers. */
    @Transactional
    @TenantTransactional
    public List<Doc> entries(Tenant unit, long registerUnit, String register, boolean secret, LocalDate from, LocalDate to, UserPrincipal reader) {
        String day = register.equals("outgoing") ? "issued_on" : "received_on";
        return db.list("SELECT " + Registers.COLS + " FROM document WHERE tenant_id = ? AND register_unit_id = ? AND register = ? AND number IS NOT NULL AND series = ? "
                        + "AND " + day + " BETWEEN ? AND ? AND (secrecy IS NULL OR created_by = ? OR ? = ANY (readers)) ORDER BY year, number",
                Registers::doc, unit.getId(), registerUnit, register, secret ? "secret" : "normal", from, to, reader.username(), reader.userId());
    }

    public static String title(String register, boolean secret) {
        return (register.equals("outgoing") ? "SỔ ĐĂNG KÝ VĂN BẢN ĐI" : "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN") + (secret ? " (MẬT)" : "");
    }

    static List<String> row(String register, Doc d) {
        String type = d.docType() + ": " + d.abstractText();
        String note = (d.secrecy() == null ? "" : secrecy(d.secrecy()) + ". ") + (d.status().equals("recalled") ? "Đã thu hồi." : "");
        if (register.equals("outgoing")) {
            return List.of(d.numberSymbol(), day(d.issuedOn()), type, text(d.signer()), text(d.recipientsText()), urgency(d.urgency()), note.strip());
        }
        String handler = d.work().leadHandler() == null ? "" : d.work().leadHandler()
                + (d.work().supportHandlers().isEmpty() ? "" : " (phối hợp: " + String.join(", ", d.work().supportHandlers()) + ")");
        return List.of(day(d.receivedOn()), Integer.toString(d.number()), d.issuer(), text(d.numberSymbol()), day(d.issuedOn()), type, handler,
                urgency(d.urgency()), note.strip());
    }

    public static String csv(String register, List<Doc> docs) {
        try (StringWriter out = new StringWriter()) {
            out.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(register.equals("outgoing") ? OUTGOING : INCOMING).build())) {
                for (Doc d : docs) {
                    csv.printRecord(row(register, d));
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] pdf(String unitName, String register, boolean secret, LocalDate from, LocalDate to, List<Doc> docs) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont regular = BaseFont.createFont("LiberationSerif-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
            BaseFont bold = BaseFont.createFont("LiberationSerif-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
            Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title(register, secret) + " - " + unitName);
            doc.open();
            Paragraph unit = new Paragraph(unitName.toUpperCase(Locale.forLanguageTag("vi")), new Font(bold, 12));
            doc.add(unit);
            Paragraph t = new Paragraph("\n" + title(register, secret), new Font(bold, 16));
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            Paragraph period = new Paragraph("Từ ngày " + day(from) + " đến ngày " + day(to) + "\n\n", new Font(regular, 12));
            period.setAlignment(Element.ALIGN_CENTER);
            doc.add(period);
            String[] head = register.equals("outgoing") ? OUTGOING : INCOMING;
            float[] widths = register.equals("outgoing") ? new float[] {12, 10, 34, 12, 18, 7, 7} : new float[] {9, 6, 14, 11, 9, 27, 12, 6, 6};
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String h : head) {
                table.addCell(cell(h, new Font(bold, 10), Element.ALIGN_CENTER));
            }
            Font body = new Font(regular, 10);
            for (Doc d : docs) {
                for (String v : row(register, d)) {
                    table.addCell(cell(v, body, Element.ALIGN_LEFT));
                }
            }
            if (docs.isEmpty()) {
                PdfPCell none = cell("Không có văn bản trong thời gian này.", body, Element.ALIGN_CENTER);
                none.setColspan(head.length);
                table.addCell(none);
            }
            doc.add(table);
            doc.add(new Paragraph("\nTổng số: " + docs.size() + " văn bản.", new Font(regular, 11)));
            doc.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the register could not be printed", e);
        }
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(3);
        c.setHorizontalAlignment(align);
        return c;
    }

    static String urgency(String u) {
        return switch (u) {
            case "HOA_TOC" -> "Hỏa tốc";
            case "THUONG_KHAN" -> "Thượng khẩn";
            case "KHAN" -> "Khẩn";
            default -> "";
        };
    }

    static String secrecy(String s) {
        return switch (s) {
            case "TUYET_MAT" -> "Tuyệt mật";
            case "TOI_MAT" -> "Tối mật";
            default -> "Mật";
        };
    }

    private static String day(LocalDate d) {
        return d == null ? "" : Registers.DAY.format(d);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static byte[] font(String path) {
        try (InputStream in = RegisterPrint.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font " + path + " is missing (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
