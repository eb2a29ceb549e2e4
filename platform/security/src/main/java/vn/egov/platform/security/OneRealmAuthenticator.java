package vn.egov.platform.security;

import java.util.List;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.pam.ModularRealmAuthenticator;
import org.apache.shiro.realm.Realm;

/**
 * Each kind of credential has exactly one realm (a password: {@link TenantRealm}; an API token: {@link TokenRealm}),
 * so the login goes to that realm alone, and the reason it failed (locked until..., revoked, expired) reaches the
 * filter that answers. Shiro's multi-realm strategies would replace it by a generic failure.
 */
public class OneRealmAuthenticator extends ModularRealmAuthenticator {

    @Override
    protected AuthenticationInfo doAuthenticate(AuthenticationToken token) {
        assertRealmsConfigured();
        List<Realm> supporting = getRealms().stream().filter(r -> r.supports(token)).toList();
        if (supporting.size() == 1) {
            return doSingleRealmAuthentication(supporting.get(0), token);
        }
        return super.doAuthenticate(token);
    }
}
