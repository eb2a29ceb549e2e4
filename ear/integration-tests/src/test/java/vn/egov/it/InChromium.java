package vn.egov.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/** A test class in real headless Chromium against the deployed EAR: one browser for the class, quit after its tests. */
abstract class InChromium extends DeployedEar {
    static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start("1280,1000");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
