package vn.egov.platform.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.ExpiredCredentialsException;
import vn.egov.platform.security.TenantRealm;
import vn.egov.platform.security.TokenRealm;

/**
 * The 401 the API's login filters answer: a problem that says why (disabled, revoked, expired) where the caller has shown
 * they hold the account; wrong, unknown and locked answer alike.
 */
final class AuthFailures {
    private AuthFailures() {
    }

    static boolean answer(ServletRequest request, ServletResponse response, String challenge, Object failure) {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(401);
        http.setHeader("WWW-Authenticate", challenge);
        http.setContentType(Problem.MEDIA_TYPE_NAME);
        http.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            http.getWriter().write(problem(failure, challenge.startsWith("Bearer")).toJson(Problem.language((HttpServletRequest) request),
                    ((HttpServletRequest) request).getRequestURI()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return false;
    }

    private static Problem problem(Object failure, boolean token) {
        // a locked account answers as an unknown name or a wrong password does (the realm makes all three cost the
        // same): saying "locked" would tell whoever guesses that the name exists
        if (failure instanceof TokenRealm.RevokedTokenException) {
            return Problem.of(401, "token-revoked", "Mã truy cập đã bị thu hồi", "Token revoked",
                    "Mã truy cập (API token) này đã bị thu hồi. Hãy tạo mã mới (POST /api/me/tokens) hoặc liên hệ quản trị đơn vị.",
                    "This API token was revoked. Make a new one (POST /api/me/tokens) or contact the unit administrator.");
        }
        if (failure instanceof ExpiredCredentialsException) {
            return Problem.of(401, "token-expired", "Mã truy cập đã hết hạn", "Token expired",
                    "Mã truy cập (API token) này đã hết hạn. Hãy tạo mã mới (POST /api/me/tokens).",
                    "This API token has expired. Make a new one (POST /api/me/tokens).");
        }
        if (failure instanceof DisabledAccountException && !(failure instanceof TenantRealm.LockedUntilException)) {
            return Problem.of(401, "account-disabled", "Tài khoản không hoạt động", "Account disabled",
                    "Tài khoản hoặc đơn vị của tài khoản đang bị tạm dừng. Liên hệ quản trị đơn vị.",
                    "The account or its unit is suspended. Contact the unit administrator.");
        }
        if (token) {
            return Problem.of(401, "bad-token", "Mã truy cập không đúng", "Unknown token",
                    "Không có mã truy cập (API token) nào như vậy. Hãy kiểm tra lại mã (bắt đầu bằng egov_), hoặc tạo mã mới.",
                    "There is no such API token. Check the token (it starts with egov_), or make a new one.");
        }
        return Problem.of(401, "bad-credentials", "Sai tên đăng nhập hoặc mật khẩu", "Wrong username or password",
                "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khoá tạm thời: sau 5 lần sai liên tiếp, tài khoản bị khoá 15 phút.",
                "Wrong username or password, or the account is locked for now: after 5 failures in a row it is locked for 15 minutes.");
    }
}
