package vn.egov.platform.web.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import vn.egov.platform.web.ProblemException;

/**
 * What an uploaded file is, decided by its content (never by its name or the type the browser claimed), and the
 * limits: images (PNG, JPEG, GIF) up to 5 MiB and 6000 px a side, checked from the header before decoding;
 * documents (PDF, Word, Excel: DOCX/XLSX and the older DOC/XLS) up to 20 MiB. SVG, HTML and everything else is
 * refused. Images get a JPEG thumbnail 320 px wide.
 */
public final class FileCheck {
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    public static final int MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
    public static final int MAX_SIDE = 6000;
    public static final int THUMB_WIDTH = 320;

    private FileCheck() {
    }

    /** A checked file: its real type and, for images, size and thumbnail. */
    public record Checked(String contentType, String name, Integer width, Integer height, byte[] thumbnail) {
    }

    /**
     * Refused, with the reason as a key of the platform's texts ({@code platform.problem.file.*}) and its arguments
     * ({@link #key}, {@link #args}, for a module's {@code Fields}); {@link #text} says it in a language.
     */
    public static final class Refused extends Exception {
        public final boolean tooLarge;
        private final String key;
        private final transient Object[] args;

        Refused(String why, boolean tooLarge, Object... args) {
            super(ProblemException.platformTexts(Locale.ENGLISH).text(ProblemException.PLATFORM + "file." + why, args));
            this.key = ProblemException.PLATFORM + "file." + why;
            this.args = args;
            this.tooLarge = tooLarge;
        }

        /** The key of the reason in the platform's texts ({@link ProblemException#platformTexts}). */
        public String key() {
            return key;
        }

        /** What fills the reason's {@code {0}}, {@code {1}}… */
        public Object[] args() {
            return args.clone();
        }

        /** The reason in {@code locale}. */
        public String text(Locale locale) {
            return ProblemException.platformTexts(locale).text(key, args);
        }
    }

    public static Checked check(String claimedName, byte[] content) throws Refused {
        if (content == null || content.length == 0) {
            throw new Refused("empty", false);
        }
        String name = safeName(claimedName);
        String type = sniff(content).orElseThrow(() -> new Refused("kind", false));
        boolean image = type.startsWith("image/");
        int limit = image ? MAX_IMAGE_BYTES : MAX_DOCUMENT_BYTES;
        if (content.length > limit) {
            throw new Refused(image ? "tooLarge.image" : "tooLarge.document", true, limit >> 20);
        }
        if (!image) {
            return new Checked(type, name, null, null, null);
        }
        BufferedImage decoded = decode(content, type.substring("image/".length()));
        return new Checked(type, name, decoded.getWidth(), decoded.getHeight(), thumbnail(decoded));
    }

    /** The type by magic numbers (and, for the Office zip formats, by their entries). */
    static Optional<String> sniff(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return Optional.of("image/png");
        }
        if (starts(b, 0xff, 0xd8, 0xff)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (starts(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
            return Optional.of("application/msword"); // OLE2: DOC or XLS; served as a download either way
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
                ZipEntry e;
                int seen = 0;
                while ((e = zip.getNextEntry()) != null && seen++ < 200) {
                    if (e.getName().startsWith("word/")) {
                        return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                    }
                    if (e.getName().startsWith("xl/")) {
                        return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The last component of the name the browser sent, NFC, without control characters, at most 200 characters. A browser
     * sends the name's UTF-8 bytes, which the multipart reader gives as ISO-8859-1 characters ("Tá»\u009d khai"): such
     * a name is read again as UTF-8 ("Tờ khai").
     */
    static String safeName(String claimed) {
        String n = utf8(claimed == null ? "" : claimed);
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = Normalizer.normalize(n, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "tep";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    /** {@code name} read again as UTF-8 when it is UTF-8 bytes taken for ISO-8859-1 characters; else as it is. */
    static String utf8(String name) {
        if (name.chars().allMatch(c -> c < 0x80) || !name.chars().allMatch(c -> c < 0x100)) {
            return name;
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                    name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return name;
        }
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage decode(byte[] content, String format) throws Refused {
        try {
            return vn.egov.platform.web.Images.decode(content, format, MAX_SIDE).orElseThrow(
                    () -> new Refused("damaged", false));
        } catch (vn.egov.platform.web.Images.TooLarge t) {
            throw new Refused("tooManyPixels", true, MAX_SIDE, t.width, t.height);
        }
    }

    static byte[] thumbnail(BufferedImage img) {
        int w = Math.min(THUMB_WIDTH, img.getWidth());
        int h = Math.max(1, (int) Math.round((double) img.getHeight() * w / img.getWidth()));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(img, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "jpeg", bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
