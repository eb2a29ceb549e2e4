package vn.egov.dossiers.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The other printed forms of the one-stop rules (the receipt slip is {@link ReceiptSlip}), as PDFs in the slip's
 * style: the request to complete a dossier (02), the refusal (03), the apology with a new day for the result (04),
 * the stop (05), the control sheet of the handovers (06) and the unit's register of dossiers (07). Every text in
 * Vietnamese; days as {@code dd/MM/yyyy}, times as Vietnam's clock shows them. Text that comes in (reasons, names)
 * is printed as given.
 */
public final class OneStopForms {
    private static final float[] SIGNATURE_COLUMNS = {50, 50};

    /** What every form names about its dossier. */
    public record Heading(String unitName, String code, String applicantName, String procedureName) {
        public Heading {
            Objects.requireNonNull(unitName, "unitName");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(applicantName, "applicantName");
            Objects.requireNonNull(procedureName, "procedureName");
        }
    }

    /** One handover in the control sheet. outcome is "early", "on_time", "late" or null (still open). */
    public record Handover(String step, String giver, String receiver, Instant at, LocalDate stepDue, String outcome, String note) {
        public Handover {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(giver, "giver");
            Objects.requireNonNull(receiver, "receiver");
            Objects.requireNonNull(at, "at");
            if (outcome != null && !List.of("early", "on_time", "late").contains(outcome)) {
                throw new IllegalArgumentException("outcome " + outcome + " is none of early, on_time, late (or null, still open)");
            }
        }
    }

    /** One line of the register. finishedAt and result may be null (not finished). status is a Vietnamese word already. */
    public record RegisterRow(String code, String procedureName, String applicantName, Instant receivedAt, LocalDate dueDate,
            Instant finishedAt, String status, String note) {
        public RegisterRow {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(procedureName, "procedureName");
            Objects.requireNonNull(applicantName, "applicantName");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(dueDate, "dueDate");
        }
    }

    private OneStopForms() {
    }

