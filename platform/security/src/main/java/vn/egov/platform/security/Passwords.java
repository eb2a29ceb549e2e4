package vn.egov.platform.security;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;

/** Password hashing with Shiro's password service (Argon2id, salted, in Shiro's self-describing format). */
public final class Passwords {
    private static final PasswordService SERVICE = new DefaultPasswordService();

    private Passwords() {
    }

    public static String hash(String plaintext) {
        if (plaintext == null || plaintext.length() < 10) {
            throw new IllegalArgumentException("a password has at least 10 characters");
        }
        return SERVICE.encryptPassword(plaintext);
    }

    public static boolean matches(String plaintext, String stored) {
        return SERVICE.passwordsMatch(plaintext, stored);
    }

    public static PasswordService service() {
        return SERVICE;
    }
}
