package vn.egov.documents.exchange;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilter2ParameterSpec;
import javax.xml.crypto.dsig.spec.XPathType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The XML signature of an edXML package or status: enveloped, by the sending organisation's key with its certificate in
 * the KeyInfo, covering the whole package except the trace headers (an XPath Filter 2.0 subtract); checked on reading
 * (one signature, over the whole package, unchanged, by a certificate that leads to a trusted root).
 */
final class EdXmlSignature {
    private EdXmlSignature() {
    }

    static void sign(Document doc, Element header, PrivateKey key, X509Certificate cert) throws Exception {
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        XPathType exceptTraces = new XPathType("//*[local-name()='TraceHeaderList' and namespace-uri()='" + EdXml.NS + "']",
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

    static X509Certificate verify(Document doc, Element header, Collection<X509Certificate> trustedRoots, List<Refusal> problems) {
        NodeList sigs = header.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (sigs.getLength() != 1) {
            problems.add(Refusal.of(sigs.getLength() == 0 ? "edxml.notSigned" : "edxml.manySignatures"));
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
                problems.add(Refusal.of("edxml.noCertificate"));
                return null;
            }
            DOMValidateContext ctx = new DOMValidateContext(cert.getPublicKey(), sigs.item(0));
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
            if (!coversWholePackage(signature)) {
                problems.add(Refusal.of("edxml.notWhole"));
                return cert;
            }
            if (!signature.validate(ctx)) {
                problems.add(Refusal.of("edxml.changed"));
                return cert;
            }
            if (!trusted(cert, trustedRoots)) {
                problems.add(Refusal.of("edxml.untrusted", cert.getSubjectX500Principal().getName()));
            }
            return cert;
        } catch (Exception e) {
            problems.add(Refusal.of("edxml.signatureUnchecked", EdXmlReader.clip(e.getMessage())));
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
}
