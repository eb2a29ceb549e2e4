package vn.egov.platform.web.pages;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Resolves the request's language once, before any page reads it, and keeps a {@code ?lang=} in a cookie ({@link Locales}). */
public class LocaleFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        http.setAttribute(Locales.ATTRIBUTE, Locales.resolve(http));
        Locales.remember(http, (HttpServletResponse) response);
        chain.doFilter(request, response);
    }
}
