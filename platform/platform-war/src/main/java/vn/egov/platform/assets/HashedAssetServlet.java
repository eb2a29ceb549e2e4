package vn.egov.platform.assets;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import vn.egov.platform.web.pages.Assets.Asset;
import vn.egov.platform.web.pages.Assets;

/**
 * The CSS and JavaScript of the pages made from templates, at their hashed addresses ({@link Assets}): kept a year
 * by browsers and proxies, since a changed file gets a new address; any other path under {@code /assets/} is a 404.
 */
@WebServlet(urlPatterns = "/assets/*")
public class HashedAssetServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<Asset> asset = Assets.served(path);
        if (asset.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(asset.get().contentType());
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setContentLength(asset.get().bytes().length);
        response.getOutputStream().write(asset.get().bytes());
    }
}
