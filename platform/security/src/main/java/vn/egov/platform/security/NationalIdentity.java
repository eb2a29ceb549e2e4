package vn.egov.platform.security;

import java.io.Serializable;
import java.util.Objects;
import org.apache.shiro.authc.AuthenticationToken;

/**
 * A person as the national identity provider vouched for them in an ID token whose signature, issuer, audience, expiry
 * and nonce were checked: their identity number (số định danh cá nhân, 12 digits), name and e-mail address. Made only by
 * the code that checked the token, never from a request's fields; {@link NationalIdentityRealm} turns it into an account.
 *
 * @param identityNumber the 12-digit personal identity number
 * @param displayName    the name the token gives
 * @param email          the address the token gives, or empty
 * @param homeTenant     the unit whose site the person signed in from (a new account belongs to it)
 * @param linkUser       the citizen already signed in with a local account, whom the identity is linked to, or null
 */
public record NationalIdentity(String identityNumber, String displayName, String email, long homeTenant, Long linkUser)
        implements AuthenticationToken, Serializable {

    public NationalIdentity {
        Objects.requireNonNull(identityNumber, "identityNumber");
        if (!identityNumber.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("an identity number has 12 digits");
        }
        displayName = displayName == null || displayName.isBlank() ? identityNumber : displayName.strip();
        email = email == null ? "" : email.strip();
    }

    @Override
    public Object getPrincipal() { return identityNumber; }

    /** The token was checked before this was made: there is no secret left to compare. */
    @Override
    public Object getCredentials() { return identityNumber; }
}
