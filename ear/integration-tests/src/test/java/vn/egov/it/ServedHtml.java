package vn.egov.it;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.decorators.Decorated;
import org.openqa.selenium.support.decorators.WebDriverDecorator;

/**
 * Every HTML page the platform serves the browser tests' browser goes through the HTML checker ({@link HtmlChecker}),
 * as served: the body of the response as the browser received it (Chrome's own record of its network traffic, its
 * DevTools "Network" domain), before any script ran; pages reached by a link, a click on a button, a form's POST (the
 * form shown again with its errors) or a redirect as well as by an address typed in; frames too, those given inline
 * (an iframe's srcdoc) as documents of their own.
 *
 * <p>Chrome keeps a page's body only until the next page replaces it, so this watches the browser: before each call
 * that may leave the page (an address, a click, keys, a script, going back, quitting) it takes the bodies of the
 * pages loaded since the last call and checks them. A page with an error of the checker fails the test: at the
 * browser's next call, or at the end of the test method at the latest ({@link AfterEach}, which every
 * {@link DeployedEar} test has). Warnings are printed, not failed.
 */
final class ServedHtml extends WebDriverDecorator<WebDriver> {
    /** The calls that may take the browser to another page, before which the pages served so far are checked. */
    private static final Set<String> LEAVING = Set.of("get", "to", "back", "forward", "refresh", "click", "submit",
            "sendKeys", "perform", "executeScript", "executeAsyncScript", "close", "quit");
    private static final Set<ServedHtml> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final Json JSON = new Json();

    private final ChromeDriver chrome;
    /** Where the platform is (its pages are checked, no other's). */
    private final String platform;
    /** The HTML documents of the platform whose response came and whose body has not been checked yet, by request. */
    private final Map<String, String> loading = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    private ServedHtml(ChromeDriver chrome, String platform) {
        this.chrome = chrome;
        this.platform = platform;
    }

    /** The browser, every page it is served from now on from under the given address checked. */
    static WebDriver watch(ChromeDriver chrome, String platform) {
        ServedHtml watch = new ServedHtml(chrome, platform);
        OPEN.add(watch);
        return watch.decorate(chrome);
    }

    /** How many pages the checker checked in this JVM. */
    static int checked() {
        return CHECKED.get();
    }

    @Override
    public void beforeCall(Decorated<?> target, Method method, Object[] args) {
        if (!LEAVING.contains(method.getName())) {
            return;
        }
        check();
        if (!method.getName().equals("quit") && !method.getName().equals("close")) {
            failIfAny();
        }
    }

    @Override
    public void afterCall(Decorated<?> target, Method method, Object[] args, Object result) {
        if (method.getName().equals("quit")) {
            OPEN.remove(this);
            failIfAny();
        }
    }

    /** Checks what was served since the last call (waiting for a page whose body is still coming). */
    private synchronized void check() {
        Wait.untilOrLast("the bodies of the pages the browser was served", Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
            read();
            return loading.isEmpty();
        }, done -> done);
        loading.forEach((id, url) -> failures.add(url + ": its body never came"));
        loading.clear();
    }

    /** The network's events since the last read: a document of the platform answered, its body complete, or failed. */
    @SuppressWarnings("unchecked")
    private void read() {
        List<LogEntry> entries;
        try {
            entries = chrome.manage().logs().get(LogType.PERFORMANCE).getAll();
        } catch (WebDriverException gone) {
            return; // the browser has gone (it was quit)
        }
        for (LogEntry entry : entries) {
            Map<String, Object> message = (Map<String, Object>) ((Map<String, Object>) JSON.toType(entry.getMessage(), Map.class)).get("message");
            String event = (String) message.get("method");
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            if ("Network.responseReceived".equals(event) && "Document".equals(params.get("type"))) {
                Map<String, Object> response = (Map<String, Object>) params.get("response");
                String url = (String) response.get("url");
                if (url.startsWith(platform) && String.valueOf(response.get("mimeType")).equals("text/html")) {
                    loading.put((String) params.get("requestId"), url + " (" + response.get("status") + ")");
                }
            } else if ("Network.loadingFinished".equals(event) && loading.containsKey(params.get("requestId"))) {
                String id = (String) params.get("requestId");
                checkBody(loading.remove(id), id);
            } else if ("Network.loadingFailed".equals(event) && loading.containsKey(params.get("requestId"))) {
                // cancelled by the test's next page (or a download): no page was shown
                loading.remove(params.get("requestId"));
            }
        }
    }

    private void checkBody(String page, String requestId) {
        Map<String, Object> body;
        try {
            body = chrome.executeCdpCommand("Network.getResponseBody", Map.of("requestId", requestId));
        } catch (WebDriverException e) {
            failures.add(page + ": its body could not be read from the browser: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        String html = Boolean.TRUE.equals(body.get("base64Encoded"))
                ? new String(Base64.getDecoder().decode((String) body.get("body")), StandardCharsets.UTF_8)
                : (String) body.get("body");
        checkDocument(page, html);
        List<String> frames = HtmlChecker.inlineFrames(html);
        for (int i = 0; i < frames.size(); i++) {
            checkDocument(page + ", its frame " + (i + 1) + " (srcdoc)", frames.get(i));
        }
    }

    private void checkDocument(String page, String html) {
        HtmlChecker.Report report = HtmlChecker.check(page, html);
        int n = CHECKED.incrementAndGet();
        System.out.println("HTML checker: " + page + ": " + report.errors() + " errors, " + report.warnings() + " warnings");
        if (!report.messages().isEmpty()) {
            System.out.println(report.text());
        }
        if (!report.passed()) {
            failures.add(report.text() + "\n(the page as served: " + keep(n, html) + ")");
        }
    }

    /** Saves a page the checker found errors in (a build artefact beside the screenshots); says where. */
    private static Path keep(int n, String html) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("egov.screenshots", "target/screenshots")).resolveSibling("html-checker"));
            return Files.writeString(dir.resolve("page-" + n + ".html"), html, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private synchronized void failIfAny() {
        if (!failures.isEmpty()) {
            String all = String.join("\n\n", failures);
            failures.clear();
            throw new AssertionError("the HTML checker found errors in pages the browser was served:\n" + all);
        }
    }

    /** At the end of each test method: the pages of every open browser checked, the test failed on an error. */
    static final class AfterEach implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            for (ServedHtml watch : OPEN) {
                watch.check();
                watch.failIfAny();
            }
        }
    }
}
