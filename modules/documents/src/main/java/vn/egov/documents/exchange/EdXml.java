package vn.egov.documents.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An edXML package (QCVN 102:2016/BTTTT, the exchange of electronic documents between agencies' systems): the header
 * ({@code From}, {@code To}, {@code DocumentId}, {@code Code}, {@code PromulgationInfo}, {@code DocumentType},
 * {@code Subject}, {@code SignerInfo}, {@code DueDate}, {@code ToPlaces}, {@code OtherInfo}), the
 * {@code TraceHeaderList} the systems on the way add to, the XML signature of the sending organisation, the manifest
 * of attachments and the attachments themselves (base64). Written and read here with the JDK's DOM and XML Signature
 * APIs: the signature is enveloped and covers the whole package except the trace headers (an XPath Filter 2.0
 * subtract), so a system on the way may add its trace without breaking it, and any other change does.
 *
 * <p>Reading is strict and says what is wrong ({@link Refusal}s, said in the reader's language): not XML, a DOCTYPE (refused: no entity is
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
    public record Read(Package pkg, X509Certificate signer, List<Refusal> reasons) {
        public Read {
            reasons = List.copyOf(reasons);
        }

        public boolean valid() { return reasons.isEmpty(); }

        /** The reasons in Vietnamese. */
        public List<String> problems() {
            return reasons.stream().map(Refusal::vietnamese).toList();
        }
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
            messageHeader(doc, el(doc, header, "MessageHeader"), p);
            Element traces = el(doc, header, "TraceHeaderList");
            for (Trace t : p.traces()) {
                Element th = el(doc, traces, "TraceHeader");
                text(doc, th, "OrganId", t.organId());
                text(doc, th, "Timestamp", t.at().toString());
            }
            attachments(doc, el(doc, el(doc, envelope, "edXMLBody"), "edXMLManifest"), el(doc, root, "AttachmentEncoded"), p.attachments());
            EdXmlSignature.sign(doc, header, key, certificate);
            return bytes(doc);
        } catch (Exception e) {
            throw new IllegalStateException("the edXML package could not be written: " + e.getMessage(), e);
        }
    }

    /** What the package says: sender, receivers, number, promulgation, type, subject, signer, due date, places, priority. */
    private static void messageHeader(Document doc, Element msg, Package p) {
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
    }

    /** Each attachment: its entry in the manifest, and its content (base64) under AttachmentEncoded. */
    private static void attachments(Document doc, Element manifest, Element encoded, List<Attachment> attachments) {
        int n = 0;
        for (Attachment a : attachments) {
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
    public record StatusRead(Status status, List<Refusal> reasons) {
        public StatusRead {
            reasons = List.copyOf(reasons);
        }

        public boolean valid() {
            return status != null && reasons.isEmpty();
        }

        /** The reasons in Vietnamese. */
        public List<String> problems() {
            return reasons.stream().map(Refusal::vietnamese).toList();
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
            EdXmlSignature.sign(doc, header, key, certificate);
            return bytes(doc);
        } catch (Exception e) {
            throw new IllegalStateException("the edXML status could not be written: " + e.getMessage(), e);
        }
    }

    /** Reads and checks a status package: complete, signed by a certificate of one of {@code trustedRoots}, unchanged. */
    public static StatusRead readStatus(byte[] xml, Collection<X509Certificate> trustedRoots) {
        return EdXmlReader.readStatus(xml, trustedRoots);
    }

    /** Appends a trace header (as a system on the way does) without touching anything the signature covers. */
    public static byte[] withTrace(byte[] xml, Trace trace) {
        try {
            Document doc = builder().parse(new ByteArrayInputStream(xml));
            Element list = EdXmlReader.path(doc.getDocumentElement(), "edXMLEnvelope", "edXMLHeader", "TraceHeaderList");
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

    // ---- reading

    /** Reads and checks a package: well-formed, complete, signed by a certificate that leads to one of {@code trustedRoots}, unchanged. */
    public static Read read(byte[] xml, Collection<X509Certificate> trustedRoots) {
        return EdXmlReader.read(xml, trustedRoots);
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
}