    /** Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — the papers asked for (names), the reason, the day asked, by whom. */
    public static byte[] supplement(Heading h, String reason, List<String> papers, Instant askedAt, String staffName) {
        Objects.requireNonNull(reason, "reason");
        List<String> asked = List.copyOf(Objects.requireNonNull(papers, "papers"));
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(staffName, "staffName");
        return form("the request to complete (form 02)", h, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", (doc, f) -> {
            dossier(doc, f, h, "Hồ sơ của:");
            doc.add(new Paragraph("\nSau khi xem xét hồ sơ, Bộ phận tiếp nhận và trả kết quả " + h.unitName()
                    + " đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", f.text()));
            PdfPTable list = new PdfPTable(new float[] {8, 92});
            list.setWidthPercentage(100);
            list.setSpacingBefore(4);
            list.setHeaderRows(1);
            list.addCell(Pdf.padded(new Phrase("TT", f.strong())));
            list.addCell(Pdf.padded(new Phrase("Giấy tờ cần bổ sung, hoàn thiện", f.strong())));
            int n = 1;
            for (String paper : asked) {
                list.addCell(Pdf.padded(new Phrase(Integer.toString(n++), f.text())));
                list.addCell(Pdf.padded(new Phrase(paper, f.text())));
            }
            doc.add(list);
            doc.add(new Paragraph("\nLý do: " + reason, f.text()));
            doc.add(new Paragraph("Thời gian yêu cầu: " + Pdf.time(askedAt), f.text()));
            doc.add(new Paragraph("Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ Bộ phận tiếp nhận và trả kết quả "
                    + h.unitName() + " để được hướng dẫn.", f.text()));
            doc.add(new Paragraph("Xin trân trọng cảm ơn!", f.text()));
            signature(doc, f, "NGƯỜI HƯỚNG DẪN", staffName);
        });
    }

    /** Form 03: Phiếu từ chối giải quyết hồ sơ — the reason, when, by whom. */
    public static byte[] refusal(Heading h, String reason, Instant at, String staffName) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(staffName, "staffName");
        return form("the refusal (form 03)", h, "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ", (doc, f) -> {
            dossier(doc, f, h, "Bộ phận tiếp nhận và trả kết quả " + h.unitName() + " tiếp nhận hồ sơ của:");
            doc.add(new Paragraph("\nQua xem xét, " + h.unitName() + " thông báo không giải quyết hồ sơ này với lý do cụ thể như sau:",
                    f.text()));
            doc.add(new Paragraph(reason, f.text()));
            doc.add(new Paragraph("\nThời gian từ chối: " + Pdf.time(at), f.text()));
            doc.add(new Paragraph("Xin thông báo cho ông/bà được biết./.", f.text()));
            signature(doc, f, "NGƯỜI TỪ CHỐI", staffName);
        });
    }

    /** Form 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả — the reason for the delay, the original due day, the new day. */
    public static byte[] apology(Heading h, String reason, LocalDate dueDate, LocalDate newDate, Instant at, String staffName) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(newDate, "newDate");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(staffName, "staffName");
        return form("the apology (form 04)", h, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", (doc, f) -> {
            doc.add(new Paragraph("Kính gửi: ông/bà " + h.applicantName(), f.strong()));
            doc.add(new Paragraph("\n" + h.unitName() + " tiếp nhận giải quyết hồ sơ của ông/bà với nội dung yêu cầu giải quyết: "
                    + h.procedureName() + ".", f.text()));
            doc.add(new Paragraph("Thời hạn trả kết quả theo giấy hẹn: ngày " + Pdf.day(dueDate) + ".", f.text()));
            doc.add(new Paragraph("Tuy nhiên đến nay, " + h.unitName() + " chưa trả kết quả giải quyết hồ sơ của ông/bà.", f.text()));
            doc.add(new Paragraph("Lý do: " + reason, f.text()));
            doc.add(new Paragraph("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại cho ông/bà. " + h.unitName()
                    + " xin lỗi ông/bà và xin hẹn lại thời gian trả kết quả:", f.text()));
            doc.add(new Paragraph("ngày " + Pdf.day(newDate), f.strong()));
            doc.add(new Paragraph("\nThời gian lập phiếu: " + Pdf.time(at), f.text()));
            doc.add(new Paragraph("Xin trân trọng cảm ơn!", f.text()));
            signature(doc, f, "NGƯỜI LẬP PHIẾU", staffName);
        });
    }

    /** Form 05: Phiếu dừng giải quyết hồ sơ — the reason, who asked (the applicant or the agency), when, by whom. */
    public static byte[] stop(Heading h, String reason, boolean askedByApplicant, Instant at, String staffName) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(staffName, "staffName");
        return form("the stop (form 05)", h, "PHIẾU DỪNG GIẢI QUYẾT HỒ SƠ", (doc, f) -> {
            dossier(doc, f, h, "Hồ sơ của:");
            doc.add(new Paragraph("\n" + (askedByApplicant
                    ? "Theo đề nghị của người nộp hồ sơ, "
                    : "Theo đề nghị của cơ quan giải quyết, ") + h.unitName() + " dừng giải quyết hồ sơ này.", f.text()));
            doc.add(new Paragraph("Người đề nghị dừng: " + (askedByApplicant ? "người nộp hồ sơ" : "cơ quan giải quyết"), f.text()));
            doc.add(new Paragraph("Lý do: " + reason, f.text()));
            doc.add(new Paragraph("Thời gian dừng: " + Pdf.time(at), f.text()));
            doc.add(new Paragraph("Xin thông báo cho ông/bà được biết./.", f.text()));
            signature(doc, f, "NGƯỜI LẬP PHIẾU", staffName);
        });
    }

    /**
     * Form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ — the dossier's received time and due day, then a table: TT,
     * step, giver, receiver, time of the handover, the step's due day, the outcome (Sớm hạn / Đúng hạn / Quá hạn /
     * Đang xử lý when still open), note.
     */
    public static byte[] control(Heading h, Instant receivedAt, LocalDate dueDate, List<Handover> rows) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueDate, "dueDate");
        List<Handover> handovers = List.copyOf(Objects.requireNonNull(rows, "rows"));
        return form("the control sheet (form 06)", h, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", (doc, f) -> {
            dossier(doc, f, h, "Kèm theo hồ sơ của:");
            doc.add(new Paragraph("Thời gian nhận hồ sơ: " + Pdf.time(receivedAt), f.text()));
            doc.add(new Paragraph("Thời gian trả kết quả giải quyết hồ sơ: ngày " + Pdf.day(dueDate), f.strong()));
            Font head = f.bold(10);
            Font cell = f.regular(10);
            PdfPTable table = new PdfPTable(new float[] {5, 14, 13, 13, 17, 14, 12, 12});
            table.setWidthPercentage(100);
            table.setSpacingBefore(10);
            table.setHeaderRows(1);
            for (String title : new String[] {"TT", "Tên bước", "Bên giao", "Bên nhận", "Thời gian giao nhận", "Hạn bước", "Kết quả",
                    "Ghi chú"}) {
                table.addCell(Pdf.padded(new Phrase(title, head)));
            }
            int n = 1;
            for (Handover r : handovers) {
                table.addCell(Pdf.padded(new Phrase(Integer.toString(n++), cell)));
                table.addCell(Pdf.padded(new Phrase(r.step(), cell)));
                table.addCell(Pdf.padded(new Phrase(r.giver(), cell)));
                table.addCell(Pdf.padded(new Phrase(r.receiver(), cell)));
                table.addCell(Pdf.padded(new Phrase(Pdf.time(r.at()), cell)));
                table.addCell(Pdf.padded(new Phrase(r.stepDue() == null ? "" : Pdf.day(r.stepDue()), cell)));
                table.addCell(Pdf.padded(new Phrase(outcome(r.outcome()), cell)));
                table.addCell(Pdf.padded(new Phrase(Pdf.text(r.note()), cell)));
            }
            doc.add(table);
        });
    }

    /**
     * Form 07: Sổ theo dõi hồ sơ — the dossiers of a unit received in a period, landscape A4, one line each (TT, code,
     * procedure, applicant, day received, day due, day returned, status, note) under a header row repeated on every
     * page, the total at the end and the page's number at its foot.
     */
    public static byte[] register(String unitName, LocalDate from, LocalDate to, List<RegisterRow> rows) {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<RegisterRow> lines = List.copyOf(Objects.requireNonNull(rows, "rows"));
        try {
            Pdf.Fonts f = Pdf.fonts();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 44);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            Font footer = f.regular(10);
            writer.setPageEvent(new PdfPageEventHelper() {
                @Override
                public void onEndPage(PdfWriter w, Document d) {
                    Rectangle page = d.getPageSize();
                    ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER, new Phrase("Trang " + w.getPageNumber(), footer),
                            (page.getLeft() + page.getRight()) / 2, d.bottom() - 24, 0);
                }
            });
            doc.addTitle("Sổ theo dõi hồ sơ " + unitName + " từ " + Pdf.day(from) + " đến " + Pdf.day(to));
            doc.open();
            doc.add(Pdf.header(unitName, f.header()));
            doc.add(Pdf.title("SỔ THEO DÕI HỒ SƠ", f.title()));
            Paragraph period = new Paragraph("Từ ngày " + Pdf.day(from) + " đến ngày " + Pdf.day(to), f.text());
            period.setAlignment(Element.ALIGN_CENTER);
            period.setSpacingAfter(8);
            doc.add(period);

            doc.add(registerTable(f, lines));
            Paragraph total = new Paragraph("Tổng số: " + lines.size() + " hồ sơ", f.strong());
            total.setSpacingBefore(8);
            doc.add(total);
            doc.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the register (form 07) of " + unitName + " from " + from + " to " + to + " could not be made", e);
        }
    }

    /** Form 07's table: the header row (repeated on every page), then one line a dossier. */
    private static PdfPTable registerTable(Pdf.Fonts f, List<RegisterRow> lines) {
        Font head = f.bold(10);
        Font cell = f.regular(10);
        PdfPTable table = new PdfPTable(new float[] {4, 16, 19, 13, 9, 9, 9, 10, 11});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String title : new String[] {"TT", "Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày nhận", "Hẹn trả", "Ngày trả", "Tình trạng",
                "Ghi chú"}) {
            PdfPCell c = Pdf.padded(new Phrase(title, head));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(c);
        }
        int n = 1;
        for (RegisterRow r : lines) {
            table.addCell(Pdf.padded(new Phrase(Integer.toString(n++), cell)));
            table.addCell(Pdf.padded(new Phrase(r.code(), cell)));
            table.addCell(Pdf.padded(new Phrase(r.procedureName(), cell)));
            table.addCell(Pdf.padded(new Phrase(r.applicantName(), cell)));
            table.addCell(Pdf.padded(new Phrase(day(r.receivedAt()), cell)));
            table.addCell(Pdf.padded(new Phrase(Pdf.day(r.dueDate()), cell)));
            table.addCell(Pdf.padded(new Phrase(r.finishedAt() == null ? "" : day(r.finishedAt()), cell)));
            table.addCell(Pdf.padded(new Phrase(Pdf.text(r.status()), cell)));
            table.addCell(Pdf.padded(new Phrase(Pdf.text(r.note()), cell)));
        }
        return table;
    }

    /** What a form writes after its header, code and title. */
    private interface Body {
        void write(Document doc, Pdf.Fonts fonts) throws DocumentException;
    }

    /** A portrait A4 form of a dossier: the header, the code, the title, then the body. */
    private static byte[] form(String what, Heading h, String title, Body body) {
        Objects.requireNonNull(h, "heading");
        try {
            Pdf.Fonts f = Pdf.fonts();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A4, 60, 50, 40, 40);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title.charAt(0) + title.substring(1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + " " + h.code());
            doc.open();
            doc.add(Pdf.header(h.unitName(), f.header()));
            doc.add(Pdf.code(h.code(), f.strong()));
            doc.add(Pdf.title(title, f.title()));
            body.write(doc, f);
            doc.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException(what + " of " + h.code() + " could not be made", e);
        }
    }

    /** The applicant and what they asked for. */
    private static void dossier(Document doc, Pdf.Fonts f, Heading h, String lead) throws DocumentException {
        doc.add(new Paragraph(lead, f.text()));
        doc.add(new Paragraph("Ông/bà: " + h.applicantName(), f.strong()));
        doc.add(new Paragraph("Nội dung yêu cầu giải quyết: " + h.procedureName(), f.text()));
    }

    /** The signer's role and name on the right, room to sign between them. */
    private static void signature(Document doc, Pdf.Fonts f, String role, String name) throws DocumentException {
        PdfPTable sign = new PdfPTable(SIGNATURE_COLUMNS);
        sign.setWidthPercentage(100);
        sign.setSpacingBefore(16);
        sign.setKeepTogether(true);
        sign.addCell(Pdf.plain(new Phrase("")));
        Phrase p = new Phrase();
        p.add(new Phrase(role + "\n", f.strong()));
        p.add(new Phrase("(Ký và ghi rõ họ tên)\n\n\n\n", f.regular(12)));
        p.add(new Phrase(name, f.strong()));
        sign.addCell(Pdf.plain(p));
        doc.add(sign);
    }

    private static String outcome(String outcome) {
        if (outcome == null) {
            return "Đang xử lý";
        }
        return switch (outcome) {
            case "early" -> "Sớm hạn";
            case "on_time" -> "Đúng hạn";
            default -> "Quá hạn";
        };
    }

    /** The day of an instant in Vietnam. */
    private static String day(Instant at) {
        return Pdf.day(at.atZone(Intake.VIETNAM).toLocalDate());
    }
}
