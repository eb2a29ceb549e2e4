package vn.egov.platform.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * Verifies every signature of a PDF with the EU DSS, offline, against the trusted roots given (for the tests and
 * development: {@link TestPki#root()}), and sums it up in a {@link Result}.
 *
 * <p>Offline means: no OCSP, no CRL, no certificate fetched through AIA; the validation policy is DSS's default one
 * with the revocation data not required ({@code validation-policy.xml} next to this class), so a revoked certificate
 * goes unnoticed here.
 *
 * <p>The verdict:
 * <ul>
 * <li>{@link Verdict#NOT_A_PDF}: no {@code %PDF-} header in the first 1024 bytes, or PDFBox cannot read it (an
 * encrypted PDF included);</li>
 * <li>{@link Verdict#NOT_SIGNED}: a PDF without signatures (document time-stamps are not signatures);</li>
 * <li>{@link Verdict#INVALID}: a signature's cryptography fails (a byte changed in a signed range, a broken byte
 * range, a signature value that does not verify), or DSS finds the pages changed after a signature, or the document
 * was <em>modified after signing</em>: bytes (other than white space) after the end of the last signature's (or
 * document time-stamp's) byte range, that is an incremental update nobody signed; or any other failure of DSS's
 * validation (expired certificate, weak algorithm...);</li>
 * <li>{@link Verdict#UNKNOWN_SIGNER}: the cryptography holds but a signer's chain does not reach a trusted
 * root;</li>
 * <li>{@link Verdict#VALID}: every signature passes DSS's validation (TOTAL_PASSED) and the last one covers the
 * whole file.</li>
 * </ul>
 * The worst verdict of the signatures is the document's (INVALID before UNKNOWN_SIGNER before VALID). An unsigned
 * update after the last signature makes the document INVALID even if it only adds a DSS dictionary (PAdES-LT
 * validation data nobody time-stamped); the signatures themselves keep their own verdicts.
 *
 * <p>Thread-safe; the policy is read once per instance.
 */
public final class PdfVerifier {

    static final String POLICY = "validation-policy.xml";
    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_WINDOW = 1024;

    /** What a PDF's signatures amount to. */
    public enum Verdict {
        VALID, INVALID, UNKNOWN_SIGNER, NOT_SIGNED, NOT_A_PDF
    }

    /**
     * One signature.
     *
     * @param signerName          the signing certificate's CN (null if DSS found no signing certificate)
     * @param organisation        the signing certificate's O (null if none)
     * @param signingTime         the time the signer claims ({@code /M} or the signing-time attribute; null if none)
     * @param coversWholeDocument whether its byte range runs from the first byte to the end of the file
     * @param indication          DSS's indication (TOTAL_PASSED, INDETERMINATE, TOTAL_FAILED...)
     * @param subIndication       DSS's sub-indication (HASH_FAILURE, NO_CERTIFICATE_CHAIN_FOUND...; null if none)
     * @param verdict             this signature's verdict: VALID, INVALID or UNKNOWN_SIGNER
     */
    public record SignatureResult(String signerName, String organisation, Instant signingTime,
                                  boolean coversWholeDocument, String indication, String subIndication,
                                  Verdict verdict) {
        public SignatureResult {
            Objects.requireNonNull(indication, "indication");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /**
     * The result.
     *
     * @param verdict    the document's verdict
     * @param reason     why, in a sentence (English, for logs and support)
     * @param signatures the signatures, in the order of the file (the first signed first)
     */
    public record Result(Verdict verdict, String reason, List<SignatureResult> signatures) {
        public Result {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reason, "reason");
            signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
        }
    }

    private final List<CertificateToken> trustedRoots;
    private final ValidationPolicy policy;

    /** A verifier that trusts these roots (and the chains to them) only. */
    public PdfVerifier(Collection<X509Certificate> trustedRoots) {
        Objects.requireNonNull(trustedRoots, "trustedRoots");
        this.trustedRoots = trustedRoots.stream().map(root -> new CertificateToken(Objects.requireNonNull(root, "root"))).toList();
        try (InputStream in = PdfVerifier.class.getResourceAsStream(POLICY)) {
            if (in == null) {
                throw new IllegalStateException("no " + POLICY + " next to " + PdfVerifier.class.getName());
            }
            this.policy = ValidationPolicyLoader.fromValidationPolicy(in).create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Verifies the PDF's signatures; never throws for bad input. */
    public Result verify(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        String notPdf = notAPdf(pdf);
        if (notPdf != null) {
            return new Result(Verdict.NOT_A_PDF, notPdf, List.of());
        }
        Reports reports;
        try {
            reports = validate(pdf);
        } catch (RuntimeException e) {
            return new Result(Verdict.INVALID, "the signatures cannot be read: " + e, List.of());
        }
        DiagnosticData diagnostic = reports.getDiagnosticData();
        SimpleReport simple = reports.getSimpleReport();
        List<SignatureWrapper> signatures = new ArrayList<>(diagnostic.getSignatures());
        if (signatures.isEmpty()) {
            return new Result(Verdict.NOT_SIGNED, "the PDF has no signature", List.of());
        }
        long end = contentEnd(pdf);
        signatures.sort(Comparator.comparingLong(signature -> rangeEnd(signature.getPDFRevision())));

        List<SignatureResult> results = new ArrayList<>();
        Verdict verdict = Verdict.VALID;
        String reason = "every signature is valid and the last one covers the whole document";
        for (SignatureWrapper signature : signatures) {
            Indication indication = simple.getIndication(signature.getId());
            SubIndication subIndication = simple.getSubIndication(signature.getId());
            Judgement own = judge(signature, indication, subIndication);
            results.add(result(signature, indication, subIndication, own.verdict(), end));
            if (worse(own.verdict(), verdict)) {
                verdict = own.verdict();
                reason = "signature " + results.size() + " (" + results.get(results.size() - 1).signerName() + "): " + own.why();
            }
        }
        long covered = signatures.stream().mapToLong(signature -> rangeEnd(signature.getPDFRevision())).max().orElse(0);
        for (TimestampWrapper timestamp : diagnostic.getTimestampList()) {
            covered = Math.max(covered, rangeEnd(timestamp.getPDFRevision()));
        }
        if (covered < end && verdict != Verdict.INVALID) {
            verdict = Verdict.INVALID;
            reason = "modified after signing: " + (end - covered) + " bytes after the last signature are not signed";
        }
        return new Result(verdict, reason, results);
    }

    /** DSS's validation of the PDF, offline, against the trusted roots and the policy. */
    private Reports validate(byte[] pdf) {
        PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf, "document.pdf"));
        validator.setCertificateVerifier(certificateVerifier());
        validator.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        validator.setEnableEtsiValidationReport(false);
        return validator.validateDocument(policy);
    }

    /** One signature's verdict and why (null when VALID). */
    private record Judgement(Verdict verdict, String why) {
    }

    private static Judgement judge(SignatureWrapper signature, Indication indication, SubIndication subIndication) {
        PDFRevisionWrapper revision = signature.getPDFRevision();
        if (!cryptographyHolds(signature, revision)) {
            return new Judgement(Verdict.INVALID, "its cryptography fails (changed after signing, or a bad signature value)");
        } else if (pagesChanged(revision)) {
            return new Judgement(Verdict.INVALID, "the pages were changed after it");
        } else if (indication == Indication.TOTAL_PASSED) {
            return new Judgement(Verdict.VALID, null);
        } else if (!signature.isTrustedChain()) {
            return new Judgement(Verdict.UNKNOWN_SIGNER, "its certificate does not chain to a trusted root");
        }
        return new Judgement(Verdict.INVALID, "DSS finds it " + indication + (subIndication == null ? "" : "/" + subIndication));
    }

    /** What is said of one signature: its signer, claimed time, whether it covers the file up to {@code end}, DSS's word. */
    private static SignatureResult result(SignatureWrapper signature, Indication indication, SubIndication subIndication, Verdict own, long end) {
        PDFRevisionWrapper revision = signature.getPDFRevision();
        CertificateWrapper certificate = signature.getSigningCertificate();
        Date claimed = signature.getClaimedSigningTime();
        return new SignatureResult(
                certificate == null ? null : certificate.getCommonName(),
                certificate == null ? null : certificate.getOrganizationName(),
                claimed == null ? null : claimed.toInstant(),
                revision != null && rangeStart(revision) == 0 && rangeEnd(revision) >= end,
                String.valueOf(indication),
                subIndication == null ? null : subIndication.name(),
                own);
    }

    private CommonCertificateVerifier certificateVerifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier(true); // no AIA source
        verifier.setOcspSource(null);
        verifier.setCrlSource(null);
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trustedRoots.forEach(trusted::addCertificate);
        verifier.setTrustedCertSources(trusted);
        return verifier;
    }

    private static boolean cryptographyHolds(SignatureWrapper signature, PDFRevisionWrapper revision) {
        if (!signature.isSignatureIntact() || !signature.isSignatureValid()) {
            return false;
        }
        if (revision == null || !revision.isSignatureByteRangeValid()) {
            return false;
        }
        List<XmlDigestMatcher> matchers = signature.getDigestMatchers();
        if (matchers.isEmpty()) {
            return false;
        }
        return matchers.stream().allMatch(matcher -> matcher.isDataFound() && matcher.isDataIntact());
    }

    private static boolean pagesChanged(PDFRevisionWrapper revision) {
        return !revision.getPdfVisualDifferenceConcernedPages().isEmpty()
                || !revision.getPdfPageDifferenceConcernedPages().isEmpty();
    }

    private static boolean worse(Verdict candidate, Verdict current) {
        return rank(candidate) > rank(current);
    }

    private static int rank(Verdict verdict) {
        return switch (verdict) {
            case VALID -> 0;
            case UNKNOWN_SIGNER -> 1;
            default -> 2;
        };
    }

    private static long rangeStart(PDFRevisionWrapper revision) {
        List<BigInteger> range = revision == null ? List.of() : revision.getSignatureByteRange();
        return range.size() == 4 ? range.get(0).longValueExact() : -1;
    }

    private static long rangeEnd(PDFRevisionWrapper revision) {
        List<BigInteger> range = revision == null ? List.of() : revision.getSignatureByteRange();
        return range.size() == 4 ? range.get(2).add(range.get(3)).longValueExact() : -1;
    }

    /** The length of the file without the white space (PDF's: NUL, tab, LF, FF, CR, space) at its end. */
    static long contentEnd(byte[] pdf) {
        int end = pdf.length;
        while (end > 0) {
            byte b = pdf[end - 1];
            if (b == 0 || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ') {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    /** Why these bytes are not a PDF, or null if they are one PDFBox reads. */
    static String notAPdf(byte[] bytes) {
        if (indexOf(bytes, HEADER, Math.min(bytes.length, HEADER_WINDOW)) < 0) {
            return "no %PDF- header";
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.getNumberOfPages() < 1) {
                return "a PDF without pages";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "PDFBox cannot read it: " + e.getMessage();
        }
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int limit) {
        outer:
        for (int i = 0; i + pattern.length <= limit; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
