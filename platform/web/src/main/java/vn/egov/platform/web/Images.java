package vn.egov.platform.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decoding an uploaded image safely: the size is read from the header first, and an image larger than allowed is
 * refused before its pixels are decoded, so that a small file claiming a huge picture (a decompression bomb)
 * never gets inflated in memory. Each caller words its own refusal.
 */
public final class Images {

    /** The header says the image is larger than allowed; nothing was decoded. */
    public static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        public final int width;
        public final int height;

        TooLarge(int width, int height) {
            super(width + " × " + height, null, false, false);
            this.width = width;
            this.height = height;
        }
    }

    private Images() {
    }

    /**
     * The image in {@code content}, read as {@code format} ({@code png}, {@code jpeg}, {@code gif}); empty if it is
     * not a readable image of that format.
     *
     * @throws TooLarge if its header gives a side longer than {@code maxSide}
     */
    public static Optional<BufferedImage> decode(byte[] content, String format, int maxSide) throws TooLarge {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > maxSide || height > maxSide) {
                    throw new TooLarge(width, height);
                }
                return Optional.ofNullable(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // not an image of that format, or a damaged one
            return Optional.empty();
        }
    }
}
