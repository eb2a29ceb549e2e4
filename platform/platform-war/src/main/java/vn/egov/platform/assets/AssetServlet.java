package vn.egov.platform.assets;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;

/**
 * Serves {@code /static/...} (our own files of this WAR) and {@code /vendor/<library>/<version>/...} (the browser
 * libraries the build takes from npm and copies into this WAR, see its POM) through
 * {@link jakarta.servlet.ServletContext#getResource}. A vendor path carries its version, so it is cached for a year
 * as immutable; our own files are revalidated with their ETag. GET and HEAD only; no directory listings; a path with {@code ..}, a
 * backslash or an encoded separator is not found. {@code /favicon.ico} is {@code /static/favicon.ico}.
 */
@WebServlet(urlPatterns = {"/static/*", "/vendor/*", "/favicon.ico"})
public class AssetServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        // the site's icon, where browsers look for it, is this WAR's static/favicon.ico
        boolean icon = "/favicon.ico".equals(request.getServletPath());
        String info = icon ? "/favicon.ico" : request.getPathInfo();
        String raw = request.getRequestURI();
        if (info == null || info.endsWith("/") || info.contains("..") || info.contains("\\") || info.contains("//")
                || raw.contains("%2") || raw.contains("%5") || raw.contains("%00")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String path = (icon ? "/static" : request.getServletPath()) + info;
        URL resource = getServletContext().getResource(path);
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URLConnection connection = resource.openConnection();
        long length = connection.getContentLengthLong();
        long modified = connection.getLastModified();
        String etag = "\"" + Long.toHexString(length) + "-" + Long.toHexString(modified) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", path.startsWith("/vendor/") ? "public, max-age=31536000, immutable" : "public, max-age=300");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            try (InputStream ignored = connection.getInputStream()) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            }
            return;
        }
        String type = getServletContext().getMimeType(path);
        if (type == null) {
            type = "application/octet-stream";
        } else if (type.startsWith("text/") || type.contains("javascript") || type.contains("json")) {
            type = type + ";charset=utf-8";
        }
        response.setContentType(type);
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        try (InputStream in = connection.getInputStream()) {
            if (body) {
                OutputStream out = response.getOutputStream();
                in.transferTo(out);
            }
        }
    }
}
