package vn.egov.platform.signing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * The images drawn when none is given (Decree 30/2020 Appendix I: the signer's image is blue, the seal red, both PNG
 * with a transparent background): a handwritten-like stroke for a person, a round seal with the unit's name for an
 * organisation. Headless AWT; the same input gives the same image.
 */
final class Appearances {

    static final Color SIGNATURE_BLUE = new Color(0x1a, 0x3f, 0xa8);
    static final Color SEAL_RED = new Color(0xd0, 0x10, 0x1a);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private Appearances() {
    }

    /** A blue stroke, its shape taken from the name (360 × 144 px, about 150 dpi in a 6 × 2.4 cm field; transparent). */
    static byte[] signature(String name) {
        int width = 360;
        int height = 144;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            smooth(g);
            g.setColor(SIGNATURE_BLUE);
            g.scale(0.6, 0.6); // drawn on a 600 × 240 grid
            g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Random random = new Random(name.hashCode());
            Path2D.Float path = new Path2D.Float();
            float x = 40;
            float y = 144;
            path.moveTo(x, y);
            for (int i = 0; i < 5; i++) {
                float nx = x + 90 + random.nextInt(20);
                path.curveTo(x + 20, y - 90 - random.nextInt(40), nx - 20, y + 60 + random.nextInt(30), nx, y - 10 + random.nextInt(20));
                x = nx;
            }
            g.draw(path);
            g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new CubicCurve2D.Float(60, 197, 220, 173, 400, 228, 550, 187));
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /**
     * A red round seal (two rings, the unit's name in capitals along the top, a star in the middle), {@code size}
     * px square, transparent outside the rings. The text is drawn with {@code font} (it must have the Vietnamese
     * glyphs).
     */
    static byte[] seal(String unitName, byte[] font, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            smooth(g);
            g.setColor(SEAL_RED);
            float c = size / 2f;
            float outer = size * 0.47f;
            float inner = size * 0.36f;
            g.setStroke(new BasicStroke(size * 0.025f));
            g.draw(new Ellipse2D.Float(c - outer, c - outer, 2 * outer, 2 * outer));
            g.setStroke(new BasicStroke(size * 0.012f));
            g.draw(new Ellipse2D.Float(c - inner, c - inner, 2 * inner, 2 * inner));
            g.fill(star(c, c, size * 0.13f, size * 0.05f));

            String text = unitName.toUpperCase(VIETNAMESE);
            float fontSize = size * 0.065f;
            Font face = awtFont(font).deriveFont(Font.PLAIN, fontSize);
            g.setFont(face);
            var metrics = g.getFontMetrics();
            // the baseline's radius: capitals (and their marks) centred in the band between the rings
            float radius = (outer + inner) / 2f - fontSize * 0.4f;
            float textWidth = metrics.stringWidth(text);
            // the arc the text spans (at most 300°, centred on the top)
            double span = Math.min(textWidth / radius, Math.toRadians(300));
            double scale = span / (textWidth / radius);
            double angle = -Math.PI / 2 - span / 2;
            AffineTransform base = g.getTransform();
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                String letter = new String(Character.toChars(codePoint));
                float advance = metrics.stringWidth(letter);
                double mid = angle + (advance / 2f / radius) * scale;
                g.setTransform(base);
                g.translate(c + radius * Math.cos(mid), c + radius * Math.sin(mid));
                g.rotate(mid + Math.PI / 2);
                g.scale(scale, 1);
                g.drawString(letter, -advance / 2f, 0f);
                angle += (advance / radius) * scale;
                i += Character.charCount(codePoint);
            }
            g.setTransform(base);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static Path2D.Float star(float cx, float cy, float outer, float inner) {
        Path2D.Float star = new Path2D.Float();
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + i * Math.PI / 5;
            float r = i % 2 == 0 ? outer : inner;
            float x = (float) (cx + r * Math.cos(a));
            float y = (float) (cy + r * Math.sin(a));
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        return star;
    }

    private static Font awtFont(byte[] font) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(font));
        } catch (FontFormatException e) {
            throw new IllegalStateException("not a TrueType font", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
