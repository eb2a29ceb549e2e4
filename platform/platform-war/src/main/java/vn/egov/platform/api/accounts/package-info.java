/**
 * The pages of citizens' own doors: signing up with an e-mail address and confirming it, asking for a one-time link
 * when the password is forgotten and choosing a new one through it, and signing in with the national identity
 * (OpenID Connect). The checks of what is typed live here, the accounts' functions in {@code vn.egov.platform.security}
 * ({@code Accounts}, {@code NationalIdentityRealm}), the provider's protocol and the rate limits in
 * {@code vn.egov.platform.web.signin}.
 * <p>
 * May use: Jakarta EE APIs, Apache Shiro, the platform's security, tenancy, web and page support.
 */
package vn.egov.platform.api.accounts;
