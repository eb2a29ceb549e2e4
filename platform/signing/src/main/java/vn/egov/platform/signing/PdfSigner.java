package vn.egov.platform.signing;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore.PasswordProtection;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Function;

import org.bouncycastle.asn1.x500.style.BCStyle;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.ImageScaling;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextPosition;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.enumerations.VisualSignatureAlignmentHorizontal;
import eu.europa.esig.dss.enumerations.VisualSignatureAlignmentVertical;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.PdfSignatureFieldPositionChecker;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;

/**
 * Signs the PDF of a document (bytes in, bytes out) as Decree 30/2020 Appendix I describes, with the EU DSS:
 * PAdES-BASELINE-B, SHA-256, a key of a PKCS#12 keystore ({@link SigningKey}), and a visible appearance:
 * <ul>
 * <li>{@link #signAsPerson}: the competent person signs; their image (a PNG; if none, a blue stroke is drawn) above
 * their name (the certificate's CN), in the rectangle given;</li>
 * <li>{@link #signAsOrganisation}: the organisation signs after the person; its seal (a PNG; if none, a red round
 * seal with the unit's name is drawn) overlaps the left third of the person's signature (see
 * {@link #sealOver});</li>
 * <li>{@link #signAttachment}: the organisation signs an attachment; no image, the document's number/symbol and the
 * signing time (ISO 8601, Vietnam's offset) at the top right of page 1.</li>
 * </ul>
 * Each signature is an incremental update: signing an already signed PDF keeps the earlier signatures valid.
 * The appearance's text is embedded as a subset of a font with the Vietnamese glyphs (see {@code Fonts}).
 *
 * <p>Baseline B only: there is no time-stamp authority offline, so the signing time is the one the signer claims
 * (the PDF's {@code /M}), and nothing proves the signature existed before its certificate expires or is revoked;
 * a later PAdES-T/LT/LTA augmentation (DSS {@code PAdESService.extendDocument} with a TSP source) would add that.
 *
 * <p>Thread-safe: an instance holds no state between calls (a small cache of drawn images aside).
 *
 * <pre>{@code
 * byte[] signed = signer.signAsPerson(pdf, person, where, null);
 * signed = signer.signAsOrganisation(signed, organisation, where, null);
 * }</pre>
 */
public final class PdfSigner {

    /** Vietnam's time zone: the offset of the signing times shown and written in {@code /M}. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The diameter of a round seal, 36 mm, in points. */
    public static final float SEAL_DIAMETER = 36f / 25.4f * 72f;
    /** The text size of the appearances (Decree 30/2020 Appendix I: 10 for an attachment's information). */
    public static final float TEXT_SIZE = 10f;
    /** The distance of the attachment's information from the top and right edges of page 1, in points (1 cm). */
    public static final float ATTACHMENT_MARGIN = 28.35f;

    /** The kinds of signature, with the {@code /Reason} each writes. */
    public enum Kind {
        PERSON("Người có thẩm quyền ký số"),
        ORGANISATION("Cơ quan, tổ chức ký số"),
        ATTACHMENT("Cơ quan, tổ chức ký số văn bản kèm theo");

        private final String reason;

        Kind(String reason) {
            this.reason = reason;
        }

        /** The text of the signature's {@code /Reason}. */
        public String reason() {
            return reason;
        }
    }

    /**
     * A rectangle on a page, as DSS places signature fields: points (1/72 inch) from the <em>top left</em> corner
     * of the page, pages counted from 1.
     */
    public record Placement(int page, float x, float y, float width, float height) {
        public Placement {
            if (page < 1) {
                throw new IllegalArgumentException("pages count from 1: " + page);
            }
            if (!(x >= 0 && y >= 0 && width > 0 && height > 0) || !Float.isFinite(width) || !Float.isFinite(height)) {
                throw new IllegalArgumentException("not a rectangle on a page: " + x + ", " + y + ", " + width + " × " + height);
            }
        }
    }

    /** A signing key opened from a PKCS#12 keystore. Close it to release the keystore. */
    public static final class SigningKey implements AutoCloseable {
        private final Pkcs12SignatureToken token;
        private final DSSPrivateKeyEntry entry;

        private SigningKey(Pkcs12SignatureToken token, DSSPrivateKeyEntry entry) {
            this.token = token;
            this.entry = entry;
        }

