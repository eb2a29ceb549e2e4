/**
 * The platform's e-mail, over SMTP, for the modules' outboxes, and the way a module writes its letters (plain-text
 * templates and bundle texts, {@link vn.egov.platform.web.mail.Letters}). May use: Jakarta Mail, MicroProfile Config, the
 * platform's JSON helper, its templates and messages ({@code vn.egov.platform.web.pages}). Knows no feature.
 */
package vn.egov.platform.web.mail;
