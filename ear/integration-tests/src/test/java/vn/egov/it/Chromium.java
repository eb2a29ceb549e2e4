package vn.egov.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The browser tests' headless Chromium (skipped where it is not installed, unless egov.requireBrowser) and what they share. */
final class Chromium {
    static final Path CHROMEDRIVER = Path.of(System.getProperty("egov.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("egov.chromium", "/usr/bin/chromium"));

    private Chromium() {
    }

    /**
     * A new headless browser with the given window size ("1280,1000"), Vietnamese, every page it is served checked by
     * the HTML checker ({@link ServedHtml}). Without Chromium or chromedriver
     * the test is skipped, or fails when {@code -Degov.requireBrowser=true} (as CI runs the tests).
     */
    static WebDriver start(String windowSize) {
        return ServedHtml.watch(chrome(windowSize), Api.baseUrl());
    }

    /** The same browser, without the HTML checker watching what it is served. */
    static ChromeDriver chrome(String windowSize) {
        boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        String missing = "Chromium (" + CHROMIUM + ") and chromedriver (" + CHROMEDRIVER + ") are not both installed and executable";
        if (!installed && Boolean.getBoolean("egov.requireBrowser")) {
            fail(missing + ", and egov.requireBrowser=true requires the browser tests to run");
        }
        assumeTrue(installed, missing);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=" + windowSize, "--lang=vi");
        // what the browser asks for in Accept-Language (--lang alone leaves it en-US in headless Chromium)
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "vi-VN,vi"));
        // the console (errors, content security policy violations) kept for consoleErrors()
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        // and its network's record (the bodies of the pages served, for the HTML checker: ServedHtml)
        logs.enable(org.openqa.selenium.logging.LogType.PERFORMANCE, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", java.util.Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /**
     * The console errors since the last call (a content security policy violation is one, and so is a resource that
     * failed to load): a page made from templates must leave none.
     */
    static java.util.List<String> consoleErrors(WebDriver browser) {
        // the page's own status is no error of the page: a form shown again answers 400 or 401 by design
        String self = browser.getCurrentUrl().replaceAll("[?#].*", "");
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage())
                .filter(m -> !(m.replaceAll("[?#]\\S*", "").startsWith(self + " - Failed to load resource: the server responded with a status of 4")))
                .toList();
    }

    /** Clicks something that loads a new page and waits until the old page is gone (no reading the old one). */
    static void clickAndWait(WebDriver browser, WebElement e) {
        clickNavigating(e);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> gone(e));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Clicks something that navigates. The old page may go away while the driver is still finishing the click;
     * that is the navigation having started, not a failure. Anything else is a real failure.
     */
    static void clickNavigating(WebElement e) {
        try {
            e.click();
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            // the page went away first
        } catch (org.openqa.selenium.WebDriverException maybeGone) {
            // the same, as Chromium's driver sometimes words it
            if (maybeGone.getMessage() == null || !maybeGone.getMessage().contains("does not belong to the document")) {
                throw maybeGone;
            }
        }
    }

    /**
     * Whether the element's page has gone. Chromium's driver says so either as a stale element or, while the old
     * document is being replaced, as a node that "does not belong to the document"; Selenium's own staleness
     * condition knows only the first.
     */
    static boolean gone(WebElement e) {
        try {
            e.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException maybeGone) {
            if (maybeGone.getMessage() != null && maybeGone.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw maybeGone;
        }
    }

    /** Saves a screenshot as target/screenshots/{name}.png (kept as a build artefact). */
    static void screenshot(WebDriver browser, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("egov.screenshots", "target/screenshots")));
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
