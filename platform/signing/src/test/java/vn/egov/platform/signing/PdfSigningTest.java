package vn.egov.platform.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.egov.platform.signing.PdfSigner.Placement;
import vn.egov.platform.signing.PdfSigner.SigningKey;
import vn.egov.platform.signing.PdfVerifier.Result;
import vn.egov.platform.signing.PdfVerifier.SignatureResult;
import vn.egov.platform.signing.PdfVerifier.Verdict;

class PdfSigningTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String UNIT = "UBND xã Bản Hồ";
    private static final String PERSON = "Nguyễn Văn An";
    /** Where the person signs on page 1 (from the top left), under "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH". */
    private static final Placement WHERE = new Placement(1, 330, 560, 180, 90);
    /** The signing time of every signature here. */
    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static TestPki.UnitKeystore unit;
    private static TestPki.UnitKeystore stranger;
    private static PdfSigner signer;
    private static PdfVerifier verifier;
    private static byte[] decision;
    private static byte[] signedByBoth;

    @BeforeAll
    static void pkiAndASignedDecision() throws IOException {
        pki = TestPki.create(dir.resolve("pki"), PASSWORD);
        unit = pki.unitKeystore("ubnd-ban-ho", UNIT, List.of(new TestPki.Person("an", PERSON)));
        // another PKI whose root has the same name but another key: its certificates are not trusted
        TestPki other = TestPki.create(dir.resolve("other"), PASSWORD, TestPki.KeyType.EC_P256);
        stranger = other.unitKeystore("ubnd-ban-ho", UNIT, List.of(new TestPki.Person("an", PERSON)));
        signer = new PdfSigner(Clock.fixed(AT, ZoneOffset.UTC));
        verifier = new PdfVerifier(List.of(pki.root()));
        decision = Pdfs.decision();
        try (SigningKey person = key(unit, TestPki.personAlias("an"));
             SigningKey organisation = key(unit, TestPki.ORGANISATION_ALIAS)) {
            byte[] signedByPerson = signer.signAsPerson(decision, person, WHERE, null);
            signedByBoth = signer.signAsOrganisation(signedByPerson, organisation, WHERE, null);
        }
    }

    private static SigningKey key(TestPki.UnitKeystore keystore, String alias) {
        return SigningKey.open(keystore.file(), PASSWORD, alias);
    }

    @Test
    void thePersonThenTheOrganisationSignAndBothSignaturesAreValid() {
        // incremental updates: each revision starts with the previous one
        assertTrue(startsWith(signedByBoth, decision));

        Result result = verifier.verify(signedByBoth);
        assertEquals(Verdict.VALID, result.verdict(), result.toString());
        assertEquals(2, result.signatures().size(), result.toString());

        SignatureResult person = result.signatures().get(0);
        assertEquals(PERSON, person.signerName());
        assertEquals(UNIT, person.organisation());
        assertEquals(AT, person.signingTime());
        assertFalse(person.coversWholeDocument(), "the seal's update came after it");
        assertEquals("TOTAL_PASSED", person.indication());
        assertNull(person.subIndication());
        assertEquals(Verdict.VALID, person.verdict());

        SignatureResult organisation = result.signatures().get(1);
        assertEquals(UNIT, organisation.signerName());
        assertEquals(UNIT, organisation.organisation());
        assertTrue(organisation.coversWholeDocument());
        assertEquals("TOTAL_PASSED", organisation.indication());
        assertEquals(Verdict.VALID, organisation.verdict());
    }

    @Test
    void thePersonsAppearanceShowsTheirNameAndTheSealOverlapsItsLeftThird() throws IOException {
        List<Pdfs.Widget> widgets = Pdfs.widgets(signedByBoth, 1);
        assertEquals(2, widgets.size());
        Pdfs.Widget person = widgets.get(0);
        Pdfs.Widget seal = widgets.get(1);
        assertTrue(person.text().contains(PERSON), person.text());
        assertTrue(person.hasImage());
        assertTrue(seal.hasImage());
        assertEquals("", seal.text().strip());

        // the person's field where asked (PDF space has its origin at the bottom left of the A4 page)
        PDRectangle p = person.rectangle();
        assertEquals(WHERE.x(), p.getLowerLeftX(), 0.5);
        assertEquals(PDRectangle.A4.getHeight() - WHERE.y(), p.getUpperRightY(), 0.5);
        assertEquals(WHERE.width(), p.getWidth(), 0.5);
        // the seal: 36 mm, its right edge a third into the person's signature, centred on it vertically
        PDRectangle s = seal.rectangle();
        assertEquals(PdfSigner.SEAL_DIAMETER, s.getWidth(), 0.5);
        assertEquals(PdfSigner.SEAL_DIAMETER, s.getHeight(), 0.5);
        assertEquals(p.getLowerLeftX() + p.getWidth() / 3, s.getUpperRightX(), 0.5);
        assertTrue(s.getLowerLeftX() < p.getLowerLeftX());
        assertEquals((p.getLowerLeftY() + p.getUpperRightY()) / 2, (s.getLowerLeftY() + s.getUpperRightY()) / 2, 0.5);
    }

    @Test
    void aByteChangedInsideTheSignedRangesInvalidatesBothSignatures() throws IOException {
        byte[] tampered = signedByBoth.clone();
        int at = indexOf(tampered, Pdfs.MARKER.getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0 && at < decision.length, "the marker is in the first revision");
        tampered[at + Pdfs.MARKER.length() - 1] = '8'; // ...0123456789 -> ...0123456788
        try (PDDocument document = Loader.loadPDF(tampered)) {
            assertEquals("egov-test-marker-0123456788", document.getDocumentInformation().getSubject(), "still a readable PDF");
        }

        Result result = verifier.verify(tampered);
        assertEquals(Verdict.INVALID, result.verdict(), result.toString());
        assertEquals(2, result.signatures().size());
        for (SignatureResult signature : result.signatures()) {
            assertEquals(Verdict.INVALID, signature.verdict(), signature.toString());
            assertEquals("TOTAL_FAILED", signature.indication(), signature.toString());
            assertEquals("HASH_FAILURE", signature.subIndication(), signature.toString());
        }
    }

    @Test
    void aByteChangedInTheSealsRevisionInvalidatesTheSealOnly() {
        // the seal's own update (after the person's signature): e.g. its /Reason
        byte[] tampered = signedByBoth.clone();
        byte[] reason = "/Reason".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(tampered, reason, decision.length);
        int seal = lastIndexOf(tampered, reason);
        assertTrue(seal > at, "two signature dictionaries");
        // inside the seal's signature dictionary, a few bytes after /Reason: the reason string itself
        tampered[seal + reason.length + 3] ^= 0x01;

        Result result = verifier.verify(tampered);
        assertNotEquals(Verdict.VALID, result.verdict(), result.toString());
        assertEquals(Verdict.INVALID, result.verdict(), result.toString());
        assertEquals(Verdict.VALID, result.signatures().get(0).verdict(), "the person's bytes are untouched: " + result);
        assertEquals(Verdict.INVALID, result.signatures().get(1).verdict(), result.toString());
    }

    @Test
    void anUnsignedIncrementalUpdateAfterTheSignaturesIsAModification() throws IOException {
        byte[] modified;
        try (PDDocument document = Loader.loadPDF(signedByBoth)) {
            PDPage page = document.getPage(0);
            PDType0Font font = PDType0Font.load(document, new java.io.ByteArrayInputStream(Fonts.vietnamese().bytes()));
            try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                content.beginText();
                content.setFont(font, 13);
                content.newLineAtOffset(72, 680);
                content.showText("Điều 2. Thêm sau khi ký.");
                content.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            page.getResources().getCOSObject().setNeedToBeUpdated(true);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            modified = out.toByteArray();
        }
        // a real incremental update that really changes the page
        assertTrue(modified.length > signedByBoth.length);
        assertTrue(startsWith(modified, signedByBoth));
        assertTrue(Pdfs.pageText(modified).contains("Điều 2. Thêm sau khi ký."));
        assertFalse(Pdfs.pageText(signedByBoth).contains("Điều 2"));

        Result result = verifier.verify(modified);
        assertEquals(Verdict.INVALID, result.verdict(), result.toString());
        assertTrue(result.reason().contains("after"), result.reason());
        assertEquals(2, result.signatures().size());
        assertFalse(result.signatures().get(1).coversWholeDocument());
    }

    @Test
    void anInvisibleUnsignedUpdateIsAModificationToo() throws IOException {
        byte[] modified;
        try (PDDocument document = Loader.loadPDF(signedByBoth)) {
            document.getDocumentInformation().setTitle("Quyết định đã sửa");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            modified = out.toByteArray();
        }
        assertTrue(modified.length > signedByBoth.length);
        try (PDDocument document = Loader.loadPDF(modified)) {
            assertEquals("Quyết định đã sửa", document.getDocumentInformation().getTitle());
        }

        Result result = verifier.verify(modified);
        assertEquals(Verdict.INVALID, result.verdict(), result.toString());
        // the signatures themselves still verify: it is the update nobody signed that makes the document invalid
        assertTrue(result.signatures().stream().allMatch(s -> s.verdict() == Verdict.VALID), result.toString());
        assertTrue(result.signatures().stream().noneMatch(SignatureResult::coversWholeDocument), result.toString());
    }

    @Test
    void whiteSpaceAfterTheLastSignatureIsNotAModification() {
        byte[] padded = Arrays.copyOf(signedByBoth, signedByBoth.length + 3);
        padded[padded.length - 3] = '\r';
        padded[padded.length - 2] = '\n';
        padded[padded.length - 1] = ' ';
        assertEquals(Verdict.VALID, verifier.verify(padded).verdict());
    }

    @Test
    void aSignerFromAnotherRootIsUnknown() throws IOException {
        byte[] signed;
        try (SigningKey person = key(stranger, TestPki.personAlias("an"))) {
            signed = signer.signAsPerson(decision, person, WHERE, null);
        }
        Result result = verifier.verify(signed);
        assertEquals(Verdict.UNKNOWN_SIGNER, result.verdict(), result.toString());
        SignatureResult signature = result.signatures().get(0);
        assertEquals(PERSON, signature.signerName(), "the name is read, not trusted");
        assertEquals(Verdict.UNKNOWN_SIGNER, signature.verdict());
        assertEquals("INDETERMINATE", signature.indication());
        assertEquals("NO_CERTIFICATE_CHAIN_FOUND", signature.subIndication());
        assertTrue(signature.coversWholeDocument());

        // trusted person, stranger's seal: the document is not valid either
        byte[] mixed;
        try (SigningKey person = key(unit, TestPki.personAlias("an"));
             SigningKey seal = key(stranger, TestPki.ORGANISATION_ALIAS)) {
            mixed = signer.signAsOrganisation(signer.signAsPerson(decision, person, WHERE, null), seal, WHERE, null);
        }
        Result mixedResult = verifier.verify(mixed);
        assertEquals(Verdict.UNKNOWN_SIGNER, mixedResult.verdict(), mixedResult.toString());
        assertEquals(List.of(Verdict.VALID, Verdict.UNKNOWN_SIGNER),
                mixedResult.signatures().stream().map(SignatureResult::verdict).toList());

        // and the stranger's signature is valid for whoever trusts its root
        Result trusting = new PdfVerifier(List.of(pki.root(), rootOf(stranger))).verify(signed);
        assertEquals(Verdict.VALID, trusting.verdict(), trusting.toString());
    }

    @Test
    void oneVerifierServesSeveralThreads() throws Exception {
        byte[] tampered = signedByBoth.clone();
        tampered[indexOf(tampered, Pdfs.MARKER.getBytes(StandardCharsets.US_ASCII))] ^= 0x01;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Verdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                byte[] pdf = i % 2 == 0 ? signedByBoth : tampered;
                verdicts.add(pool.submit(() -> verifier.verify(pdf).verdict()));
            }
            for (int i = 0; i < verdicts.size(); i++) {
                assertEquals(i % 2 == 0 ? Verdict.VALID : Verdict.INVALID, verdicts.get(i).get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnsignedPdfIsNotSigned() {
        Result result = verifier.verify(decision);
        assertEquals(Verdict.NOT_SIGNED, result.verdict());
        assertTrue(result.signatures().isEmpty());
    }

    @Test
    void whatIsNotAPdfIsSaidSoWithoutThrowing() throws IOException {
        // a PNG saved under a .pdf name
        Path png = dir.resolve("scan.pdf");
        Files.write(png, Appearances.seal(UNIT, Fonts.vietnamese().bytes(), 64));
        assertEquals(Verdict.NOT_A_PDF, verifier.verify(Files.readAllBytes(png)).verdict());

        byte[] random = new byte[4096];
        new Random(30_2020).nextBytes(random);
        assertEquals(Verdict.NOT_A_PDF, verifier.verify(random).verdict());

        // a header and nothing PDFBox can read
        byte[] header = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 4096);
        System.arraycopy(random, 0, header, 9, 4096 - 9);
        assertEquals(Verdict.NOT_A_PDF, verifier.verify(header).verdict());

        assertEquals(Verdict.NOT_A_PDF, verifier.verify(new byte[0]).verdict());
        // a truncated signed PDF is not readable either
        assertEquals(Verdict.NOT_A_PDF, verifier.verify(Arrays.copyOf(signedByBoth, 200)).verdict());
    }

    @Test
    void anAttachmentShowsTheNumberAndSymbolAndTheSigningTimeAtTheTopRightOfPageOne() throws IOException {
        byte[] signed;
        try (SigningKey organisation = key(unit, TestPki.ORGANISATION_ALIAS)) {
            signed = signer.signAttachment(decision, organisation, "05/UBND-VP");
        }
        Result result = verifier.verify(signed);
        assertEquals(Verdict.VALID, result.verdict(), result.toString());
        assertEquals(1, result.signatures().size());
        assertEquals(UNIT, result.signatures().get(0).signerName());
        assertEquals(AT, result.signatures().get(0).signingTime());

        List<Pdfs.Widget> widgets = Pdfs.widgets(signed, 1);
        assertEquals(1, widgets.size());
        Pdfs.Widget widget = widgets.get(0);
        assertTrue(widget.text().contains("05/UBND-VP"), widget.text());
        String time = PdfSigner.iso(AT);
        assertTrue(time.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00"), time);
        assertTrue(widget.text().contains(time), widget.text());
        assertFalse(widget.hasImage());
        // top right of the A4 page, 1 cm from the edges
        PDRectangle r = widget.rectangle();
        assertEquals(PDRectangle.A4.getWidth() - PdfSigner.ATTACHMENT_MARGIN, r.getUpperRightX(), 1);
        assertEquals(PDRectangle.A4.getHeight() - PdfSigner.ATTACHMENT_MARGIN, r.getUpperRightY(), 1);
        assertTrue(r.getLowerLeftX() > PDRectangle.A4.getWidth() / 2);
        // the page itself is not touched
        assertEquals(Pdfs.pageText(decision), Pdfs.pageText(signed));
    }

    @Test
    void aGivenImageIsUsedAndAnythingElseIsRefused() throws IOException {
        byte[] image = Appearances.signature("someone else");
        try (SigningKey person = key(unit, TestPki.personAlias("an"))) {
            byte[] signed = signer.signAsPerson(decision, person, WHERE, image);
            assertEquals(Verdict.VALID, verifier.verify(signed).verdict());
            assertThrows(IllegalArgumentException.class,
                    () -> signer.signAsPerson(decision, person, WHERE, "GIF89a".getBytes(StandardCharsets.US_ASCII)));
        }
        assertThrows(IllegalArgumentException.class, () -> key(unit, "person:nobody"));
        assertThrows(IllegalArgumentException.class, () -> new Placement(0, 1, 1, 1, 1));
        assertEquals(new Placement(1, 0, 79, 102, 102), PdfSigner.sealOver(new Placement(1, 0, 100, 90, 60), 102), "kept on the page");
        assertEquals(new Placement(2, 300, 130, 100, 100), PdfSigner.sealOver(new Placement(2, 340, 150, 180, 60), 100));
    }

    private static java.security.cert.X509Certificate rootOf(TestPki.UnitKeystore keystore) {
        try {
            var chain = TestPki.readKeyStore(keystore.file(), PASSWORD).getCertificateChain(TestPki.ORGANISATION_ALIAS);
            return (java.security.cert.X509Certificate) chain[chain.length - 1];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        return indexOf(bytes, pattern, 0);
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        for (int i = from; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }
}
