package vn.egov.documents.exchange;

import java.io.ByteArrayInputStream;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.egov.documents.exchange.EdXml.Attachment;
import vn.egov.documents.exchange.EdXml.Organ;
import vn.egov.documents.exchange.EdXml.Package;
import vn.egov.documents.exchange.EdXml.Read;
import vn.egov.documents.exchange.EdXml.Status;
import vn.egov.documents.exchange.EdXml.StatusRead;
import vn.egov.documents.exchange.EdXml.Trace;

/**
 * Reading an edXML package or status strictly, saying what is wrong in Vietnamese and English: not XML, a DOCTYPE, a
 * missing required element, a malformed date or number, an attachment that does not match its manifest, and what the
 * signature check ({@link EdXmlSignature}) finds.
 */
final class EdXmlReader {
    private EdXmlReader() {
    }

    /** Reads and checks a package: well-formed, complete, signed by a certificate that leads to one of {@code trustedRoots}, unchanged. */
    static Read read(byte[] xml, Collection<X509Certificate> trustedRoots) {
        List<String> problems = new ArrayList<>();
        Document doc;
        try {
            doc = EdXml.builder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return new Read(null, null, List.of("Không phải tệp XML hợp lệ (hoặc có khai báo DOCTYPE, không được nhận): " + clip(e.getMessage())
                    + " / Not well-formed XML (or it declares a DOCTYPE, which is refused)."));
        }
        Element root = doc.getDocumentElement();
        if (!EdXml.NS.equals(root.getNamespaceURI()) || !"edXML".equals(root.getLocalName())) {
            return new Read(null, null, List.of("Phần tử gốc phải là edXML trong không gian tên " + EdXml.NS + ". / The root element must be edXML in " + EdXml.NS + "."));
        }
        Element header = path(root, "edXMLEnvelope", "edXMLHeader");
        Element msg = header == null ? null : first(header, "MessageHeader");
        if (msg == null) {
            return new Read(null, null, List.of("Thiếu edXMLEnvelope/edXMLHeader/MessageHeader. / edXMLEnvelope/edXMLHeader/MessageHeader is missing."));
        }
        Organ from = organ(first(msg, "From"), "From", problems);
        List<Organ> to = receivers(msg, problems);
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
        String typeName = typeName(msg, problems);
        String subject = required(msg, "Subject", problems);
        Element signerInfo = first(msg, "SignerInfo");
        String signerName = signerInfo == null ? null : optional(signerInfo, "FullName");
        String signerPosition = signerInfo == null ? null : optional(signerInfo, "Position");
        String due = optional(msg, "DueDate");
        LocalDate dueDate = due == null ? null : date(due, "DueDate", problems);
        List<String> places = places(msg);
        Element other = first(msg, "OtherInfo");
        int priority = other == null ? 0 : priority(other, problems);
        String pa = other == null ? null : optional(other, "PageAmount");
        Integer pages = pa == null ? null : positive(pa, "OtherInfo/PageAmount", problems);
        List<Trace> traces = traces(header, problems);
        List<Attachment> attachments = attachments(root, problems);
        X509Certificate signer = EdXmlSignature.verify(doc, header, trustedRoots, problems);
        if (!problems.isEmpty()) {
            return new Read(null, signer, problems);
        }
        return new Read(new Package(from, to, documentId, number, notation, optional(prom, "Place"), promulgated, typeName, subject, signerName,
                signerPosition, dueDate, places, priority, pages, traces, attachments), signer, List.of());
    }

    /** The receivers (To): at least one. */
    private static List<Organ> receivers(Element msg, List<String> problems) {
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
        return to;
    }

    /** DocumentType/TypeName. */
    private static String typeName(Element msg, List<String> problems) {
        Element type = first(msg, "DocumentType");
        String typeName = type == null ? null : required(type, "TypeName", problems);
        if (type == null) {
            problems.add("Thiếu loại văn bản (DocumentType). / DocumentType is missing.");
        }
        return typeName;
    }

    /** The places the document goes to (ToPlaces), as written. */
    private static List<String> places(Element msg) {
        List<String> places = new ArrayList<>();
        Element toPlaces = first(msg, "ToPlaces");
        if (toPlaces != null) {
            children(toPlaces, "Place").forEach(e -> places.add(e.getTextContent().strip()));
        }
        return places;
    }

    /** OtherInfo/Priority: 0 (normal) to 3 (express), 0 when not given. */
    private static int priority(Element other, List<String> problems) {
        int priority = 0;
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
        return priority;
    }

    /** The systems the package went through (TraceHeaderList). */
    private static List<Trace> traces(Element header, List<String> problems) {
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
        return traces;
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

    /** Reads and checks a status package: complete, signed by a certificate of one of {@code trustedRoots}, unchanged. */
    static StatusRead readStatus(byte[] xml, Collection<X509Certificate> trustedRoots) {
        List<String> problems = new ArrayList<>();
        Document doc;
        try {
            doc = EdXml.builder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return new StatusRead(null, List.of("Không phải tệp XML hợp lệ: " + clip(e.getMessage()) + " / Not well-formed XML."));
        }
        Element root = doc.getDocumentElement();
        Element header = EdXml.NS.equals(root.getNamespaceURI()) && "Status".equals(root.getLocalName()) ? first(root, "Header") : null;
        Element status = header == null ? null : first(header, "MessageStatus");
        Element response = status == null ? null : first(status, "ResponseFor");
        if (response == null) {
            return new StatusRead(null, List.of("Thiếu Status/Header/MessageStatus/ResponseFor. / Status/Header/MessageStatus/ResponseFor is missing."));
        }
        EdXmlSignature.verify(doc, header, trustedRoots, problems);
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
            if (n instanceof Element e && EdXml.NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && EdXml.NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    static Element path(Element from, String... names) {
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

    static String clip(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
