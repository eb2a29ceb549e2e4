package vn.egov.documents.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilter2ParameterSpec;
import javax.xml.crypto.dsig.spec.XPathType;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An edXML package (QCVN 102:2016/BTTTT, the exchange of electronic documents between agencies' systems): the header
 * ({@code From}, {@code To}, {@code DocumentId}, {@code Code}, {@code PromulgationInfo}, {@code DocumentType},
 * {@code Subject}, {@code SignerInfo}, {@code DueDate}, {@code ToPlaces}, {@code OtherInfo}), the
 * {@code TraceHeaderList} the systems on the way add to, the XML signature of the sending organisation, the manifest
 * of attachments and the attachments themselves (base64). Written and read here with the JDK's DOM and XML Signature
 * APIs: the signature is enveloped and covers the whole package except the trace headers (an XPath Filter 2.0
 * subtract), so a system on the way may add its trace without breaking it, and any other change does.
 *
 * <p>Reading is strict and says what is wrong, in Vietnamese and English: not XML, a DOCTYPE (refused: no entity is
 * ever expanded), a missing required element, a malformed date or number, an attachment that does not match its
 * manifest, no signature, a signature that does not verify (the package was changed), or a signer whose certificate
 * does not lead to a trusted root.
 */
public final class EdXml {
    public static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final String P = "edXML:";

    private EdXml() {
    }

    /** An organisation: its code on the national exchange (e.g. {@code 000.00.31.H38}) and its name. */
    public record Organ(String id, String name) {
        public Organ {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A file carried by the package. */
    public record Attachment(String name, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }

    /** A system the package went through, and when. */
    public record Trace(String organId, Instant at) {
    }

    /** What a package says. {@code priority}: 0 normal, 1 urgent (khẩn), 2 very urgent (thượng khẩn), 3 express (hỏa tốc). */
    public record Package(Organ from, List<Organ> to, String documentId, int codeNumber, String codeNotation, String place, LocalDate promulgationDate,
                          String typeName, String subject, String signerName, String signerPosition, LocalDate dueDate, List<String> toPlaces,
                          int priority, Integer pageAmount, List<Trace> traces, List<Attachment> attachments) {
        public Package {
            Objects.requireNonNull(from, "from");
            to = List.copyOf(to);
            toPlaces = toPlaces == null ? List.of() : List.copyOf(toPlaces);
            traces = traces == null ? List.of() : List.copyOf(traces);
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        /** The number and symbol as printed: "05/UBND-VP". */
        public String numberSymbol() {
            return (codeNumber < 10 ? "0" + codeNumber : Integer.toString(codeNumber)) + "/" + codeNotation;
        }
    }

    /** A package read: what it says, who signed it, or every reason it is refused (then nothing else). */
    public record Read(Package pkg, X509Certificate signer, List<String> problems) {
        public Read {
            problems = List.copyOf(problems);
        }

        public boolean valid() { return problems.isEmpty(); }
    }

    // ---- writing

    /** The package, signed with the sending organisation's key (its certificate goes in the signature's KeyInfo). */
    public static byte[] write(Package p, PrivateKey key, X509Certificate certificate) {
        try {
            Document doc = builder().newDocument();
            Element root = el(doc, doc, "edXML");
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:edXML", NS);
            Element envelope = el(doc, root, "edXMLEnvelope");
            Element header = el(doc, envelope, "edXMLHeader");
            Element msg = el(doc, header, "MessageHeader");
            organ(doc, el(doc, msg, "From"), p.from());
            for (Organ o : p.to()) {
                organ(doc, el(doc, msg, "To"), o);
            }
            text(doc, msg, "DocumentId", p.documentId());
            Element code = el(doc, msg, "Code");
            text(doc, code, "CodeNumber", Integer.toString(p.codeNumber()));
            text(doc, code, "CodeNotation", p.codeNotation());
            Element prom = el(doc, msg, "PromulgationInfo");
            text(doc, prom, "Place", p.place() == null ? "" : p.place());
            text(doc, prom, "PromulgationDate", p.promulgationDate().toString());
            Element type = el(doc, msg, "DocumentType");
            text(doc, type, "TypeName", p.typeName());
            text(doc, msg, "Subject", p.subject());
            Element signer = el(doc, msg, "SignerInfo");
            text(doc, signer, "Position", p.signerPosition() == null ? "" : p.signerPosition());
            text(doc, signer, "FullName", p.signerName() == null ? "" : p.signerName());
            if (p.dueDate() != null) {
                text(doc, msg, "DueDate", p.dueDate().toString());
            }
            Element places = el(doc, msg, "ToPlaces");
            for (String place : p.toPlaces()) {
                text(doc, places, "Place", place);
            }
            Element other = el(doc, msg, "OtherInfo");
            text(doc, other, "Priority", Integer.toString(p.priority()));
            if (p.pageAmount() != null) {
                text(doc, other, "PageAmount", Integer.toString(p.pageAmount()));
            }
            Element traces = el(doc, header, "TraceHeaderList");
            for (Trace t : p.traces()) {
                Element th = el(doc, traces, "TraceHeader");
                text(doc, th, "OrganId", t.organId());
                text(doc, th, "Timestamp", t.at().toString());
            }
            Element manifest = el(doc, el(doc, envelope, "edXMLBody"), "edXMLManifest");
            Element encoded = el(doc, root, "AttachmentEncoded");
            int n = 0;
            for (Attachment a : p.attachments()) {
                String id = "att" + (++n);
                Element ref = el(doc, manifest, "Reference");
                text(doc, ref, "ContentId", id);
                text(doc, ref, "ContentType", a.contentType());
                text(doc, ref, "AttachmentName", a.name());
                Element att = el(doc, encoded, "Attachment");
                text(doc, att, "ContentId", id);
                text(doc, att, "AttachmentName", a.name());
                text(doc, att, "ContentType", a.contentType());
                text(doc, att, "ContentTransferEncoded", Base64.getEncoder().encodeToString(a.content()));
            }
            sign(doc, header, key, certificate);
            return bytes(doc);
        } catch (Exception e) {
            throw new IllegalStateException("the edXML package could not be written: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(Document doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    // ---- status packages

    /** Status codes of QCVN 102:2016 this platform sends back: arrived, refused (returned), accepted into the register. */
    public static final String ARRIVED = "01";
    public static final String REFUSED = "02";
    public static final String ACCEPTED = "03";

    /**
     * A status package: what the receiving organisation ({@code from}) did with the package {@code documentId} that
     * {@code responseTo} sent (its number/symbol in {@code code}), when, by whom, and why ({@code description}).
     */
    public record Status(Organ from, String responseTo, String documentId, String code, String statusCode, String description, Instant at,
                         String staff) {
        public Status {
            java.util.Objects.requireNonNull(from, "from");
            java.util.Objects.requireNonNull(responseTo, "responseTo");
            java.util.Objects.requireNonNull(documentId, "documentId");
            java.util.Objects.requireNonNull(statusCode, "statusCode");
            java.util.Objects.requireNonNull(at, "at");
        }
    }

    /** A status package as read: the status (null when unreadable) and what is wrong with it. */
    public record StatusRead(Status status, List<String> problems) {
        public StatusRead {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return status != null && problems.isEmpty();
        }
    }

    /** The status package, signed like a document package with the receiving organisation's key. */
    public static byte[] writeStatus(Status s, PrivateKey key, X509Certificate certificate) {
        try {
            Document doc = builder().newDocument();
            Element root = el(doc, doc, "Status");
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:edXML", NS);
            Element header = el(doc, root, "Header");
            Element status = el(doc, header, "MessageStatus");
            Element response = el(doc, status, "ResponseFor");
            text(doc, response, "OrganId", s.responseTo());
            text(doc, response, "Code", s.code() == null ? "" : s.code());
            text(doc, response, "DocumentId", s.documentId());
            organ(doc, el(doc, status, "From"), s.from());
            text(doc, status, "StatusCode", s.statusCode());
            text(doc, status, "Description", s.description() == null ? "" : s.description());
            text(doc, status, "Timestamp", s.at().toString());
            text(doc, el(doc, status, "StaffInfo"), "FullName", s.staff() == null ? "" : s.staff());
            sign(doc, header, key, certificate);
            return bytes(doc);
        } catch (Exception e) {
            throw new IllegalStateException("the edXML status could not be written: " + e.getMessage(), e);
        }
    }

    /** Reads and checks a status package: complete, signed by a certificate of one of {@code trustedRoots}, unchanged. */
    public static StatusRead readStatus(byte[] xml, Collection<X509Certificate> trustedRoots) {
        List<String> problems = new ArrayList<>();
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return new StatusRead(null, List.of("Không phải tệp XML hợp lệ: " + clip(e.getMessage()) + " / Not well-formed XML."));
        }
        Element root = doc.getDocumentElement();
        Element header = NS.equals(root.getNamespaceURI()) && "Status".equals(root.getLocalName()) ? first(root, "Header") : null;
        Element status = header == null ? null : first(header, "MessageStatus");
        Element response = status == null ? null : first(status, "ResponseFor");
        if (response == null) {
            return new StatusRead(null, List.of("Thiếu Status/Header/MessageStatus/ResponseFor. / Status/Header/MessageStatus/ResponseFor is missing."));
        }
        verify(doc, header, trustedRoots, problems);
        Organ from = organ(first(status, "From"), "From", problems);
        String responseTo = required(response, "OrganId", problems);
        String documentId = required(response, "DocumentId", problems);
        String code = required(status, "StatusCode", problems);
        String at = required(status, "Timestamp", problems);
        Instant time = null;
        if (at != null) {
            try {
                time = Instant.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                problems.add("Timestamp không đúng ISO 8601. / Timestamp is not ISO 8601.");
            }
        }
        Element staff = first(status, "StaffInfo");
        if (from == null || responseTo == null || documentId == null || code == null || time == null) {
            return new StatusRead(null, problems);
        }
        return new StatusRead(new Status(from, responseTo, documentId, optional(response, "Code"), code, optional(status, "Description"), time,
                staff == null ? null : optional(staff, "FullName")), problems);
    }

    /** Appends a trace header (as a system on the way does) without touching anything the signature covers. */
    public static byte[] withTrace(byte[] xml, Trace trace) {
        try {
            Document doc = builder().parse(new ByteArrayInputStream(xml));
            Element list = path(doc.getDocumentElement(), "edXMLEnvelope", "edXMLHeader", "TraceHeaderList");
            if (list == null) {
                throw new IllegalArgumentException("no TraceHeaderList");
            }
            Element th = el(doc, list, "TraceHeader");
            text(doc, th, "OrganId", trace.organId());
            text(doc, th, "Timestamp", trace.at().toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not an edXML package: " + e.getMessage(), e);
        }
    }

    private static void sign(Document doc, Element header, PrivateKey key, X509Certificate cert) throws Exception {
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        XPathType exceptTraces = new XPathType("//*[local-name()='TraceHeaderList' and namespace-uri()='" + NS + "']",
                XPathType.Filter.SUBTRACT);
        List<Transform> transforms = List.of(
                f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                f.newTransform(Transform.XPATH2, new XPathFilter2ParameterSpec(List.of(exceptTraces))),
                f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
        Reference ref = f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null), transforms, null, null);
        String method = key.getAlgorithm().equals("EC") ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256;
        SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                f.newSignatureMethod(method, null), List.of(ref));
        KeyInfoFactory kif = f.getKeyInfoFactory();
        KeyInfo ki = kif.newKeyInfo(List.of(kif.newX509Data(List.of(cert))));
        DOMSignContext ctx = new DOMSignContext(key, header);
        ctx.setDefaultNamespacePrefix("ds");
        f.newXMLSignature(si, ki).sign(ctx);
    }

    // ---- reading

    /** Reads and checks a package: well-formed, complete, signed by a certificate that leads to one of {@code trustedRoots}, unchanged. */
    public static Read read(byte[] xml, Collection<X509Certificate> trustedRoots) {
        List<String> problems = new ArrayList<>();
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return new Read(null, null, List.of("Không phải tệp XML hợp lệ (hoặc có khai báo DOCTYPE, không được nhận): " + clip(e.getMessage())
                    + " / Not well-formed XML (or it declares a DOCTYPE, which is refused)."));
        }
        Element root = doc.getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !"edXML".equals(root.getLocalName())) {
            return new Read(null, null, List.of("Phần tử gốc phải là edXML trong không gian tên " + NS + ". / The root element must be edXML in " + NS + "."));
        }
        Element header = path(root, "edXMLEnvelope", "edXMLHeader");
        Element msg = header == null ? null : first(header, "MessageHeader");
        if (msg == null) {
            return new Read(null, null, List.of("Thiếu edXMLEnvelope/edXMLHeader/MessageHeader. / edXMLEnvelope/edXMLHeader/MessageHeader is missing."));
        }
        Organ from = organ(first(msg, "From"), "From", problems);
        List<Organ> to = new ArrayList<>();
        for (Element e : children(msg, "To")) {
            Organ o = organ(e, "To", problems);
            if (o != null) {
                to.add(o);
            }
        }
        if (to.isEmpty()) {
            problems.add("Thiếu nơi nhận (To). / No recipient (To).");
        }
        String documentId = required(msg, "DocumentId", problems);
        Element code = first(msg, "Code");
        Integer number = null;
        String notation = null;
        if (code == null) {
            problems.add("Thiếu số, ký hiệu văn bản (Code). / The number and symbol (Code) are missing.");
        } else {
            number = positive(required(code, "CodeNumber", problems), "Code/CodeNumber", problems);
            notation = required(code, "CodeNotation", problems);
        }
        Element prom = first(msg, "PromulgationInfo");
        LocalDate promulgated = prom == null ? null : date(required(prom, "PromulgationDate", problems), "PromulgationInfo/PromulgationDate", problems);
        if (prom == null) {
            problems.add("Thiếu thông tin ban hành (PromulgationInfo). / PromulgationInfo is missing.");
        }
        Element type = first(msg, "DocumentType");
        String typeName = type == null ? null : required(type, "TypeName", problems);
        if (type == null) {
            problems.add("Thiếu loại văn bản (DocumentType). / DocumentType is missing.");
        }
        String subject = required(msg, "Subject", problems);
        Element signerInfo = first(msg, "SignerInfo");
        String signerName = signerInfo == null ? null : optional(signerInfo, "FullName");
        String signerPosition = signerInfo == null ? null : optional(signerInfo, "Position");
        String due = optional(msg, "DueDate");
        LocalDate dueDate = due == null ? null : date(due, "DueDate", problems);
        List<String> places = new ArrayList<>();
        Element toPlaces = first(msg, "ToPlaces");
        if (toPlaces != null) {
            children(toPlaces, "Place").forEach(e -> places.add(e.getTextContent().strip()));
        }
        Element other = first(msg, "OtherInfo");
        int priority = 0;
        Integer pages = null;
        if (other != null) {
            String pr = optional(other, "Priority");
            if (pr != null) {
                try {
                    priority = Integer.parseInt(pr);
                    if (priority < 0 || priority > 3) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    problems.add("OtherInfo/Priority phải từ 0 đến 3. / OtherInfo/Priority must be 0 to 3.");
                }
            }
            String pa = optional(other, "PageAmount");
            pages = pa == null ? null : positive(pa, "OtherInfo/PageAmount", problems);
        }
        List<Trace> traces = new ArrayList<>();
        Element traceList = first(header, "TraceHeaderList");
        if (traceList != null) {
            for (Element th : children(traceList, "TraceHeader")) {
                try {
                    traces.add(new Trace(optional(th, "OrganId"), Instant.parse(optional(th, "Timestamp"))));
                } catch (RuntimeException e) {
                    problems.add("TraceHeader có thời điểm không hợp lệ. / A TraceHeader has an invalid Timestamp.");
                }
            }
        }
        List<Attachment> attachments = attachments(root, problems);
        X509Certificate signer = verify(doc, header, trustedRoots, problems);
        if (!problems.isEmpty()) {
            return new Read(null, signer, problems);
        }
        return new Read(new Package(from, to, documentId, number, notation, optional(prom, "Place"), promulgated, typeName, subject, signerName,
                signerPosition, dueDate, places, priority, pages, traces, attachments), signer, List.of());
    }

    private static List<Attachment> attachments(Element root, List<String> problems) {
        Element manifest = path(root, "edXMLEnvelope", "edXMLBody", "edXMLManifest");
        List<Element> refs = manifest == null ? List.of() : children(manifest, "Reference");
        Element encoded = first(root, "AttachmentEncoded");
        List<Element> parts = encoded == null ? List.of() : children(encoded, "Attachment");
        List<Attachment> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element ref : refs) {
            String id = optional(ref, "ContentId");
            String name = optional(ref, "AttachmentName");
            String type = optional(ref, "ContentType");
            Element part = parts.stream().filter(p -> Objects.equals(optional(p, "ContentId"), id)).findFirst().orElse(null);
            if (id == null || name == null || type == null) {
                problems.add("Một mục của edXMLManifest thiếu ContentId, AttachmentName hoặc ContentType. / A manifest Reference lacks ContentId, "
                        + "AttachmentName or ContentType.");
            } else if (part == null) {
                problems.add("Tệp đính kèm " + id + " (" + name + ") có trong danh mục nhưng không có trong gói. / Attachment " + id
                        + " is in the manifest but not in the package.");
            } else {
                try {
                    String b64 = optional(part, "ContentTransferEncoded");
                    byte[] content = Base64.getMimeDecoder().decode(b64 == null ? "" : b64);
                    if (content.length == 0) {
                        problems.add("Tệp đính kèm " + id + " (" + name + ") trống. / Attachment " + id + " is empty.");
                    } else {
                        out.add(new Attachment(name, type, content));
                    }
                    seen.add(id);
                } catch (IllegalArgumentException e) {
                    problems.add("Tệp đính kèm " + id + " không phải base64 hợp lệ. / Attachment " + id + " is not valid base64.");
                }
            }
        }
        for (Element part : parts) {
            String id = optional(part, "ContentId");
            if (!seen.contains(id) && refs.stream().noneMatch(r -> Objects.equals(optional(r, "ContentId"), id))) {
                problems.add("Tệp đính kèm " + id + " không có trong danh mục (edXMLManifest). / Attachment " + id + " is not in the manifest.");
            }
        }
        return out;
    }

    private static X509Certificate verify(Document doc, Element header, Collection<X509Certificate> trustedRoots, List<String> problems) {
        NodeList sigs = header.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (sigs.getLength() != 1) {
            problems.add(sigs.getLength() == 0 ? "Gói không có chữ ký số (Signature trong edXMLHeader). / The package is not signed."
                    : "Gói có nhiều hơn một chữ ký trong edXMLHeader. / More than one signature in the header.");
            return null;
        }
        try {
            X509Certificate cert = null;
            NodeList certs = ((Element) sigs.item(0)).getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate");
            if (certs.getLength() > 0) {
                cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(certs.item(0).getTextContent().strip())));
            }
            if (cert == null) {
                problems.add("Chữ ký không kèm chứng thư số của bên ký. / The signature carries no signer certificate.");
                return null;
            }
            DOMValidateContext ctx = new DOMValidateContext(cert.getPublicKey(), sigs.item(0));
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
            if (!coversWholePackage(signature)) {
                problems.add("Chữ ký không bao trùm cả gói. / The signature does not cover the whole package.");
                return cert;
            }
            if (!signature.validate(ctx)) {
                problems.add("Chữ ký số không hợp lệ: gói đã bị thay đổi sau khi ký. / The signature does not verify: the package was changed after "
                        + "signing.");
                return cert;
            }
            if (!trusted(cert, trustedRoots)) {
                problems.add("Chứng thư số của bên ký (" + cert.getSubjectX500Principal().getName() + ") không do tổ chức chứng thực tin cậy cấp, "
                        + "hoặc đã hết hạn. / The signer's certificate is not issued by a trusted authority, or has expired.");
            }
            return cert;
        } catch (Exception e) {
            problems.add("Không kiểm tra được chữ ký số: " + clip(e.getMessage()) + " / The signature could not be checked.");
            return null;
        }
    }

    /** One reference, to the whole document (URI ""), with the enveloped transform. */
    private static boolean coversWholePackage(XMLSignature signature) {
        List<?> refs = signature.getSignedInfo().getReferences();
        if (refs.size() != 1) {
            return false;
        }
        Reference ref = (Reference) refs.get(0);
        if (!"".equals(ref.getURI())) {
            return false;
        }
        for (Object t : ref.getTransforms()) {
            Transform tr = (Transform) t;
            if (tr.getAlgorithm().equals(Transform.XPATH2)) {
                XPathFilter2ParameterSpec spec = (XPathFilter2ParameterSpec) tr.getParameterSpec();
                for (Object x : spec.getXPathList()) {
                    XPathType xp = (XPathType) x;
                    // only the trace headers may be left out
                    if (xp.getFilter() != XPathType.Filter.SUBTRACT || !xp.getExpression().contains("TraceHeaderList")) {
                        return false;
                    }
                }
            } else if (!tr.getAlgorithm().equals(Transform.ENVELOPED) && !tr.getAlgorithm().equals(CanonicalizationMethod.EXCLUSIVE)
                    && !tr.getAlgorithm().equals(CanonicalizationMethod.INCLUSIVE)) {
                return false;
            }
        }
        return true;
    }

    static boolean trusted(X509Certificate cert, Collection<X509Certificate> roots) {
        try {
            if (roots.isEmpty()) {
                return false;
            }
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate r : roots) {
                anchors.add(new TrustAnchor(r, null));
            }
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false); // offline: the test PKI publishes no revocation lists
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert)), params);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    // ---- DOM helpers

    static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setExpandEntityReferences(false);
        f.setXIncludeAware(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }

    private static Element el(Document doc, Node parent, String name) {
        Element e = doc.createElementNS(NS, P + name);
        parent.appendChild(e);
        return e;
    }

    private static void text(Document doc, Element parent, String name, String value) {
        el(doc, parent, name).setTextContent(value);
    }

    private static void organ(Document doc, Element e, Organ o) {
        text(doc, e, "OrganId", o.id());
        text(doc, e, "OrganName", o.name());
    }

    private static Organ organ(Element e, String where, List<String> problems) {
        if (e == null) {
            problems.add("Thiếu " + where + ". / " + where + " is missing.");
            return null;
        }
        String id = optional(e, "OrganId");
        String name = optional(e, "OrganName");
        if (id == null || name == null) {
            problems.add(where + " phải có OrganId và OrganName. / " + where + " must have OrganId and OrganName.");
            return null;
        }
        return new Organ(id, name);
    }

    static Element first(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static Element path(Element from, String... names) {
        Element e = from;
        for (String n : names) {
            e = e == null ? null : first(e, n);
        }
        return e;
    }

    private static String optional(Element parent, String name) {
        Element e = parent == null ? null : first(parent, name);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
    }

    private static String required(Element parent, String name, List<String> problems) {
        String v = optional(parent, name);
        if (v == null) {
            problems.add("Thiếu " + parent.getLocalName() + "/" + name + ". / " + parent.getLocalName() + "/" + name + " is missing.");
        }
        return v;
    }

    private static Integer positive(String v, String where, List<String> problems) {
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        problems.add(where + " phải là số nguyên dương. / " + where + " must be a positive whole number.");
        return null;
    }

    private static LocalDate date(String v, String where, List<String> problems) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            problems.add(where + " phải là ngày dạng yyyy-MM-dd. / " + where + " must be a date (yyyy-MM-dd).");
            return null;
        }
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