        /** The key {@code alias} of the keystore's bytes (keystore and key protected by {@code password}). */
        public static SigningKey open(byte[] pkcs12, char[] password, String alias) {
            Objects.requireNonNull(pkcs12, "pkcs12");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(alias, "alias");
            Pkcs12SignatureToken token = new Pkcs12SignatureToken(pkcs12, new PasswordProtection(password.clone()));
            DSSPrivateKeyEntry entry;
            try {
                entry = token.getKey(alias);
            } catch (RuntimeException e) {
                token.close();
                throw e;
            }
            if (entry == null) {
                token.close();
                throw new IllegalArgumentException("no key " + alias + " in the keystore");
            }
            return new SigningKey(token, entry);
        }

        /** The key {@code alias} of a keystore file. */
        public static SigningKey open(Path pkcs12, char[] password, String alias) {
            Objects.requireNonNull(pkcs12, "pkcs12");
            try {
                return open(Files.readAllBytes(pkcs12), password, alias);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The signer's certificate. */
        public X509Certificate certificate() {
            return entry.getCertificate().getCertificate();
        }

        /** The certificate's CN (the person's full name, or the unit's name). */
        public String commonName() {
            String name = TestPki.subjectAttribute(certificate(), BCStyle.CN);
            return name == null ? certificate().getSubjectX500Principal().getName() : name;
        }

        /** The certificate's O, else its CN. */
        public String organisation() {
            String name = TestPki.subjectAttribute(certificate(), BCStyle.O);
            return name == null ? commonName() : name;
        }

        @Override
        public void close() {
            token.close();
        }
    }

    private final Clock clock;
    private final byte[] font;
    private final CommonCertificateVerifier verifier = new CommonCertificateVerifier(true);
    private final Map<String, byte[]> drawn = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 64;
        }
    };

    /** A signer with the system's clock and the font found on the system or in the classpath. */
    public PdfSigner() {
        this(Clock.systemUTC());
    }

    /** A signer whose signing times come from {@code clock}. */
    public PdfSigner(Clock clock) {
        this(clock, Fonts.vietnamese().bytes());
    }

