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
 * Reading an edXML package or status strictly, saying what is wrong ({@link Refusal}s, keys of the documents' texts): not XML, a DOCTYPE, a
 * missing required element, a malformed date or number, an attachment that does not match its manifest, and what the
 * signature check ({@link EdXmlSignature}) finds.
 */
final class EdXmlReader {
    private EdXmlReader() {
    }

    /** Reads and checks a package: well-formed, complete, signed by a certificate that leads to one of {@code trustedRoots}, unchanged. */
    static Read read(byte[] xml, Collection<X509Certificate> trustedRoots) {
        List<Refusal> problems = new ArrayList<>();
        Document doc;
        try {
            doc = EdXml.builder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return new Read(null, null, List.of(Refusal.of("edxml.notXml", clip(e.getMessage()))));
        }
        Element root = doc.getDocumentElement();
        if (!EdXml.NS.equals(root.getNamespaceURI()) || !"edXML".equals(root.getLocalName())) {
            return new Read(null, null, List.of(Refusal.of("edxml.root", EdXml.NS)));
        }
        Element header = path(root, "edXMLEnvelope", "edXMLHeader");
        Element msg = header == null ? null : first(header, "MessageHeader");
        if (msg == null) {
            return new Read(null, null, List.of(Refusal.of("edxml.missing", "edXMLEnvelope/edXMLHeader/MessageHeader")));
        }
        Organ from = organ(first(msg, "From"), "From", problems);
        List<Organ> to = receivers(msg, problems);
        String documentId = required(msg, "DocumentId", problems);
        Element code = first(msg, "Code");
        Integer number = null;
        String notation = null;
        if (code == null) {
            problems.add(Refusal.of("edxml.noCode"));
        } else {
            number = positive(required(code, "CodeNumber", problems), "Code/CodeNumber", problems);
            notation = required(code, "CodeNotation", problems);
        }
        Element prom = first(msg, "PromulgationInfo");
        LocalDate promulgated = prom == null ? null : date(required(prom, "PromulgationDate", problems), "PromulgationInfo/PromulgationDate", problems);
        if (prom == null) {
            problems.add(Refusal.of("edxml.noPromulgationInfo"));
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
    private static List<Organ> receivers(Element msg, List<Refusal> problems) {
        List<Organ> to = new ArrayList<>();
        for (Element e : children(msg, "To")) {
            Organ o = organ(e, "To", problems);
            if (o != null) {
                to.add(o);
            }
        }
        if (to.isEmpty()) {
            problems.add(Refusal.of("edxml.noRecipient"));
        }
        return to;
    }

    /** DocumentType/TypeName. */
    private static String typeName(Element msg, List<Refusal> problems) {
        Element type = first(msg, "DocumentType");
        String typeName = type == null ? null : required(type, "TypeName", problems);
        if (type == null) {
            problems.add(Refusal.of("edxml.noDocumentType"));
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
    private static int priority(Element other, List<Refusal> problems) {
        int priority = 0;
        String pr = optional(other, "Priority");
        if (pr != null) {
            try {
                priority = Integer.parseInt(pr);
                if (priority < 0 || priority > 3) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(Refusal.of("edxml.priority"));
            }
        }
        return priority;
    }

    /** The systems the package went through (TraceHeaderList). */
    private static List<Trace> traces(Element header, List<Refusal> problems) {
        List<Trace> traces = new ArrayList<>();
        Element traceList = first(header, "TraceHeaderList");
        if (traceList != null) {
            for (Element th : children(traceList, "TraceHeader")) {
                try {
                    traces.add(new Trace(optional(th, "OrganId"), Instant.parse(optional(th, "Timestamp"))));
                } catch (RuntimeException e) {
                    problems.add(Refusal.of("edxml.traceTimestamp"));
                }
            }
        }
        return traces;
    }

    private static List<Attachment> attachments(Element root, List<Refusal> problems) {
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
                problems.add(Refusal.of("edxml.manifestIncomplete"));
            } else if (part == null) {
                problems.add(Refusal.of("edxml.attachmentMissing", id, name));
            } else {
                try {
                    String b64 = optional(part, "ContentTransferEncoded");
                    byte[] content = Base64.getMimeDecoder().decode(b64 == null ? "" : b64);
                    if (content.length == 0) {
                        problems.add(Refusal.of("edxml.attachmentEmpty", id, name));
                    } else {
                        out.add(new Attachment(name, type, content));
                    }
                    seen.add(id);
                } catch (IllegalArgumentException e) {
                    problems.add(Refusal.of("edxml.attachmentNotBase64", id));
                }
            }
        }
        for (Element part : parts) {
            String id = optional(part, "ContentId");
            if (!seen.contains(id) && refs.stream().noneMatch(r -> Objects.equals(optional(r, "ContentId"), id))) {
                problems.add(Refusal.of("edxml.attachmentNotInManifest", id));
            }
        }
        return out;
    }

    /** Reads and checks a status package: complete, signed by a certificate of one of {@code trustedRoots}, unchanged. */
    static StatusRead readStatus(byte[] xml, Collection<X509Certificate> trustedRoots) {
        List<Refusal> problems = new ArrayList<>();
        Document doc;
        try {
            doc = EdXml.builder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return new StatusRead(null, List.of(Refusal.of("edxml.statusNotXml", clip(e.getMessage()))));
        }
        Element root = doc.getDocumentElement();
        Element header = EdXml.NS.equals(root.getNamespaceURI()) && "Status".equals(root.getLocalName()) ? first(root, "Header") : null;
        Element status = header == null ? null : first(header, "MessageStatus");
        Element response = status == null ? null : first(status, "ResponseFor");
        if (response == null) {
            return new StatusRead(null, List.of(Refusal.of("edxml.missing", "Status/Header/MessageStatus/ResponseFor")));
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
                problems.add(Refusal.of("edxml.timestamp"));
            }
        }
        Element staff = first(status, "StaffInfo");
        if (from == null || responseTo == null || documentId == null || code == null || time == null) {
            return new StatusRead(null, problems);
        }
        return new StatusRead(new Status(from, responseTo, documentId, optional(response, "Code"), code, optional(status, "Description"), time,
                staff == null ? null : optional(staff, "FullName")), problems);
    }

    private static Organ organ(Element e, String where, List<Refusal> problems) {
        if (e == null) {
            problems.add(Refusal.of("edxml.missing", where));
            return null;
        }
        String id = optional(e, "OrganId");
        String name = optional(e, "OrganName");
        if (id == null || name == null) {
            problems.add(Refusal.of("edxml.organIncomplete", where));
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

    private static String required(Element parent, String name, List<Refusal> problems) {
        String v = optional(parent, name);
        if (v == null) {
            problems.add(Refusal.of("edxml.missing", parent.getLocalName() + "/" + name));
        }
        return v;
    }

    private static Integer positive(String v, String where, List<Refusal> problems) {
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
        problems.add(Refusal.of("edxml.positive", where));
        return null;
    }

    private static LocalDate date(String v, String where, List<Refusal> problems) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            problems.add(Refusal.of("edxml.date", where));
            return null;
        }
    }

    static String clip(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
