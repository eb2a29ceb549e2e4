/**
 * Official documents (văn bản, Decree 30/2020/NĐ-CP): each unit's outgoing and incoming registers, numbered by the
 * system per year and series (secret documents in their own series), and sending an issued document to other units
 * of the platform, whose staff accept it into their incoming register or return it. {@code control} holds the rules
 * and runs each change in one transaction under the acting unit's row-level-security scope; {@code boundary} is the
 * JAX-RS face; {@code exchange} reads and writes edXML packages (QCVN 102:2016); {@code axis} sends the documents outbox
 * (packages to the national document axis, e-mails of urgent documents) and simulates the axis. May use: Jakarta EE
 * APIs and the platform jars (tenancy, persistence, security, web support, search), the dossiers' mailer.
 */
package vn.egov.documents;
