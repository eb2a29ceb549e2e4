package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The HTML checker of the browser tests can fail: it finds the errors of broken pages (and not in a sound one), and the
 * browser's watch ({@link ServedHtml}) fails on a broken page served to it, by an address or as the answer to a form.
 * No server of the platform: the pages are this test's own (its own small HTTP server for the browser).
 */
class HtmlCheckerTest {

    private static String page(String body) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Trang thử</title></head><body>"
                + body + "</body></html>";
    }

    @Test
    void aSoundPagePasses() {
        HtmlChecker.Report report = HtmlChecker.check("sound", page(
                "<main><h1>Thủ tục</h1><form method=\"post\"><label for=\"q\">Tìm</label><input id=\"q\" name=\"q\">"
                        + "<button>Tìm</button></form><img src=\"a.png\" alt=\"Biểu trưng\"></main>"));
        assertTrue(report.passed(), report.text());
        assertEquals(0, report.errors(), report.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<span><form method=post><button>Gửi</button></form></span> | Element “form” not allowed as child of element “span”",
        "<style>p{color:red}</style><p>x</p> | Element “style” not allowed as child of element “body”",
        "<p id=a>1</p><p id=a>2</p> | Duplicate ID “a”",
        "<img src=a.png> | An “img” element must have an “alt” attribute",
        "<a href='/a b'>x</a> | Bad value “/a b” for attribute “href”",
        "<p style='colr: red'>x</p> | Property “colr” doesn't exist",
        "<label for=nothing>Tên</label> | The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        "<p>a</div> | Stray end tag “div”",
    })
    void aBrokenPageFailsWithTheCheckersMessage(String body, String message) {
        HtmlChecker.Report report = HtmlChecker.check("broken", page(body));
        assertTrue(!report.passed() && report.errors() >= 1, "no error found in " + body + ": " + report.text());
        assertTrue(report.text().contains(message), report.text());
    }

    @Test
    void anHtmlAnswerReadWithoutABrowserIsCheckedWithItsFramesAndOtherAnswersAreNot() {
        HtmlChecker.served("GET /ok", 200, "text/html;charset=UTF-8", page("<p>Được</p>"));
        HtmlChecker.served("POST /login", 302, "text/html", "<html><body>moved</body></html>");
        HtmlChecker.served("GET /api", 200, "application/json", "<p id=a>1</p><p id=a>2</p>");
        AssertionError broken = assertThrows(AssertionError.class,
                () -> HtmlChecker.served("GET /t/xa/", 200, "text/html", page("<p id=a>1</p><p id=a>2</p>")));
        assertTrue(broken.getMessage().contains("GET /t/xa/") && broken.getMessage().contains("Duplicate ID"), broken.getMessage());
        AssertionError frame = assertThrows(AssertionError.class, () -> HtmlChecker.served("GET /theme", 404, "text/html",
                page("<iframe title=\"Xem trước\" srcdoc=\"&lt;!DOCTYPE html&gt;&lt;html lang=vi&gt;&lt;head&gt;&lt;title&gt;t&lt;/title&gt;&lt;/head&gt;"
                        + "&lt;body&gt;&lt;span&gt;&lt;form&gt;&lt;/form&gt;&lt;/span&gt;&lt;/body&gt;&lt;/html&gt;\"></iframe>")));
        assertTrue(frame.getMessage().contains("GET /theme, its frame 1"), frame.getMessage());
    }

    @Test
    void aWarningIsReportedButPasses() {
        HtmlChecker.Report report = HtmlChecker.check("warned", page("<script type=\"text/javascript\" src=\"a.js\"></script>"));
        assertTrue(report.passed(), report.text());
        assertTrue(report.warnings() >= 1 && report.text().contains("warning"), report.text());
    }

    /** A form that answers its POST with a broken page (the form shown again, say) and a sound page beside it. */
    @Test
    void theBrowsersWatchFailsOnABrokenPageItWasServedByAFormOrAnAddress() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            boolean post = "POST".equals(exchange.getRequestMethod());
            String html = post ? page("<span><form method=\"post\" action=\"/form\"><button id=\"again\">Gửi</button></form></span>")
                    : path.equals("/broken") ? page("<p id=\"x\">1</p><p id=\"x\">2</p>")
                    : path.equals("/framed") ? page("<iframe title=\"Xem trước\" srcdoc=\"&lt;!DOCTYPE html&gt;&lt;title&gt;t&lt;/title&gt;&lt;p id=y&gt;&lt;p id=y&gt;\"></iframe>")
                    : page("<form method=\"post\" action=\"/form\"><button id=\"send\">Gửi</button></form>");
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(post ? 400 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        WebDriver browser = ServedHtml.watch(Chromium.chrome("800,600"), base);
        try {
            int before = ServedHtml.checked();
            browser.get(base + "/");
            // found as soon as the test goes on (here, waiting for the answer to be loaded)
            AssertionError posted = assertThrows(AssertionError.class,
                    () -> Chromium.clickAndWait(browser, browser.findElement(By.id("send"))), "the form's answer");
            assertTrue(posted.getMessage().contains(base + "/form (400)")
                    && posted.getMessage().contains("Element “form” not allowed as child of element “span”"), posted.getMessage());
            assertEquals(before + 2, ServedHtml.checked(), "the form and its answer");

            // the last page of a test: found at the end of the test method
            browser.get(base + "/broken");
            AssertionError atTheEnd = assertThrows(AssertionError.class, () -> new ServedHtml.AfterEach().afterEach(null));
            assertTrue(atTheEnd.getMessage().contains(base + "/broken (200)") && atTheEnd.getMessage().contains("Duplicate ID “x”"),
                    atTheEnd.getMessage());
            assertEquals(before + 3, ServedHtml.checked());
            new ServedHtml.AfterEach().afterEach(null); // each error said once

            // a frame's document given inline (srcdoc): checked as a document of its own
            browser.get(base + "/framed");
            AssertionError framed = assertThrows(AssertionError.class, () -> new ServedHtml.AfterEach().afterEach(null));
            assertTrue(framed.getMessage().contains(base + "/framed (200), its frame 1 (srcdoc)") && framed.getMessage().contains("Duplicate ID “y”"),
                    framed.getMessage());
        } finally {
            browser.quit();
            server.stop(0);
        }
    }
}
