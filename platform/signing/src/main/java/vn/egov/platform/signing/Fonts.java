package vn.egov.platform.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The TrueType font of the signatures' visible text, embedded (as a subset) in each signature's appearance. It must
 * have the Vietnamese letters (Latin Extended Additional: "ễ", "ộ", "Ủ", "ự"...), which is checked, not assumed:
 * Liberation 1.x, still what Debian 12's {@code fonts-liberation} installs, has none of them. In order: the
 * Liberation Serif (Times New Roman's metrics, which Decree 30/2020 Appendix I asks for) or Liberation Sans 2.x of
 * the system, DejaVu Sans of the system, and last the Liberation Serif 2.x shipped in the classpath
 * ({@code openpdf-fonts-extra}, the fonts the dossiers' receipt slip already uses), so that a server without fonts
 * still signs.
 */
final class Fonts {

    /** The files of the system tried first, in order. */
    static final List<Path> SYSTEM = List.of(
            Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
    /** The classpath resource tried last. */
    static final String CLASSPATH = "liberation/LiberationSerif-Regular.ttf";
    /** Letters the font must have: the Vietnamese vowels with all their marks, đ, and the en dash of the root's name. */
    static final String VIETNAMESE = "ĂÂĐÊÔƠƯăâđêôơư–"
            + "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
            + "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
            + "ÀÁÃÈÉÌÍÒÓÕÙÚÝàáãèéìíòóõùúý";

    private static volatile Font found;

    /** A font's bytes and where they came from. */
    record Font(byte[] bytes, String source) {
    }

    private Fonts() {
    }

    /** The first font found with the Vietnamese letters (looked for once). */
    static Font vietnamese() {
        Font font = found;
        if (font == null) {
            font = find();
            found = font;
        }
        return font;
    }

    private static Font find() {
        List<String> refused = new ArrayList<>();
        for (Path path : SYSTEM) {
            if (Files.isReadable(path)) {
                try {
                    byte[] bytes = Files.readAllBytes(path);
                    if (hasVietnamese(bytes)) {
                        return new Font(bytes, path.toString());
                    }
                    refused.add(path + " (no Vietnamese letters)");
                } catch (IOException e) {
                    refused.add(path + " (" + e.getMessage() + ")");
                }
            }
        }
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(CLASSPATH)) {
            if (in != null) {
                byte[] bytes = in.readAllBytes();
                if (hasVietnamese(bytes)) {
                    return new Font(bytes, "classpath:" + CLASSPATH);
                }
                refused.add("classpath:" + CLASSPATH + " (no Vietnamese letters)");
            }
        } catch (IOException e) {
            refused.add("classpath:" + CLASSPATH + " (" + e.getMessage() + ")");
        }
        throw new IllegalStateException("no font with the Vietnamese letters; refused: " + refused);
    }

    /** Whether a TrueType font maps every letter of {@link #VIETNAMESE} to a glyph. */
    static boolean hasVietnamese(byte[] trueType) throws IOException {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(trueType))) {
            CmapLookup cmap = font.getUnicodeCmapLookup(false);
            if (cmap == null) {
                return false;
            }
            return VIETNAMESE.codePoints().allMatch(codePoint -> cmap.getGlyphId(codePoint) != 0);
        }
    }
}
