/**
 * The platform's e-mail, over SMTP, for the modules' outboxes. May use: Jakarta Mail, MicroProfile Config, the
 * platform's JSON helper. Knows no feature.
 */
package vn.egov.platform.web.mail;
