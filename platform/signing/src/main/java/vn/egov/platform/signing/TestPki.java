package vn.egov.platform.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The project's test PKI: one root CA ({@value #ROOT_NAME}) that issues, for each unit, an organisation certificate
 * (the unit's seal: CN and O the unit's name) and personal certificates (CN the person's full name, O the unit's
 * name, UID the username), all with key usage digitalSignature + nonRepudiation. Nothing here is fit for production:
 * the keys live in files protected by one password, there is no CRL nor OCSP.
 *
 * <p>Files, in the directory given to {@link #create(Path, char[])}: {@value #ROOT_KEYSTORE} (the root's key, alias
 * {@value #ROOT_ALIAS}), {@value #ROOT_PEM} (the root certificate, to trust), and one PKCS#12 keystore
 * {@code <unit code>.p12} per unit with the aliases {@value #ORGANISATION_ALIAS} and {@code person:<username>}
 * (see {@link #personAlias(String)}), each entry's chain ending with the root. All files use the one password given.
 * What exists is reused: the root is generated once, and a unit's keystore keeps the entries it has and gets the ones
 * it lacks (an entry whose name changed is issued again).
 *
 * <p>Names are Unicode NFC ({@code "Nguyễn Văn An"} with precomposed letters), encoded as UTF8String in the
 * certificates.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create(dir, password);
 * TestPki.UnitKeystore unit = pki.unitKeystore("ubnd-xa-a", "UBND xã A", List.of(new TestPki.Person("an", "Nguyễn Văn An")));
 * }</pre>
 */
public final class TestPki {

    public static final String ROOT_NAME = "Test Root CA – egov Lào Cai";
    public static final String ROOT_KEYSTORE = "root-ca.p12";
    public static final String ROOT_PEM = "root-ca.pem";
    public static final String ROOT_ALIAS = "root";
    public static final String ORGANISATION_ALIAS = "organisation";
    public static final String PERSON_ALIAS_PREFIX = "person:";

    private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,128}");
    private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(5 * 365);

    /** The key pairs the PKI generates (all certificates signed with SHA-256). */
    public enum KeyType {
        RSA_2048("RSA", "SHA256withRSA"),
        EC_P256("EC", "SHA256withECDSA");

        private final String algorithm;
        private final String signatureAlgorithm;

        KeyType(String algorithm, String signatureAlgorithm) {
            this.algorithm = algorithm;
            this.signatureAlgorithm = signatureAlgorithm;
        }

        KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                if (this == EC_P256) {
                    generator.initialize(new ECGenParameterSpec("secp256r1"), TestCertificates.RANDOM);
                } else {
                    generator.initialize(2048, TestCertificates.RANDOM);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static String signatureAlgorithmFor(PrivateKey key) {
            return "EC".equals(key.getAlgorithm()) ? EC_P256.signatureAlgorithm : RSA_2048.signatureAlgorithm;
        }
    }

    /**
     * A person who signs for a unit.
     *
     * @param username the account's username (letters, digits, {@code . _ @ + -}); the keystore alias is
     *                 {@code person:<username in lower case>}
     * @param fullName the full name with its Vietnamese diacritics, e.g. {@code "Nguyễn Văn An"} (kept in NFC)
     */
    public record Person(String username, String fullName) {
        public Person {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(fullName, "fullName");
            if (!USERNAME.matcher(username).matches()) {
                throw new IllegalArgumentException("not a username: " + username);
            }
            fullName = nfc(fullName).strip();
            if (fullName.isEmpty()) {
                throw new IllegalArgumentException("empty full name for " + username);
            }
        }
    }

    /**
     * A unit's keystore, as written.
     *
     * @param unitCode     the unit's code (the file's name without {@code .p12})
     * @param unitName     the unit's name (NFC)
     * @param file         the PKCS#12 file
     * @param organisation the organisation's certificate (alias {@value #ORGANISATION_ALIAS})
     * @param people       the personal certificates by alias ({@code person:<username>}), in the order given
     */
    public record UnitKeystore(String unitCode, String unitName, Path file, X509Certificate organisation,
                               Map<String, X509Certificate> people) {
        public UnitKeystore {
            Objects.requireNonNull(unitCode, "unitCode");
            Objects.requireNonNull(unitName, "unitName");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(organisation, "organisation");
            people = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(people, "people")));
        }

        /** The keystore's bytes (read from the file). */
        public byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A person's certificate, by username. */
        public X509Certificate person(String username) {
            X509Certificate certificate = people.get(personAlias(username));
            if (certificate == null) {
                throw new IllegalArgumentException("no certificate for " + username + " in " + file);
            }
            return certificate;
        }
    }

    private final Path dir;
    private final char[] password;
    private final KeyType keyType;
    private final Clock clock;
    private final PrivateKey rootKey;
    private final X509Certificate root;

    private TestPki(Path dir, char[] password, KeyType keyType, Clock clock, PrivateKey rootKey, X509Certificate root) {
        this.dir = dir;
        this.password = password;
        this.keyType = keyType;
        this.clock = clock;
        this.rootKey = rootKey;
        this.root = root;
    }

    /** The PKI in {@code dir} (created if need be), RSA 2048 keys. */
    public static TestPki create(Path dir, char[] password) {
        return create(dir, password, KeyType.RSA_2048);
    }

    /** The PKI in {@code dir} (created if need be); {@code keyType} is for the keys generated from now on. */
    public static TestPki create(Path dir, char[] password, KeyType keyType) {
        return create(dir, password, keyType, Clock.systemUTC());
    }

    /** The PKI in {@code dir}, with the clock that dates the certificates generated from now on. */
    public static TestPki create(Path dir, char[] password, KeyType keyType, Clock clock) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(clock, "clock");
        char[] pass = password.clone();
        try {
            Files.createDirectories(dir);
            Path keystore = dir.resolve(ROOT_KEYSTORE);
            PrivateKey rootKey;
            X509Certificate root;
            if (Files.exists(keystore)) {
                KeyStore store = readKeyStore(keystore, pass);
                rootKey = (PrivateKey) store.getKey(ROOT_ALIAS, pass);
                root = (X509Certificate) store.getCertificate(ROOT_ALIAS);
                if (rootKey == null || root == null) {
                    throw new IllegalStateException("no entry " + ROOT_ALIAS + " in " + keystore);
                }
            } else {
                KeyPair pair = keyType.generate();
                X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                        .addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "egov Lào Cai (test)").addRDN(BCStyle.CN, nfc(ROOT_NAME))
                        .build();
                Instant now = clock.instant();
                root = TestCertificates.issue(name, pair.getPublic(), name, pair.getPrivate(), null, now, ROOT_VALIDITY, true);
                KeyStore store = KeyStoreFiles.emptyKeyStore();
                store.setKeyEntry(ROOT_ALIAS, pair.getPrivate(), pass, new Certificate[] {root});
                KeyStoreFiles.writeKeyStore(store, keystore, pass);
                rootKey = pair.getPrivate();
            }
            KeyStoreFiles.writeAtomically(dir.resolve(ROOT_PEM), pem(root).getBytes(StandardCharsets.US_ASCII));
            return new TestPki(dir, pass, keyType, clock, rootKey, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + dir.resolve(ROOT_KEYSTORE) + " (wrong password?)", e);
        }
    }

    /** The root certificate (the one to trust). */
    public X509Certificate root() {
        return root;
    }

    /** The root certificate's PEM file. */
    public Path rootPem() {
        return dir.resolve(ROOT_PEM);
    }

    /** The directory of the PKI's files. */
    public Path dir() {
        return dir;
    }

    /** The keystore file of a unit (whether or not it exists yet). */
    public Path unitKeystoreFile(String unitCode) {
        Objects.requireNonNull(unitCode, "unitCode");
        if (!UNIT_CODE.matcher(unitCode).matches()) {
            throw new IllegalArgumentException("not a unit code: " + unitCode);
        }
        return dir.resolve(unitCode + ".p12");
    }

    /**
     * The unit's keystore {@code <unitCode>.p12}: the organisation's key and certificate and the people's, issued
     * by the root; entries already in the file for the same names are kept.
     */
    public UnitKeystore unitKeystore(String unitCode, String unitName, List<Person> people) {
        Path file = unitKeystoreFile(unitCode);
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(people, "people");
        String unit = nfc(unitName).strip();
        if (unit.isEmpty()) {
            throw new IllegalArgumentException("empty unit name");
        }
        try {
            KeyStore store = Files.exists(file) ? readKeyStore(file, password) : KeyStoreFiles.emptyKeyStore();
            boolean changed = false;
            X500Name organisationName = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, unit).addRDN(BCStyle.CN, unit).build();
            X509Certificate organisation = existing(store, ORGANISATION_ALIAS, organisationName);
            if (organisation == null) {
                organisation = addEntry(store, ORGANISATION_ALIAS, organisationName);
                changed = true;
            }
            Map<String, X509Certificate> certificates = new LinkedHashMap<>();
            for (Person person : people) {
                Objects.requireNonNull(person, "person");
                String alias = personAlias(person.username());
                X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                        .addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, unit).addRDN(BCStyle.UID, person.username())
                        .addRDN(BCStyle.CN, person.fullName()).build();
                X509Certificate certificate = existing(store, alias, name);
                if (certificate == null) {
                    certificate = addEntry(store, alias, name);
                    changed = true;
                }
                certificates.put(alias, certificate);
            }
            if (changed) {
                KeyStoreFiles.writeKeyStore(store, file, password);
            }
            return new UnitKeystore(unitCode, unit, file, organisation, certificates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read or write " + file + " (wrong password?)", e);
        }
    }

    /** The alias of a person's entry in a unit's keystore. */
    public static String personAlias(String username) {
        Objects.requireNonNull(username, "username");
        return PERSON_ALIAS_PREFIX + username.toLowerCase(Locale.ROOT);
    }

    /** Reads a PKCS#12 keystore (a wrong password is a {@link GeneralSecurityException}). */
    public static KeyStore readKeyStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof GeneralSecurityException cause) {
                throw new GeneralSecurityException(e.getMessage() + ": " + file, cause);
            }
            throw e;
        }
        return store;
    }

    /** A certificate in PEM. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first value of an attribute (e.g. {@link BCStyle#CN}) of a certificate's subject, or null. */
    public static String subjectAttribute(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private X509Certificate existing(KeyStore store, String alias, X500Name name) throws GeneralSecurityException {
        if (!store.isKeyEntry(alias)) {
            return null;
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
        Certificate[] chain = store.getCertificateChain(alias);
        boolean same = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).equals(name)
                && chain != null && chain.length == 2 && chain[1].equals(root);
        return same ? certificate : null;
    }

    private X509Certificate addEntry(KeyStore store, String alias, X500Name name) throws GeneralSecurityException, IOException {
        KeyPair pair = keyType.generate();
        X500Name issuer = X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
        X509Certificate certificate = TestCertificates.issue(name, pair.getPublic(), issuer, rootKey, root, clock.instant(), LEAF_VALIDITY, false);
        store.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {certificate, root});
        return certificate;
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
