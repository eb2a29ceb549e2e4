package vn.egov.dossiers.pages;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code for a page, as the template {@code qr.jte} draws it in SVG: one path of unit squares. */
public final class QrSvg {

    /** The code's modules as the path's data, {@code size} modules a side, drawn {@code pixels} wide, named {@code label}. */
    public record Qr(int pixels, int size, String path, String label) {
    }

    private QrSvg() {
    }

    static Qr of(String content, int pixels, String label) {
        try {
            BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, "UTF-8"));
            StringBuilder d = new StringBuilder();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return new Qr(pixels, m.getWidth(), d.toString(), label);
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
