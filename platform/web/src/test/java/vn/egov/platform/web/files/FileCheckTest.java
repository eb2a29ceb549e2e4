package vn.egov.platform.web.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FileCheckTest {

    static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void anImageIsKnownByItsContentAndGetsAThumbnail() throws Exception {
        FileCheck.Checked c = FileCheck.check("C:\\Users\\x\\..\\ảnh.jpg", png(1000, 500));
        assertEquals("image/png", c.contentType(), "the content says PNG, whatever the name says");
        assertEquals("ảnh.jpg", c.name());
        assertEquals(1000, c.width());
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(c.thumbnail()));
        assertEquals(320, thumb.getWidth());
        assertEquals(160, thumb.getHeight());
    }

    @Test
    void officeDocumentsAreToldApartByTheirEntries() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w/>".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(FileCheck.check("bao-cao.docx", out.toByteArray()).contentType().endsWith("wordprocessingml.document"));
        assertEquals("application/pdf", FileCheck.check("x.pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)).contentType());
    }

    @Test
    void htmlSvgEmptyDamagedAndOversizedFilesAreRefused() throws Exception {
        assertThrows(FileCheck.Refused.class, () -> FileCheck.check("a.png", "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(FileCheck.Refused.class, () -> FileCheck.check("a.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(FileCheck.Refused.class, () -> FileCheck.check("a.png", new byte[0]));
        byte[] truncated = java.util.Arrays.copyOf(png(50, 50), 40);
        assertThrows(FileCheck.Refused.class, () -> FileCheck.check("a.png", truncated));
        byte[] big = new byte[FileCheck.MAX_IMAGE_BYTES + 1];
        System.arraycopy(png(1, 1), 0, big, 0, 8);
        FileCheck.Refused r = assertThrows(FileCheck.Refused.class, () -> FileCheck.check("a.png", big));
        assertTrue(r.tooLarge);
        FileCheck.Refused huge = assertThrows(FileCheck.Refused.class, () -> FileCheck.check("a.png", png(6001, 1)));
        assertTrue(huge.text(java.util.Locale.forLanguageTag("vi")).contains("6000"), huge.text(java.util.Locale.forLanguageTag("vi")));
        assertEquals("platform.problem.file.tooManyPixels", huge.key());
    }

    @Test
    void aNameSentAsUtf8BytesIsReadAgainAsUtf8() {
        String sent = new String("Tờ khai đăng ký.docx".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("Tờ khai đăng ký.docx", FileCheck.safeName(sent));
        assertEquals("Tờ khai.pdf", FileCheck.safeName("Tờ khai.pdf"), "already read right");
        assertEquals("caf\u00e9.pdf", FileCheck.safeName("caf\u00e9.pdf"), "a Latin-1 name that is no UTF-8 stays");
        assertEquals("to-khai.pdf", FileCheck.safeName("C:\\x\\to-khai.pdf"));
    }
}
