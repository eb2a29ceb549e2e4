package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The province imports its catalogue from a CSV file in real headless Chromium: a file with a bad line is refused
 * whole with the line named; a good file of 80 procedures goes in by batches under a progress bar; the same file
 * again changes nothing. Screenshots catalogue-import-*.png.
 */
class CatalogueImportBrowserIT extends DeployedEar {
    static WebDriver browser;
    static final String HEADER = "ma_thu_tuc,ten_thu_tuc,linh_vuc,cap_thuc_hien,muc_do,thoi_han_ngay,cach_thuc,thanh_phan_ho_so,phi_le_phi,ket_qua,"
            + "can_cu_phap_ly,quy_trinh\n";

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start("1280,1000");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theProvinceImportsItsCatalogueFromCsvUnderAProgressBar() throws Exception {
        String admin = Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN");
        int base = ThreadLocalRandom.current().nextInt(100_000, 900_000);
        List<String> codes = new ArrayList<>();
        StringBuilder good = new StringBuilder(HEADER);
        String[] levels = {"xa", "huyen", "tinh"};
        String[] processes = {"mot_cap", "lien_thong_huyen", "lien_thong_so"};
        for (int i = 0; i < 80; i++) {
            String code = "1." + String.format("%06d", base + i) + ".H38";
            codes.add(code);
            good.append(code).append(",Thủ tục nhập thử số ").append(i + 1).append(",Hộ tịch,").append(levels[i % 3]).append(",toan_trinh,")
                    .append(1 + i % 10).append(",truc_tuyen;truc_tiep,\"Tờ khai|1|0;Bản sao giấy tờ tùy thân|0|1\",").append(i % 4 == 0 ? "Lệ phí|8.000" : "")
                    .append(",Giấy xác nhận,Luật Hộ tịch 2014,").append(processes[i % 3]).append("\n");
        }
        Path bad = Files.writeString(Files.createTempFile("danh-muc-loi", ".csv"), HEADER + good.substring(HEADER.length(), good.indexOf("\n", HEADER.length()) + 1)
                + "1.23-H38,Mã sai,Hộ tịch,phuong,toan_trinh,hai,fax,Tờ khai,,Kết quả,Luật,khong_co\n");
        Path file = Files.writeString(Files.createTempFile("danh-muc", ".csv"), good.toString());

        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(admin);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        browser.get(Api.baseUrl() + "/t/" + Fixtures.PROVINCE + "/admin/procedures/import");
        Chromium.consoleErrors(browser); // what the login page left

        // a bad line: the whole file is refused, the line named, nothing stored
        browser.findElement(By.id("file")).sendKeys(bad.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("check")));
        String errors = browser.findElement(By.id("csv-errors")).getText();
        assertTrue(errors.contains("dòng 3") && errors.contains("cap_thuc_hien") && errors.contains("Không có gì được lưu"), errors);
        Chromium.screenshot(browser, "catalogue-import-1-refused");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the refused file's page: console errors or policy violations");
        assertEquals(404, Api.anonymous().get("/api/t/" + Fixtures.PROVINCE + "/procedures/" + codes.get(0)).status(), "not even the good line");

        // the good file: 80 procedures in batches, the bar filling up
        browser.findElement(By.id("file")).sendKeys(file.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("check")));
        assertTrue(browser.findElement(By.id("checked")).getText().contains("80 thủ tục"));
        browser.findElement(By.id("start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-done")));
        assertEquals("80", browser.findElement(By.id("progress")).getAttribute("value"));
        assertEquals("80", browser.findElement(By.id("created")).getText());
        Chromium.screenshot(browser, "catalogue-import-2-done");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the import's page: console errors or policy violations");
        Api.Response one = Api.anonymous().get("/api/t/" + Fixtures.PROVINCE + "/procedures/" + codes.get(79));
        assertEquals(200, one.status(), one.toString());
        assertTrue(one.body().contains("Thủ tục nhập thử số 80"), one.body());

        // the same file again: nothing changes
        browser.get(Api.baseUrl() + "/t/" + Fixtures.PROVINCE + "/admin/procedures/import");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        Chromium.clickAndWait(browser, browser.findElement(By.id("check")));
        browser.findElement(By.id("start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-done")));
        assertEquals("80", browser.findElement(By.id("unchanged")).getText());
        assertEquals("0", browser.findElement(By.id("created")).getText());
    }
}
