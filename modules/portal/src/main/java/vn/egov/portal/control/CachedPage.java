package vn.egov.portal.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered page as the page cache keeps it: its UTF-8 bytes, and the same gzip-compressed once at render time
 * (null when compressing would not pay: a small page, or the empty "not found" marker), so that a browser that
 * accepts gzip gets a quarter of the bytes without any compression per request.
 */
public record CachedPage(byte[] plain, byte[] gzip) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Below this, the gzip header and a round trip's worth of bytes are not worth it. */
    static final int MIN_GZIP_BYTES = 1024;

    public CachedPage {
        Objects.requireNonNull(plain, "plain");
    }

    static CachedPage of(byte[] plain) {
        if (plain.length < MIN_GZIP_BYTES) {
            return new CachedPage(plain, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] gzip = out.toByteArray();
        return new CachedPage(plain, gzip.length < plain.length ? gzip : null);
    }

    /** Whether an {@code Accept-Encoding} header takes gzip (and does not refuse it with {@code q=0}). */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.strip().split(";");
            if (p[0].strip().equalsIgnoreCase("gzip")) {
                return !(p.length > 1 && p[1].replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }
}
