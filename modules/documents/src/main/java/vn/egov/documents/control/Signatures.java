package vn.egov.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.signing.PdfSigner;
import vn.egov.platform.signing.PdfVerifier;
import vn.egov.platform.signing.TestPki;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;

/**
 * The platform's digital signatures of documents: PAdES signatures of PDFs (a person's, then the organisation's seal
 * over it; an attachment's with its number/symbol and time) and edXML packages' XML signatures, with the keys of the
 * project's test PKI ({@link TestPki}: a root CA, an organisation certificate per unit, a personal certificate per
 * signer), and the check of every PDF that arrives against the trusted roots.
 *
 * <p>The PKI lives in one directory: the system property {@code egov.pki.dir}, else {@code config/egov-pki} of the
 * Payara instance, else the temporary directory. Its password is generated on first use and kept in a file readable by
 * the server's user only. A unit's keystore gets its organisation's key, and a signer's key, the first time they sign.
 * Several nodes must share the directory (a real deployment uses the Government Cipher Committee's certificates on
 * tokens or an HSM instead: this is a test PKI).
 */
@ApplicationScoped
public class Signatures {
    private volatile TestPki pki;
    private volatile PdfVerifier verifier;
    private char[] password;

    /** Where the person's signature goes on the last page: the signer's block, bottom right (points from the top left). */
    static PdfSigner.Placement personPlacement(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int last = doc.getNumberOfPages();
            PDRectangle box = doc.getPage(last - 1).getMediaBox();
            float width = 200;
            float height = 90;
            return new PdfSigner.Placement(last, Math.max(0, box.getWidth() - 56 - width), Math.max(0, box.getHeight() - 72 - height - 80), width,
                    height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized TestPki pki() {
        if (pki == null) {
            Path dir = dir();
            try {
                Files.createDirectories(dir);
                Path secret = dir.resolve(".password");
                if (!Files.exists(secret)) {
                    byte[] random = new byte[24];
                    new SecureRandom().nextBytes(random);
                    Files.writeString(secret, HexFormat.of().formatHex(random), StandardCharsets.US_ASCII);
                    try {
                        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // a file system without POSIX permissions: as the server's directory allows
                    }
                }
                password = Files.readString(secret, StandardCharsets.US_ASCII).strip().toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("the PKI directory " + dir + " is not usable", e);
            }
            pki = TestPki.create(dir, password);
        }
        return pki;
    }

    static Path dir() {
        String configured = System.getProperty("egov.pki.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String instance = System.getProperty("com.sun.aas.instanceRoot");
        return instance != null ? Path.of(instance, "config", "egov-pki") : Path.of(System.getProperty("java.io.tmpdir"), "egov-pki");
    }

    /** The roots a signature must lead to. */
    public List<X509Certificate> trustedRoots() {
        return List.of(pki().root());
    }

    PdfVerifier verifier() {
        PdfVerifier v = verifier;
        if (v == null) {
            v = new PdfVerifier(trustedRoots());
            verifier = v;
        }
        return v;
    }

    /** The unit's keystore, with this person's key in it (issued the first time). */
    private synchronized byte[] keystore(Tenant unit, UserPrincipal person) {
        List<TestPki.Person> people = person == null ? List.of() : List.of(new TestPki.Person(person.username(), displayName(person)));
        return pki().unitKeystore(unit.getCode(), unit.getName(), people).bytes();
    }

    private static String displayName(UserPrincipal p) {
        return p.displayName() == null || p.displayName().isBlank() ? p.username() : p.displayName();
    }

    /** The person (a leader) signs the PDF: their signature in the signer's block of the last page. */
    public byte[] signAsPerson(Tenant unit, UserPrincipal person, byte[] pdf) {
        byte[] store = keystore(unit, person);
        try (PdfSigner.SigningKey key = PdfSigner.SigningKey.open(store, password, TestPki.personAlias(person.username()))) {
            return new PdfSigner().signAsPerson(pdf, key, personPlacement(pdf), null);
        } catch (eu.europa.esig.dss.alert.exception.AlertException e) {
            throw refused(e);
        }
    }

    /** The organisation seals the PDF its person signed: the seal over the left third of that signature. */
    public byte[] sealAsOrganisation(Tenant unit, byte[] pdf) {
        byte[] store = keystore(unit, null);
        try (PdfSigner.SigningKey key = PdfSigner.SigningKey.open(store, password, TestPki.ORGANISATION_ALIAS)) {
            return new PdfSigner().signAsOrganisation(pdf, key, personPlacement(pdf), null);
        } catch (eu.europa.esig.dss.alert.exception.AlertException e) {
            throw refused(e);
        }
    }

    /** The organisation signs an attachment: its number/symbol and the time, top right of page 1. */
    public byte[] signAttachment(Tenant unit, byte[] pdf, String numberSymbol) {
        byte[] store = keystore(unit, null);
        try (PdfSigner.SigningKey key = PdfSigner.SigningKey.open(store, password, TestPki.ORGANISATION_ALIAS)) {
            return new PdfSigner().signAttachment(pdf, key, numberSymbol);
        } catch (eu.europa.esig.dss.alert.exception.AlertException e) {
            throw refused(e);
        }
    }

    /** A PDF that cannot take the signature where the decree puts it (DSS's alert, e.g. another field is there already). */
    static vn.egov.platform.web.ProblemException refused(RuntimeException e) {
        return new vn.egov.platform.web.ProblemException(vn.egov.platform.web.Problem.of(Wording::in, 409, "signing-failed",
                "problem.signingFailed.title", "problem.signingFailed", e.getMessage()));
    }

    /** The organisation's key and certificate, for an edXML package's XML signature. */
    public KeyStore.PrivateKeyEntry organisationKey(Tenant unit) {
        byte[] store = keystore(unit, null);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new java.io.ByteArrayInputStream(store), password);
            PrivateKey key = (PrivateKey) ks.getKey(TestPki.ORGANISATION_ALIAS, password);
            return new KeyStore.PrivateKeyEntry(key, ks.getCertificateChain(TestPki.ORGANISATION_ALIAS));
        } catch (Exception e) {
            throw new IllegalStateException("the organisation key of " + unit.getCode() + " could not be read", e);
        }
    }

    /** Checks a PDF's signatures against the trusted roots. */
    public PdfVerifier.Result verify(byte[] pdf) {
        return verifier().verify(pdf);
    }

    /** How long a check of the same bytes is reused: a certificate may expire, so not for ever. */
    static final long CHECK_KEPT_MS = 10 * 60 * 1000;
    /** The checks of the last files read, by their SHA-256 (the same bytes give the same verdict against the same roots). */
    private final java.util.Map<String, Object[]> checks = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Object[]> eldest) {
            return size() > 1000;
        }
    });

    /**
     * The check of a file's bytes, by their SHA-256 (computed from the bytes by the caller, never taken from what was
     * stored): a document read again does not run DSS again on the same bytes (a check costs tens of milliseconds per
     * signature). Nothing of a unit is in the key: it is the hash of the bytes alone, and the verdict depends on nothing else.
     */
    public JsonObject checked(String sha256, byte[] pdf) {
        Object[] kept = checks.get(sha256);
        long now = System.currentTimeMillis();
        if (kept != null && now - (long) kept[0] < CHECK_KEPT_MS) {
            return (JsonObject) kept[1];
        }
        JsonObject check = json(verify(pdf));
        checks.put(sha256, new Object[] {now, check});
        return check;
    }

    /** A check's result as JSON: the verdict, in Vietnamese too ({@code verdictText}; pages say it in theirs), and each signature. */
    public static JsonObject json(PdfVerifier.Result r) {
        JsonArrayBuilder sigs = Jsonp.createArrayBuilder();
        for (PdfVerifier.SignatureResult s : r.signatures()) {
            JsonObjectBuilder o = Jsonp.createObjectBuilder().add("verdict", s.verdict().name()).add("indication", s.indication())
                    .add("coversWholeDocument", s.coversWholeDocument());
            if (s.signerName() != null) {
                o.add("signer", s.signerName());
            }
            if (s.organisation() != null) {
                o.add("organisation", s.organisation());
            }
            if (s.signingTime() != null) {
                o.add("signedAt", s.signingTime().toString());
            }
            if (s.subIndication() != null) {
                o.add("subIndication", s.subIndication());
            }
            sigs.add(o);
        }
        return Jsonp.createObjectBuilder().add("verdict", r.verdict().name()).add("verdictText", words(r.verdict())).add("reason", r.reason())
                .add("signatures", sigs).build();
    }

    /** The verdict in Vietnamese (the JSON's {@code verdictText}, kept for its readers). */
    public static String words(PdfVerifier.Verdict v) {
        return words(v.name(), Wording.in(java.util.Locale.forLanguageTag("vi")));
    }

    /** The verdict ({@code verdict}: a {@link PdfVerifier.Verdict}'s name) in the words of a language. */
    public static String words(String verdict, vn.egov.platform.words.Words words) {
        return words.text(VERDICT + verdict);
    }

    /** The keys of the verdicts in the documents' texts: this and the verdict's name. */
    public static final String VERDICT = "signature.verdict.";
}
