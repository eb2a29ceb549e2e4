/**
 * The doors anyone can knock at before they are signed in: the national identity provider (OpenID Connect, the
 * authorisation code flow with PKCE; {@link vn.egov.platform.web.signin.NationalSignOn}), the limits on how often one
 * address may knock ({@link vn.egov.platform.web.signin.Knocks}), and the outbox that carries the one-time links of
 * citizens' own accounts ({@link vn.egov.platform.web.signin.AccountMailOutbox}).
 * <p>
 * May use: Jakarta EE APIs, MicroProfile Config, the Nimbus OAuth 2.0 / OpenID Connect SDK, Hazelcast (counters only,
 * no tenant data), {@code vn.egov.platform.security}, {@code vn.egov.platform.outbox}, the platform's mail.
 */
package vn.egov.platform.web.signin;
