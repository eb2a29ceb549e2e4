package vn.egov.documents.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.platform.signing.TestPki;

class EdXmlTest {
    static final char[] PASSWORD = "mat-khau".toCharArray();
    static TestPki trusted;
    static TestPki foreign;
    static PrivateKey key;
    static X509Certificate cert;

    @BeforeAll
    static void pki(@TempDir Path dir) throws Exception {
        trusted = TestPki.create(dir.resolve("trusted"), PASSWORD);
        foreign = TestPki.create(dir.resolve("foreign"), PASSWORD);
        TestPki.UnitKeystore ks = trusted.unitKeystore("000.00.00.G12", "Bộ Tư pháp", List.of());
        KeyStore store = TestPki.readKeyStore(ks.file(), PASSWORD);
        key = (PrivateKey) store.getKey(TestPki.ORGANISATION_ALIAS, PASSWORD);
        cert = ks.organisation();
    }

    static EdXml.Package pkg() {
        return new EdXml.Package(new EdXml.Organ("000.00.00.G12", "Bộ Tư pháp"), List.of(new EdXml.Organ("stp", "Sở Tư pháp tỉnh Lào Cai")),
                "0b6f0a52-6f2e-4c1b-9c4b-2d7c1e0f4a11", 5, "BTP-VP", "Hà Nội", LocalDate.of(2026, 11, 20), "Công văn",
                "Về việc hướng dẫn nghiệp vụ hộ tịch", "Nguyễn Văn An", "Thứ trưởng", LocalDate.of(2026, 12, 31), List.of("Sở Tư pháp các tỉnh"),
                2, 3, List.of(), List.of(new EdXml.Attachment("cong-van.pdf", "application/pdf", "%PDF-1.7 nội dung".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aSignedPackageReadsBackWithEverythingItSaid() {
        byte[] xml = EdXml.write(pkg(), key, cert);
        EdXml.Read read = EdXml.read(xml, List.of(trusted.root()));
        assertTrue(read.valid(), read.problems().toString());
        EdXml.Package p = read.pkg();
        assertEquals("05/BTP-VP", p.numberSymbol());
        assertEquals("Bộ Tư pháp", p.from().name());
        assertEquals("stp", p.to().get(0).id());
        assertEquals("Về việc hướng dẫn nghiệp vụ hộ tịch", p.subject());
        assertEquals(LocalDate.of(2026, 11, 20), p.promulgationDate());
        assertEquals(2, p.priority());
        assertArrayEquals("%PDF-1.7 nội dung".getBytes(StandardCharsets.UTF_8), p.attachments().get(0).content());
        assertTrue(read.signer().getSubjectX500Principal().getName().contains("Bộ Tư pháp") || read.signer().getSubjectX500Principal().toString()
                .contains("Bộ Tư pháp"));
    }

    @Test
    void aTraceAddedOnTheWayKeepsTheSignatureAnyOtherChangeBreaksIt() {
        byte[] xml = EdXml.write(pkg(), key, cert);
        byte[] traced = EdXml.withTrace(xml, new EdXml.Trace("000.00.00.H38", Instant.parse("2026-11-20T03:00:00Z")));
        EdXml.Read read = EdXml.read(traced, List.of(trusted.root()));
        assertTrue(read.valid(), read.problems().toString());
        assertEquals(1, read.pkg().traces().size());

        String s = new String(xml, StandardCharsets.UTF_8);
        byte[] changedSubject = s.replace("hướng dẫn nghiệp vụ", "hướng dẫn khác").getBytes(StandardCharsets.UTF_8);
        EdXml.Read broken = EdXml.read(changedSubject, List.of(trusted.root()));
        assertFalse(broken.valid());
        assertTrue(broken.problems().get(0).contains("bị thay đổi sau khi ký"), broken.problems().toString());
        // a reason is a key of the documents' texts: said in English to a reader in English, no pair in either language
        assertEquals("edxml.changed", broken.reasons().get(0).key());
        String english = broken.reasons().get(0).in(vn.egov.documents.control.Wording.in(java.util.Locale.ENGLISH));
        assertEquals("The signature does not verify: the package was changed after signing.", english);
        assertFalse(broken.problems().get(0).contains(" / "), broken.problems().toString());
        assertEquals(null, broken.pkg(), "nothing of a refused package is given");

        String b64 = java.util.Base64.getEncoder().encodeToString("%PDF-1.7 nội dung".getBytes(StandardCharsets.UTF_8));
        byte[] changedAttachment = s.replace(b64, java.util.Base64.getEncoder().encodeToString("%PDF-1.7 giả mạo".getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(EdXml.read(changedAttachment, List.of(trusted.root())).valid(), "the attachments are signed too");
    }

    @Test
    void aSignerNoTrustedRootVouchesForIsRefused() throws Exception {
        TestPki.UnitKeystore ks = foreign.unitKeystore("gia-mao", "Cơ quan giả mạo", List.of());
        PrivateKey k = (PrivateKey) TestPki.readKeyStore(ks.file(), PASSWORD).getKey(TestPki.ORGANISATION_ALIAS, PASSWORD);
        EdXml.Read read = EdXml.read(EdXml.write(pkg(), k, ks.organisation()), List.of(trusted.root()));
        assertFalse(read.valid());
        assertTrue(read.problems().get(0).contains("không do tổ chức chứng thực tin cậy cấp"), read.problems().toString());
    }

    @Test
    void brokenInputIsRefusedWithEveryReasonAndNoEntityIsExpanded() {
        assertTrue(EdXml.read("không phải XML".getBytes(StandardCharsets.UTF_8), List.of(trusted.root())).problems().get(0).contains("XML"));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><edXML:edXML xmlns:edXML=\"" + EdXml.NS
                + "\">&e;</edXML:edXML>";
        EdXml.Read refused = EdXml.read(xxe.getBytes(StandardCharsets.UTF_8), List.of(trusted.root()));
        assertFalse(refused.valid());
        assertTrue(refused.problems().get(0).contains("DOCTYPE"), refused.problems().toString());
        String empty = "<edXML:edXML xmlns:edXML=\"" + EdXml.NS + "\"><edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:MessageHeader>"
                + "<edXML:Code><edXML:CodeNumber>không</edXML:CodeNumber></edXML:Code></edXML:MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope>"
                + "</edXML:edXML>";
        List<String> problems = EdXml.read(empty.getBytes(StandardCharsets.UTF_8), List.of(trusted.root())).problems();
        for (String expected : List.of("From", "To", "DocumentId", "CodeNumber", "CodeNotation", "PromulgationInfo", "DocumentType", "Subject",
                "không có chữ ký số")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " in " + problems);
        }
    }

    @Test
    void aStatusPackageReadsBackAndAnyChangeOrAForeignSignerIsCaught() {
        EdXml.Status status = new EdXml.Status(new EdXml.Organ("stp", "Sở Tư pháp tỉnh Lào Cai"), "000.00.00.G12", "0b6f0a52-6f2e-4c1b-9c4b-2d7c1e0f4a11",
                "05/BTP-VP", EdXml.REFUSED, "Không thuộc thẩm quyền của Sở", Instant.parse("2026-11-27T02:15:00Z"), "Lò Thị Mai");
        byte[] xml = EdXml.writeStatus(status, key, cert);
        EdXml.StatusRead read = EdXml.readStatus(xml, List.of(trusted.root()));
        assertTrue(read.valid(), read.problems().toString());
        assertEquals(status, read.status());

        String text = new String(xml, StandardCharsets.UTF_8);
        EdXml.StatusRead changed = EdXml.readStatus(text.replace(">02<", ">03<").getBytes(StandardCharsets.UTF_8), List.of(trusted.root()));
        assertFalse(changed.valid(), "a refusal turned into an acceptance does not verify");
        assertTrue(changed.problems().stream().anyMatch(p -> p.contains("đã bị thay đổi")), changed.problems().toString());
        assertFalse(EdXml.readStatus(xml, List.of(foreign.root())).valid(), "signed under a root not trusted here");
        assertFalse(EdXml.readStatus("<Status/>".getBytes(StandardCharsets.UTF_8), List.of(trusted.root())).valid());
    }
}
