package vn.egov.platform.web.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;

/**
 * One module's templates: its {@code src/main/jte} precompiled at build time into the package the module's pom names,
 * found here by that package (every jar of the EAR's {@code lib/} shares one class loader, so each module has its own).
 * A template takes {@code @param Page page} and its own parameters (a view record, the values of a form); it escapes every
 * value for where it goes, and names its layout itself ({@code @template.platform.layout.bare(page = page, content = @`...`)}).
 */
public final class Templates {
    /** The platform's own: the layouts and the fragments every module uses. */
    public static final Templates PLATFORM = new Templates("vn.egov.platform.web.jte");
    public static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    /**
     * The policy every page made from templates is sent with: nothing inline (no script, no style attribute or
     * element), scripts, styles, fonts and images from this site only (and images as data: URLs for generated ones).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private final TemplateEngine engine;

    /** The templates precompiled into {@code packageName} (the module's {@code jte-maven-plugin} {@code packageName}). */
    public Templates(String packageName) {
        this(packageName, ContentType.Html);
    }

    private Templates(String packageName, ContentType type) {
        this.engine = TemplateEngine.createPrecompiled(null, type, Templates.class.getClassLoader(), packageName);
    }

    /**
     * A module's e-mail templates: plain text, precompiled into {@code packageName} from {@code src/main/jte-mail} by
     * the module's {@code mail} execution of {@code jte-maven-plugin} (nothing is escaped: the text is no markup).
     */
    public static Templates mail(String packageName) {
        return new Templates(packageName, ContentType.Plain);
    }

    /** The template {@code name} with the parameters it names ({@code "texts", texts, "letter", letter}). */
    public String text(String name, Object... params) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            map.put((String) params[i], params[i + 1]);
        }
        StringOutput out = new StringOutput(2048);
        engine.render(name, map, out);
        return out.toString();
    }

    /** The engine, for a template with parameters other than a page and a view (a fragment). */
    public TemplateEngine engine() {
        return engine;
    }

    /** The template {@code name} with the page and the other parameters it names ({@code "code", code, ...}). */
    public String render(String name, Page page, Object... more) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        for (int i = 0; i + 1 < more.length; i += 2) {
            params.put((String) more[i], more[i + 1]);
        }
        StringOutput out = new StringOutput(8192);
        engine.render(name, params, out);
        return out.toString();
    }
}
