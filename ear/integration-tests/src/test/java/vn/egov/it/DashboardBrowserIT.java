package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The leaders' dashboard in headless Chromium: it opens on the leader's whole province for this year, one row per
 * district (the new districts' figures equal to the test's own count); a district's name leads down to its communes;
 * a period of days chosen in the form; the columns sort both ways; the charts are drawn by Chart.js from the tables;
 * the CSV and .xlsx the page links to download and parse (Commons CSV; fastexcel's reader) to the same figures. Screenshots dashboard-*.png.
 */
class DashboardBrowserIT extends InChromium {

    @Test
    void aLeaderOpensTheProvinceDrillsIntoADistrictSortsAndDownloadsTheFigures() throws Exception {
        DashboardData data = new DashboardData();
        String leader = Fixtures.user(Fixtures.PROVINCE, true, "UNIT_ADMIN");
        browser.manage().deleteAllCookies();
        browser.get(Api.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(leader);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit]")));

        // opens on the whole province, this year: a row per unit under it, the new districts among them
        browser.get(Api.baseUrl() + "/t/" + Fixtures.PROVINCE + "/admin/dossier-stats");
        int year = data.today.getYear();
        assertEquals(Integer.toString(year), browser.findElement(By.cssSelector("#year option[selected]")).getText());
        assertEquals(expectedRow("Huyện Bảng A " + data.stamp, DashboardData.expected(data.districtA, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))),
                rowText("Huyện Bảng A " + data.stamp));
        assertTrue(browser.findElements(By.cssSelector("#figures tbody tr")).size() > 5, "the province's districts and departments");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the dashboard's console");
        assertTrue((Boolean) js("return Chart.getChart(document.getElementById('chart')).data.datasets.length === 4"
                + " && Chart.getChart(document.getElementById('trend')).data.labels.length === 12"), "both charts drawn, a bar per month of the year");
        Chromium.screenshot(browser, "dashboard-1-province");

        // down to district A: its two communes; then the last 100 days chosen in the form (the focus is kept)
        Chromium.clickAndWait(browser, browser.findElement(By.linkText("Huyện Bảng A " + data.stamp)));
        assertEquals(List.of("Xã Bảng " + keys(data).get(0), "Xã Bảng " + keys(data).get(1)), names());
        browser.findElement(By.id("from")).sendKeys(DashboardData.DAY.format(data.from));
        browser.findElement(By.id("to")).sendKeys(DashboardData.DAY.format(data.today));
        Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#period button[type=submit]")));
        assertTrue(browser.findElement(By.id("trail")).getText().contains("Huyện Bảng A " + data.stamp), browser.findElement(By.id("trail")).getText());
        for (String c : keys(data).subList(0, 2)) {
            assertEquals(expectedRow("Xã Bảng " + c, data.expected(c)), rowText("Xã Bảng " + c));
        }
        WebElement overdue = browser.findElement(By.id("overdue"));
        assertTrue(overdue.getText().contains(data.overdue.get(0)) && overdue.getText().contains("Người dùng thử " + data.staff.get(keys(data).get(0))),
                overdue.getText());

        // sorting: by received, up then down (the second commune has more)
        WebElement received = browser.findElement(By.cssSelector("#figures th[data-key=received] button"));
        received.click();
        assertEquals("ascending", browser.findElement(By.cssSelector("#figures th[data-key=received]")).getAttribute("aria-sort"));
        assertEquals(List.of("Xã Bảng " + keys(data).get(0), "Xã Bảng " + keys(data).get(1)), names());
        received.click();
        assertEquals("descending", browser.findElement(By.cssSelector("#figures th[data-key=received]")).getAttribute("aria-sort"));
        assertEquals(List.of("Xã Bảng " + keys(data).get(1), "Xã Bảng " + keys(data).get(0)), names());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "the district's console");
        Chromium.screenshot(browser, "dashboard-2-district");
        js("document.getElementById('index-766').scrollIntoView()");
        Chromium.screenshot(browser, "dashboard-3-index");

        // the downloads the page links to, with the browser's session: the same figures
        String first = keys(data).get(0);
        Map<String, Long> counted = data.expected(first);
        String csv = new String(download(browser.findElement(By.id("csv")).getAttribute("href")), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.substring(1)))) {
            assertEquals("Tiếp nhận", parser.getHeaderNames().get(4));
            CSVRecord r = parser.getRecords().stream().filter(x -> x.get(0).equals(first)).findFirst().orElseThrow();
            assertEquals(List.copyOf(counted.values()).subList(0, 9), Stream.of(4, 5, 6, 7, 8, 9, 10, 11, 12).map(i -> Long.parseLong(r.get(i))).toList());
        }
        byte[] xlsx = download(browser.findElement(By.id("xlsx")).getAttribute("href"));
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx)); Stream<Row> rows = book.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertEquals("Tiếp nhận", all.get(0).getCellText(4));
            Row r = all.stream().filter(x -> first.equals(x.getCellText(0))).findFirst().orElseThrow();
            List<Long> numbers = new ArrayList<>();
            for (int i = 4; i <= 12; i++) {
                numbers.add(r.getCellAsNumber(i).map(BigDecimal::longValueExact).orElseThrow());
            }
            assertEquals(List.copyOf(counted.values()).subList(0, 9), numbers);
            assertEquals(3, book.getSheets().count(), "the rows, the months, the overdue dossiers");
        }
    }

    static List<String> keys(DashboardData data) {
        return List.copyOf(data.communes.keySet());
    }

    static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    static List<String> names() {
        return browser.findElements(By.cssSelector("#figures tbody th")).stream().map(WebElement::getText).toList();
    }

    static String rowText(String name) {
        return browser.findElements(By.cssSelector("#figures tbody tr")).stream().map(WebElement::getText).filter(t -> t.startsWith(name + " "))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not shown"));
    }

    /** A row as the page should write it: the name, the nine counts in Vietnamese form, the on-time rate (100,0%). */
    static String expectedRow(String name, Map<String, Long> c) {
        List<Long> n = List.copyOf(c.values()).subList(0, 9);
        long done = c.get("done");
        String rate = done == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", (c.get("early") + c.get("onTime")) * 100.0 / done).replace('.', ',');
        return name + " " + n.stream().map(x -> String.format(Locale.ROOT, "%,d", x).replace(',', '.')).collect(Collectors.joining(" ")) + " " + rate;
    }

    /** GETs a link of the page with the browser's session cookies. */
    static byte[] download(String href) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpResponse<byte[]> r = DossiersIT.HTTP.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), r.headers().toString());
        return r.body();
    }
}
