/**
 * Digital signatures of official documents' PDFs (Decree 30/2020 on document work, Appendix I): a unit signs the PDF
 * of an outgoing document as the competent person, then as the organisation (its seal over the left third of the
 * person's signature), or signs an attachment (number/symbol and signing time at the top right of page 1), with
 * {@link vn.egov.platform.signing.PdfSigner}; every incoming PDF's signatures are verified with
 * {@link vn.egov.platform.signing.PdfVerifier}; {@link vn.egov.platform.signing.TestPki} makes the project's test
 * PKI (a root, the units' organisation and personal certificates in PKCS#12 keystores). PAdES-BASELINE-B, offline
 * (no time-stamp authority, no OCSP/CRL). Plain Java SE: no CDI, no JPA, no Jakarta EE API, so that any module, the
 * provisioning tool and the tests can use it; values are immutable records checked with
 * {@link java.util.Objects#requireNonNull}. May use: the EU DSS (signing, validation; it does all the CMS and PDF
 * signature work, nothing here builds a signature by hand), PDFBox, BouncyCastle (the test PKI's certificates).
 * Nothing of the platform's other jars.
 */
package vn.egov.platform.signing;
