package vn.egov.platform.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.filter.authc.BasicHttpAuthenticationFilter;
import vn.egov.platform.security.TenantRealm;

/**
 * HTTP Basic for the API (configured {@code permissive}: without credentials the request goes on as
 * anonymous), answering a failed login with a problem+json body that says why: wrong credentials, a locked
 * account (and until when), or a disabled account or suspended unit.
 */
public class ProblemBasicAuthFilter extends BasicHttpAuthenticationFilter {
    private static final String FAILURE = ProblemBasicAuthFilter.class.getName() + ".failure";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    public ProblemBasicAuthFilter() {
        setApplicationName("egov");
    }

    @Override
    protected boolean onLoginFailure(AuthenticationToken token, AuthenticationException e,
                                     ServletRequest request, ServletResponse response) {
        request.setAttribute(FAILURE, e);
        return false;
    }

    @Override
    protected boolean onLoginSuccess(AuthenticationToken token, Subject subject, ServletRequest request,
                                     ServletResponse response) {
        return true;
    }

    @Override
    protected boolean sendChallenge(ServletRequest request, ServletResponse response) {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(401);
        http.setHeader("WWW-Authenticate", "Basic realm=\"egov\", charset=\"UTF-8\"");
        http.setContentType(Problem.MEDIA_TYPE_NAME);
        http.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Object failure = request.getAttribute(FAILURE);
        Problem problem;
        if (failure instanceof TenantRealm.LockedUntilException locked) {
            problem = Problem.of(401, "account-locked", "Tài khoản đang bị khoá", "Account locked",
                    "Đăng nhập sai quá nhiều lần; tài khoản bị khoá đến " + WHEN.format(locked.until()) + ". Hãy thử lại sau thời điểm đó.",
                    "Too many failed logins; the account is locked until " + WHEN.format(locked.until()) + ". Try again after that.");
        } else if (failure instanceof DisabledAccountException) {
            problem = Problem.of(401, "account-disabled", "Tài khoản không hoạt động", "Account disabled",
                    "Tài khoản hoặc đơn vị của tài khoản đang bị tạm dừng. Liên hệ quản trị đơn vị.",
                    "The account or its unit is suspended. Contact the unit administrator.");
        } else {
            problem = Problem.of(401, "bad-credentials", "Sai tên đăng nhập hoặc mật khẩu", "Wrong username or password",
                    "Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần sai liên tiếp, tài khoản bị khoá 15 phút.",
                    "Wrong username or password. After 5 failures in a row the account is locked for 15 minutes.");
        }
        try {
            http.getWriter().write(problem.toJson(Problem.language((HttpServletRequest) request),
                    ((HttpServletRequest) request).getRequestURI()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return false;
    }
}
