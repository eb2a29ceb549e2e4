package vn.egov.platform.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.ExpiredCredentialsException;
import vn.egov.platform.security.TenantRealm;
import vn.egov.platform.security.TokenRealm;

/** The 401 the API's login filters answer: a problem that says why (wrong, locked until when, disabled, revoked, expired). */
final class AuthFailures {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

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
        if (failure instanceof TenantRealm.LockedUntilException locked) {
            return Problem.of(401, "account-locked", "Tài khoản đang bị khoá", "Account locked",
                    "Đăng nhập sai quá nhiều lần; tài khoản bị khoá đến " + WHEN.format(locked.until()) + ". Hãy thử lại sau thời điểm đó.",
                    "Too many failed logins; the account is locked until " + WHEN.format(locked.until()) + ". Try again after that.");
        }
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
        if (failure instanceof DisabledAccountException) {
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
                "Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần sai liên tiếp, tài khoản bị khoá 15 phút.",
                "Wrong username or password. After 5 failures in a row the account is locked for 15 minutes.");
    }
}
