package vn.egov.platform.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {

    private static final char[] PASSWORD = "test-pki".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theRootIsASelfSignedCaWithTheProjectsName() throws Exception {
        TestPki pki = TestPki.create(dir, PASSWORD);
        X509Certificate root = pki.root();
        assertEquals("Test Root CA – egov Lào Cai", TestPki.subjectAttribute(root, BCStyle.CN));
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
        root.verify(root.getPublicKey());
        assertTrue(root.getBasicConstraints() >= 0, "a CA");
        assertTrue(root.getKeyUsage()[5], "keyCertSign");
        assertEquals("RSA", root.getPublicKey().getAlgorithm());
        assertEquals("SHA256withRSA", root.getSigAlgName());

        // the PEM file is the same certificate
        String pem = Files.readString(pki.rootPem(), StandardCharsets.US_ASCII);
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"));
        X509Certificate read = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(root, read);
    }

    @Test
    void aUnitsKeystoreHoldsTheOrganisationAndItsPeopleIssuedByTheRoot() throws Exception {
        TestPki pki = TestPki.create(dir, PASSWORD);
        // a decomposed "ễ" (e + circumflex + tilde) must come out precomposed
        String decomposed = Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD);
        TestPki.UnitKeystore unit = pki.unitKeystore("ubnd-ban-ho", "UBND xã Bản Hồ", List.of(
                new TestPki.Person("an.nv", decomposed), new TestPki.Person("Binh", "Trần Thị Bình")));

        assertEquals(dir.resolve("ubnd-ban-ho.p12"), unit.file());
        KeyStore store = TestPki.readKeyStore(unit.file(), PASSWORD);
        assertEquals(List.of("organisation", "person:an.nv", "person:binh"), Collections.list(store.aliases()).stream().sorted().toList());

        X509Certificate organisation = (X509Certificate) store.getCertificate("organisation");
        assertEquals("UBND xã Bản Hồ", TestPki.subjectAttribute(organisation, BCStyle.CN));
        assertEquals("UBND xã Bản Hồ", TestPki.subjectAttribute(organisation, BCStyle.O));
        X509Certificate an = unit.person("an.nv");
        String cn = TestPki.subjectAttribute(an, BCStyle.CN);
        assertEquals("Nguyễn Văn An", cn);
        assertTrue(Normalizer.isNormalized(cn, Normalizer.Form.NFC));
        assertEquals(13, cn.length(), "precomposed letters");
        assertEquals("UBND xã Bản Hồ", TestPki.subjectAttribute(an, BCStyle.O));
        assertEquals("an.nv", TestPki.subjectAttribute(an, BCStyle.UID));
        assertEquals("Trần Thị Bình", TestPki.subjectAttribute(unit.person("binh"), BCStyle.CN));

        for (String alias : List.of("organisation", "person:an.nv", "person:binh")) {
            X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
            certificate.verify(pki.root().getPublicKey());
            assertEquals(pki.root().getSubjectX500Principal(), certificate.getIssuerX500Principal());
            boolean[] usage = certificate.getKeyUsage();
            assertTrue(usage[0] && usage[1], "digitalSignature + nonRepudiation for " + alias);
            assertFalse(usage[5], "not a CA key for " + alias);
            assertEquals(-1, certificate.getBasicConstraints());
            Certificate[] chain = store.getCertificateChain(alias);
            assertEquals(2, chain.length);
            assertEquals(pki.root(), chain[1]);
            assertTrue(store.getKey(alias, PASSWORD) instanceof PrivateKey);
        }
    }

    @Test
    void whatExistsIsReusedAndWhatIsMissingIsAdded() throws Exception {
        TestPki first = TestPki.create(dir, PASSWORD);
        TestPki.UnitKeystore before = first.unitKeystore("vp", "Văn phòng UBND tỉnh", List.of(new TestPki.Person("an", "Nguyễn Văn An")));

        TestPki again = TestPki.create(dir, PASSWORD);
        assertEquals(first.root(), again.root());
        TestPki.UnitKeystore after = again.unitKeystore("vp", "Văn phòng UBND tỉnh", List.of(
                new TestPki.Person("an", "Nguyễn Văn An"), new TestPki.Person("cuong", "Lê Văn Cường")));
        assertEquals(before.organisation(), after.organisation());
        assertEquals(before.person("an"), after.person("an"));
        assertEquals("Lê Văn Cường", TestPki.subjectAttribute(after.person("cuong"), BCStyle.CN));

        // a renamed unit gets a new organisation certificate
        TestPki.UnitKeystore renamed = again.unitKeystore("vp", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", List.of());
        assertNotEquals(before.organisation(), renamed.organisation());
        assertEquals("Văn phòng Đoàn ĐBQH và HĐND tỉnh", TestPki.subjectAttribute(renamed.organisation(), BCStyle.O));
    }

    @Test
    void anotherDirectoryIsAnotherRootEvenWithTheSameName() {
        TestPki one = TestPki.create(dir.resolve("one"), PASSWORD);
        TestPki two = TestPki.create(dir.resolve("two"), PASSWORD, TestPki.KeyType.EC_P256);
        assertEquals(one.root().getSubjectX500Principal(), two.root().getSubjectX500Principal());
        assertNotEquals(one.root(), two.root());
        assertEquals("EC", two.root().getPublicKey().getAlgorithm());
    }

    @Test
    void badInputIsRefused() {
        TestPki pki = TestPki.create(dir, PASSWORD);
        assertThrows(IllegalArgumentException.class, () -> pki.unitKeystore("../x", "X", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TestPki.Person("a b", "A B"));
        assertThrows(IllegalArgumentException.class, () -> new TestPki.Person("ab", "  "));
        assertThrows(NullPointerException.class, () -> new TestPki.Person(null, "A"));
        assertThrows(IllegalStateException.class, () -> TestPki.create(dir, "wrong".toCharArray()));
    }
}
