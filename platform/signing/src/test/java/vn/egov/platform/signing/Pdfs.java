package vn.egov.platform.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDFs for the tests, made and read with PDFBox. */
final class Pdfs {

    /** A string in the document information of {@link #decision()}, to find its bytes in the file. */
    static final String MARKER = "egov-test-marker-0123456789";

    private Pdfs() {
    }

    /** A one-page A4 decision with Vietnamese text in the embedded font. */
    static byte[] decision() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(Fonts.vietnamese().bytes()));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 13);
                content.newLineAtOffset(72, 760);
                content.showText("ỦY BAN NHÂN DÂN XÃ BẢN HỒ");
                content.newLineAtOffset(0, -40);
                content.showText("Quyết định về việc công nhận làng văn hóa năm 2025");
                content.newLineAtOffset(0, -20);
                content.showText("Điều 1. Công nhận thôn Lếch Mông đạt danh hiệu làng văn hóa.");
                content.endText();
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setSubject(MARKER);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // no object streams, so that the tests find the marker's bytes
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    /** The text of the pages (NFC). */
    static String pageText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC);
        }
    }

    /** A signature widget of a page: its rectangle (PDF user space, origin bottom left) and its appearance. */
    record Widget(PDRectangle rectangle, String text, boolean hasImage) {
    }

    /** The signature widgets of a page (1-based), in the order of the page's annotations. */
    static List<Widget> widgets(byte[] pdf, int pageNumber) throws IOException {
        List<Widget> widgets = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(pageNumber - 1);
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (!(annotation instanceof PDAnnotationWidget widget) || !isSignatureField(widget)) {
                    continue;
                }
                PDAppearanceStream appearance = widget.getNormalAppearanceStream();
                String text = appearance == null ? "" : appearanceText(page, appearance);
                widgets.add(new Widget(widget.getRectangle(), text, appearance != null && hasImage(appearance)));
            }
        }
        return widgets;
    }

    /** A widget of a signature field: /FT /Sig on the widget (field and widget merged) or on its parent field. */
    private static boolean isSignatureField(PDAnnotationWidget widget) {
        if (COSName.SIG.equals(widget.getCOSObject().getCOSName(COSName.FT))) {
            return true;
        }
        var parent = widget.getCOSObject().getCOSDictionary(COSName.PARENT);
        return parent != null && COSName.SIG.equals(parent.getCOSName(COSName.FT));
    }

    /** The text an appearance stream shows: drawn alone on a scratch page, then extracted. */
    private static String appearanceText(PDPage page, PDAppearanceStream appearance) throws IOException {
        try (PDDocument scratch = new PDDocument()) {
            PDPage blank = new PDPage(page.getMediaBox());
            scratch.addPage(blank);
            try (PDPageContentStream content = new PDPageContentStream(scratch, blank)) {
                content.drawForm(appearance);
            }
            return Normalizer.normalize(new PDFTextStripper().getText(scratch), Normalizer.Form.NFC);
        }
    }

    private static boolean hasImage(PDAppearanceStream appearance) throws IOException {
        return hasImage(appearance.getResources(), 0);
    }

    private static boolean hasImage(org.apache.pdfbox.pdmodel.PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 4) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                return true;
            }
            if (object instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                    && hasImage(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