    /** A signer with a TrueType font of its own (it must have the Vietnamese glyphs). */
    public PdfSigner(Clock clock, byte[] trueTypeFont) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.font = Objects.requireNonNull(trueTypeFont, "trueTypeFont").clone();
    }

    /**
     * The competent person signs: {@code signatureImagePng} (or a drawn stroke when null) above the certificate's
     * CN, in {@code where}.
     */
    public byte[] signAsPerson(byte[] pdf, SigningKey key, Placement where, byte[] signatureImagePng) {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(key, "key");
        String name = key.commonName();
        byte[] image = signatureImagePng != null ? signatureImagePng
                : cached("signature:" + name, n -> Appearances.signature(name));
        SignatureImageParameters appearance = new SignatureImageParameters();
        appearance.setImage(png(image, "signature.png"));
        appearance.setImageScaling(ImageScaling.ZOOM_AND_CENTER);
        appearance.setFieldParameters(field(where));
        SignatureImageTextParameters text = text(name);
        text.setSignerTextPosition(SignerTextPosition.BOTTOM);
        text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.CENTER);
        appearance.setTextParameters(text);
        return sign(pdf, key, Kind.PERSON, appearance, false);
    }

    /**
     * The organisation signs after its person: the seal {@code sealPng} (or a drawn one when null) of
     * {@link #SEAL_DIAMETER}, over the left third of {@code personSignature} (the person's rectangle).
     */
    public byte[] signAsOrganisation(byte[] pdf, SigningKey key, Placement personSignature, byte[] sealPng) {
        Objects.requireNonNull(personSignature, "personSignature");
        Objects.requireNonNull(key, "key");
        String unit = key.commonName();
        byte[] image = sealPng != null ? sealPng : cached("seal:" + unit, n -> Appearances.seal(unit, font, 300));
        SignatureImageParameters appearance = new SignatureImageParameters();
        appearance.setImage(png(image, "seal.png"));
        appearance.setImageScaling(ImageScaling.ZOOM_AND_CENTER);
        appearance.setFieldParameters(field(sealOver(personSignature, SEAL_DIAMETER)));
        return sign(pdf, key, Kind.ORGANISATION, appearance, true);
    }

    /**
     * The organisation signs an attachment: the text {@code "<numberAndSymbol>\n<signing time, ISO 8601>"} at the
     * top right of page 1, no image.
     */
    public byte[] signAttachment(byte[] pdf, SigningKey key, String numberAndSymbol) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(numberAndSymbol, "numberAndSymbol");
        String number = TestPki.nfc(numberAndSymbol).strip();
        if (number.isEmpty() || number.contains("\n")) {
            throw new IllegalArgumentException("not a number/symbol: " + numberAndSymbol);
        }
        Instant at = now();
        SignatureImageParameters appearance = new SignatureImageParameters();
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(1);
        field.setOriginX(ATTACHMENT_MARGIN);
        field.setOriginY(ATTACHMENT_MARGIN);
        appearance.setFieldParameters(field);
        appearance.setAlignmentHorizontal(VisualSignatureAlignmentHorizontal.RIGHT);
        appearance.setAlignmentVertical(VisualSignatureAlignmentVertical.TOP);
        SignatureImageTextParameters text = text(number + "\n" + iso(at));
        text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.RIGHT);
        appearance.setTextParameters(text);
        return sign(pdf, key, Kind.ATTACHMENT, appearance, false, at);
    }

    /**
     * Where the seal goes (Decree 30/2020 Appendix I): a square of {@code diameter} whose right edge is a third into
     * the person's signature, centred on it vertically; kept on the page (not left of its edge, not above its top).
     */
    public static Placement sealOver(Placement personSignature, float diameter) {
        Objects.requireNonNull(personSignature, "personSignature");
        if (!(diameter > 0)) {
            throw new IllegalArgumentException("diameter " + diameter);
        }
        float x = Math.max(0, personSignature.x() + personSignature.width() / 3f - diameter);
        float y = Math.max(0, personSignature.y() + personSignature.height() / 2f - diameter / 2f);
        return new Placement(personSignature.page(), x, y, diameter, diameter);
    }

    /** A time as the appearances show it: ISO 8601 to the second with Vietnam's offset, e.g. 2025-03-04T09:15:00+07:00. */
    public static String iso(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(VIETNAM).toOffsetDateTime());
    }

    private byte[] sign(byte[] pdf, SigningKey key, Kind kind, SignatureImageParameters appearance, boolean overlapsSignature) {
        return sign(pdf, key, kind, appearance, overlapsSignature, now());
    }

    private byte[] sign(byte[] pdf, SigningKey key, Kind kind, SignatureImageParameters appearance,
                        boolean overlapsSignature, Instant at) {
        Objects.requireNonNull(pdf, "pdf");
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(key.entry.getCertificate());
        parameters.setCertificateChain(key.entry.getCertificateChain());
        parameters.bLevel().setSigningDate(Date.from(at));
        parameters.setSigningTimeZone(TimeZone.getTimeZone(VIETNAM));
        parameters.setReason(kind.reason());
        parameters.setSignerName(key.commonName());
        parameters.setImageParameters(appearance);

        PdfBoxNativeObjectFactory objects = new PdfBoxNativeObjectFactory();
        if (overlapsSignature) {
            // the seal is meant to overlap the person's signature
            PdfSignatureFieldPositionChecker positions = new PdfSignatureFieldPositionChecker();
            positions.setAlertOnSignatureFieldOverlap(new SilentOnStatusAlert());
            objects.setPdfSignatureFieldPositionChecker(positions);
        }
        PAdESService service = new PAdESService(verifier);
        service.setPdfObjFactory(objects);

        DSSDocument document = new InMemoryDocument(pdf, "document.pdf");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        SignatureValue value = key.token.sign(toBeSigned, parameters.getDigestAlgorithm(), key.entry);
        DSSDocument signed = service.signDocument(document, parameters, value);
        try {
            return signed.openStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SignatureImageTextParameters text(String text) {
        SignatureImageTextParameters parameters = new SignatureImageTextParameters();
        DSSFileFont dssFont = new DSSFileFont(new InMemoryDocument(font, "font.ttf"), TEXT_SIZE);
        dssFont.setEmbedFontSubset(true);
        parameters.setFont(dssFont);
        parameters.setText(text);
        parameters.setTextWrapping(TextWrapping.FONT_BASED);
        parameters.setTextColor(Color.BLACK);
        parameters.setBackgroundColor(null);
        parameters.setPadding(2f);
        return parameters;
    }

    private static SignatureFieldParameters field(Placement where) {
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(where.page());
        field.setOriginX(where.x());
        field.setOriginY(where.y());
        field.setWidth(where.width());
        field.setHeight(where.height());
        return field;
    }

    private static DSSDocument png(byte[] png, String name) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (png.length < signature.length || !Arrays.equals(Arrays.copyOf(png, signature.length), signature)) {
            throw new IllegalArgumentException("not a PNG image");
        }
        return new InMemoryDocument(png, name);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private byte[] cached(String key, Function<String, byte[]> draw) {
        synchronized (drawn) {
            byte[] image = drawn.get(key);
            if (image != null) {
                return image;
            }
        }
        byte[] image = draw.apply(key);
        synchronized (drawn) {
            drawn.put(key, image);
        }
        return image;
    }
}
