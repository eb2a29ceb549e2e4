package vn.egov.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The anti-forgery token of server-rendered forms: one random token per web session (kept in the session, so
 * in the data grid with it), sent back by every form as a hidden field and compared in constant time before a
 * POST changes anything. A page that fails the check must answer 403 and change nothing.
 */
public final class Csrf {
    /** The name of the hidden field. */
    public static final String FIELD = "csrf";
    /** The session attribute (dropped at login, so a token never outlives a change of user). */
    public static final String ATTRIBUTE = "vn.egov.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** The session's token, created (with the session) the first time a form needs it. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (Csrf.class) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token instanceof String s) {
                return s;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, fresh);
            return fresh;
        }
    }

    /** The hidden field carrying the token, for inside a {@code <form method="post">}. */

    /** Whether {@code sent} is this session's token; false with no session, no token or a different one. */
    public static boolean valid(HttpServletRequest request, String sent) {
        HttpSession session = request.getSession(false);
        if (session == null || sent == null || sent.isEmpty()) {
            return false;
        }
        Object token = session.getAttribute(ATTRIBUTE);
        return token instanceof String s
                && MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
