package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A procedure's form templates (issue 22): the province's administrators attach a Word and a PDF file to a procedure of
 * its catalogue from the desk (a picture or a file of no known kind is refused beside the field, nothing stored); the
 * procedure's page lists them with name and size, at the province and at a commune that adopted it, and the download
 * gives back the very bytes; a commune that did not adopt it has no such address, and a commune's administrator can
 * neither attach to nor remove from the province's procedure.
 */
class FormTemplatesIT extends DeployedEar {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern LINK = Pattern.compile("href=\"(/t/[^\"]+/forms/([0-9]+))\"");

    static byte[] docx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document>Tờ khai</w:document>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static HttpResponse<byte[]> download(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theProvinceAttachesFormsAndEveryUnitOfferingTheProcedureGivesThemBack() throws Exception {
        ProceduresIT.Offered offered = ProceduresIT.offeredByANewCommune("xa-mau-don");
        String code = offered.procedure();
        String sibling = PortalIT.commune("xa-khong-mau");
        String desk = "/t/" + Fixtures.PROVINCE + "/admin/procedures/" + code + "/templates";
        FormSession province = new FormSession(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"));
        byte[] word = docx();
        byte[] pdf = ("%PDF-1.4\n% Tờ khai đăng ký\n" + "x".repeat(2900) + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);

        // bad files: shown again with the reason beside the field, nothing stored
        FormSession.Page picture = province.postMultipart(desk, desk, List.of(), List.of(new FormSession.Part("file", "anh.png",
                ItEnvironment.png(20, 20))));
        assertEquals(400, picture.status());
        assertTrue(picture.body().contains("id=\"file-error\"") && picture.body().contains("tệp này là ảnh"), picture.body());
        FormSession.Page text = province.postMultipart(desk, desk, List.of(), List.of(new FormSession.Part("file", "to-khai.docx",
                "<html>not a form</html>".getBytes(StandardCharsets.UTF_8))));
        assertEquals(400, text.status());
        assertTrue(text.body().contains("id=\"file-error\""), text.body());
        assertTrue(province.get(desk).body().contains("id=\"no-templates\""), "nothing stored");

        assertEquals(303, province.postMultipart(desk, desk, List.of(), List.of(new FormSession.Part("file", "Tờ khai đăng ký.docx", word))).status());
        assertEquals(303, province.postMultipart(desk, desk, List.of(), List.of(new FormSession.Part("file", "huong-dan.pdf", pdf))).status());

        // the public pages: the province's and the adopting commune's list both, with sizes; the bytes come back whole
        for (String unit : List.of(Fixtures.PROVINCE, offered.unit())) {
            String page = Api.anonymous().get("/t/" + unit + "/procedures/" + code, "text/html").body();
            assertTrue(page.contains("Tờ khai đăng ký.docx") && page.contains("huong-dan.pdf"), page);
            assertTrue(page.contains("(2,9 KB)"), "the PDF's size in Vietnamese form: " + page);
            Matcher m = LINK.matcher(page);
            List<String> links = m.results().map(r -> r.group(1)).toList();
            assertEquals(2, links.size(), page);
            HttpResponse<byte[]> first = download(links.get(0));
            assertEquals(200, first.statusCode());
            assertArrayEquals(word, first.body(), "the Word file as uploaded");
            assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml"));
            assertTrue(first.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
            assertArrayEquals(pdf, download(links.get(1)).body(), "the PDF as uploaded");
        }
        String page = Api.anonymous().get("/t/" + offered.unit() + "/procedures/" + code, "text/html").body();
        Matcher m = LINK.matcher(page);
        assertTrue(m.find());
        String id = m.group(2);

        // a sibling that did not adopt it has no such address; a commune's administrator has no hand in it
        assertEquals(404, download("/t/" + sibling + "/procedures/" + code + "/forms/" + id).statusCode());
        FormSession commune = new FormSession(Fixtures.user(offered.unit(), false, "UNIT_ADMIN"));
        String own = "/t/" + offered.unit() + "/admin/procedures/" + code + "/templates";
        assertEquals(404, commune.get(own).status(), "adopted, not its own: nothing to furnish");
        assertEquals(403, commune.get(desk).status());
        String communeDesk = "/t/" + offered.unit() + "/admin/procedures";
        assertEquals(403, commune.postMultipart(communeDesk, desk, List.of(), List.of(new FormSession.Part("file", "x.pdf", pdf))).status());
        assertEquals(403, commune.post(communeDesk, desk + "/" + id + "/delete", List.of()).status());
        assertEquals(404, commune.post(communeDesk, own + "/" + id + "/delete", List.of()).status());
        assertEquals(200, download("/t/" + offered.unit() + "/procedures/" + code + "/forms/" + id).statusCode(), "still there");

        // removed by the province: gone everywhere
        assertEquals(303, province.post(desk, desk + "/" + id + "/delete", List.of()).status());
        assertEquals(404, download("/t/" + offered.unit() + "/procedures/" + code + "/forms/" + id).statusCode());
        assertFalse(Api.anonymous().get("/t/" + offered.unit() + "/procedures/" + code, "text/html").body().contains("/forms/" + id + "\""));
    }

    /** A commune's own procedure keeps its templates through a merge: the successor's page gives them back, byte for byte. */
    @Test
    void aLocalProceduresTemplatesFollowItIntoTheSuccessor() throws Exception {
        String a = PortalIT.commune("xa-mau-a");
        String b = PortalIT.commune("xa-mau-b");
        String local = ProceduresIT.code();
        Api adminA = PortalIT.as(a, "UNIT_ADMIN");
        assertEquals(200, adminA.post("/api/t/" + a + "/procedures/import", "[" + ProceduresIT.procedure(local, "Thủ tục riêng có mẫu", "commune", 5, 1, "")
                + "]").status());
        String desk = "/t/" + a + "/admin/procedures/" + local + "/templates";
        byte[] word = docx();
        assertEquals(303, new FormSession(Fixtures.user(a, false, "UNIT_ADMIN")).postMultipart(desk, desk, List.of(),
                List.of(new FormSession.Part("file", "mau-rieng.docx", word))).status());
        assertEquals(404, download("/t/" + b + "/procedures/" + local + "/forms/1").statusCode(), "not B's before the merge");

        Api province = Api.as(Fixtures.user(Fixtures.PROVINCE, true, "PROVINCE_ADMIN"), Fixtures.PASSWORD);
        String plan = "{\"title\":\"Sáp nhập\",\"operations\":[{\"op\":\"merge\",\"units\":[\"" + a + "\"],\"into\":\"" + b + "\"}]}";
        String url = "/api/t/" + Fixtures.DISTRICT + "/reorganisations/";
        Api.Response dry = province.post(url + "dry-run", plan);
        assertEquals(200, dry.status(), dry.toString());
        jakarta.json.JsonObject withBasis = jakarta.json.Json.createObjectBuilder(jakarta.json.Json.createReader(new java.io.StringReader(plan)).readObject())
                .add("basis", dry.json().getJsonObject("basis")).build();
        Api.Response applied = province.post(url + "apply", withBasis.toString());
        assertEquals(200, applied.status(), applied.toString());

        String page = Api.anonymous().get("/t/" + b + "/procedures/" + local, "text/html").body();
        Matcher m = LINK.matcher(page);
        assertTrue(m.find(), page);
        assertTrue(m.group(1).startsWith("/t/" + b + "/procedures/" + local + "/forms/"));
        assertArrayEquals(word, download(m.group(1)).body(), "the successor gives the template back");
    }
}
