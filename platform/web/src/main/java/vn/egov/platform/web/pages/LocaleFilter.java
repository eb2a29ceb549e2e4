package vn.egov.platform.web.pages;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps a {@code ?lang=} in a cookie ({@link Locales}). The language itself is resolved only when a page asks for it
 * ({@link Locales#of}, once per request): the API, the assets and the cached site pages never pay for it.
 */
public class LocaleFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        Locales.remember((HttpServletRequest) request, (HttpServletResponse) response);
        chain.doFilter(request, response);
    }
}
