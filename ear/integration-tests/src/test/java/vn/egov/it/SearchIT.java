package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.it.Fixtures.COMMUNE;
import static vn.egov.it.Fixtures.COUSIN_DISTRICT;
import static vn.egov.it.Fixtures.DISTRICT;
import static vn.egov.it.Fixtures.PASSWORD;
import static vn.egov.it.Fixtures.SIBLING_COMMUNE;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search through the deployed EAR, a real PostgreSQL and a real Solr: Vietnamese with and without diacritics,
 * highlights, facets, suggestions, and above all scope: what one unit writes never shows in another unit's
 * results, counts, facets, suggestions or highlights, and anonymous visitors find public items only.
 */
class SearchIT extends DeployedEar {
    /** A word no other test writes, so that counts are exact whatever the index already holds. */
    static final String MARK = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static String staffA;
    static String adminA;

    @BeforeAll
    static void write() {
        staffA = Fixtures.staff(COMMUNE);
        adminA = Fixtures.user(COMMUNE, false, "UNIT_ADMIN");
        Api a = Api.as(staffA, PASSWORD);
        notice(a, COMMUNE, "Đăng ký khai sinh " + MARK, "Thủ tục đăng ký khai sinh cho trẻ em tại Ủy ban nhân dân xã. " + MARK, "staff");
        notice(a, COMMUNE, "Dang ky ket hon " + MARK, "Huong dan dang ky ket hon, viet khong dau. " + MARK, "public");
        notice(Api.as(adminA, PASSWORD), COMMUNE, "Kế hoạch nhân sự " + MARK, "Chỉ dành cho quản trị đơn vị. " + MARK, "admins");
        // searchable about a second after the commit; wait for all three (seen by the unit's admin)
        awaitTotal(Api.as(adminA, PASSWORD), "q=" + MARK + "&unit=" + COMMUNE, 3);
    }

    static long notice(Api api, String unit, String title, String body, String audience) {
        Api.Response r = api.post("/api/t/" + unit + "/notices", "{\"title\":\"" + title + "\",\"body\":\"" + body
                + "\",\"audience\":\"" + audience + "\"}");
        assertEquals(201, r.status(), r.toString());
        return r.json().getJsonNumber("id").longValue();
    }

    static JsonObject search(Api api, String query) {
        Api.Response r = api.get("/api/search?" + query);
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    /** The search's answer once it has {@code expected} results (other answers than 200 are waited out), for at most 60 s. */
    static JsonObject awaitTotal(Api api, String query, long expected) {
        return Wait.until("search " + query + " to reach " + expected + " results", Duration.ofSeconds(60),
                () -> api.get("/api/search?" + query),
                r -> r.status() == 200 && r.json().getJsonNumber("total").longValue() == expected).json();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> titles(JsonObject result) {
        return result.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("title")).toList();
    }

    static long facet(JsonObject result, String facet, String value) {
        return result.getJsonArray(facet).getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("value").equals(value)).mapToLong(f -> f.getJsonNumber("count").longValue()).sum();
    }

    @Test
    void withOrWithoutDiacriticsTheSameItemsAreFoundAndExactMatchesRankFirst() {
        Api a = Api.as(staffA, PASSWORD);
        JsonObject folded = search(a, "q=" + enc("dang ky " + MARK) + "&unit=" + COMMUNE);
        assertEquals(2, folded.getInt("total"), folded.toString());
        JsonObject exact = search(a, "q=" + enc("đăng ký " + MARK) + "&unit=" + COMMUNE);
        assertEquals(2, exact.getInt("total"), "diacritics typed still find the text written without them: " + exact);
        assertEquals("Đăng ký khai sinh " + MARK, titles(exact).get(0), "the exact-diacritic title ranks first");
        JsonObject thuTuc = search(a, "q=" + enc("thu tuc " + MARK) + "&unit=" + COMMUNE);
        assertEquals(List.of("Đăng ký khai sinh " + MARK), titles(thuTuc), "'thu tuc' finds 'Thủ tục'");
        String nfd = Normalizer.normalize("THỦ TỤC KHAI SINH " + MARK.toUpperCase(Locale.ROOT), Normalizer.Form.NFD);
        JsonObject decomposed = search(a, "q=" + enc(nfd) + "&unit=" + COMMUNE);
        assertEquals(1, decomposed.getInt("total"), "decomposed (NFD), upper-case input: " + decomposed);
    }

    @Test
    void resultsCarryHighlightsAndFacets() {
        JsonObject r = search(Api.as(staffA, PASSWORD), "q=" + enc("thu tuc " + MARK) + "&unit=" + COMMUNE);
        JsonObject item = r.getJsonArray("items").getJsonObject(0);
        assertTrue(item.getString("snippet").contains("<mark>Thủ</mark>") || item.getString("snippet").contains("<mark>Thủ tục</mark>"),
                "the folded query highlights the word as written: " + item);
        assertEquals(COMMUNE, item.getString("unitCode"));
        assertEquals(1, facet(r, "types", "notice"));
        assertEquals(1, facet(r, "units", COMMUNE));
    }

    @Test
    void staffSeeStaffAndPublicItemsButNotAdminsOnlyOnes() {
        assertEquals(2, search(Api.as(staffA, PASSWORD), "q=" + MARK + "&unit=" + COMMUNE).getInt("total"));
        assertEquals(3, search(Api.as(adminA, PASSWORD), "q=" + MARK + "&unit=" + COMMUNE).getInt("total"));
    }

    @Test
    void anonymousVisitorsFindPublicItemsOnlyWhateverTheyAsk() {
        Api anonymous = Api.anonymous();
        JsonObject r = search(anonymous, "q=" + MARK);
        assertEquals(List.of("Dang ky ket hon " + MARK), titles(r));
        assertEquals(1, facet(r, "types", "notice"), "facets count public items only: " + r);
        // parameters cannot widen the filters: a field query, local parameters, a visibility "type"
        assertEquals(1, search(anonymous, "q=" + enc(MARK + " OR visibility:staff")).getInt("total"));
        Api.Response local = anonymous.get("/api/search?q=" + enc("{!lucene}visibility:staff AND " + MARK));
        assertTrue(local.status() == 200 || local.status() == 400, local.toString());
        if (local.status() == 200) {
            assertTrue(local.json().getInt("total") <= 1, local.toString());
        }
        assertEquals(0, search(anonymous, "q=" + MARK + "&type=staff").getInt("total"));
    }

    @Test
    void aSiblingCommuneSeesNothingOfItNotInResultsCountsFacetsOrSuggestions() {
        String staffB = Fixtures.staff(SIBLING_COMMUNE);
        Api b = Api.as(staffB, PASSWORD);
        JsonObject all = search(b, "q=" + MARK);
        assertEquals(1, all.getInt("total"), "only the public item: " + all);
        assertEquals(List.of("Dang ky ket hon " + MARK), titles(all));
        assertEquals(1, facet(all, "units", COMMUNE), "the unit facet counts the public item only");
        JsonObject inA = search(b, "q=" + enc("thu tuc " + MARK) + "&unit=" + COMMUNE);
        assertEquals(0, inA.getInt("total"), inA.toString());
        assertTrue(inA.getJsonArray("items").isEmpty());
        assertEquals(0, facet(inA, "types", "notice"));
        Api.Response suggest = b.get("/api/search/suggest?q=" + enc("đăng ký khai " + MARK.substring(0, 6)) + "&unit=" + COMMUNE);
        assertEquals(200, suggest.status(), suggest.toString());
        assertTrue(suggest.array().isEmpty(), "no suggestion from another unit's staff item: " + suggest);
        // the owner's staff get the suggestion, so the empty list above is not an accident
        Api.Response own = Api.as(staffA, PASSWORD).get("/api/search/suggest?q=" + enc("dang ky khai " + MARK.substring(0, 6)) + "&unit=" + COMMUNE);
        assertEquals(List.of("Đăng ký khai sinh " + MARK), own.array().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        JsonObject withSuggestions = search(b, "q=" + enc("khai sinh " + MARK) + "&suggest=true");
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, withSuggestions.getJsonArray("suggestions"));
    }

    @Test
    void aParentAdminWithSubtreeRightsFindsTheCommunesItemsButACousinDistrictDoesNot() {
        Api districtAdmin = Api.as(Fixtures.user(DISTRICT, true, "UNIT_ADMIN"), PASSWORD);
        JsonObject r = search(districtAdmin, "q=" + MARK + "&unit=" + DISTRICT);
        assertEquals(3, r.getInt("total"), r.toString());
        assertEquals(3, facet(r, "units", COMMUNE));
        Api cousin = Api.as(Fixtures.user(COUSIN_DISTRICT, true, "UNIT_ADMIN"), PASSWORD);
        JsonObject c = search(cousin, "q=" + MARK);
        assertEquals(1, c.getInt("total"), c.toString());
        assertEquals(0, search(cousin, "q=" + MARK + "&unit=" + COUSIN_DISTRICT).getInt("total"));
    }

    @Test
    void badParametersAreAnsweredAsProblems() {
        Api anonymous = Api.anonymous();
        for (String q : List.of("page=-1", "page=0", "size=1000", "size=0", "page=abc", "sort=sideways", "type=" + enc("a b"),
                "page=100000&size=50", "q=" + "x".repeat(201))) {
            Api.Response r = anonymous.get("/api/search?" + q);
            assertEquals(400, r.status(), q + ": " + r);
            assertTrue(r.isProblem(), q + ": " + r);
            assertFalse(r.body().contains("Exception"), r.body());
        }
        Api.Response unknown = anonymous.get("/api/search?unit=khong-co-don-vi-nay");
        assertEquals(404, unknown.status());
        assertTrue(unknown.isProblem());
        for (String q : List.of("title:(", "\"unbalanced", "a AND OR", "[1 TO", "*", "~", "{!xmlparser v='<a/>'}", "((((")) {
            Api.Response r = anonymous.get("/api/search?q=" + enc(q));
            assertTrue(r.status() == 200 || (r.status() == 400 && r.isProblem()), q + ": " + r);
        }
        Api.Response page2 = anonymous.get("/api/search?q=" + MARK + "&page=2&size=1&sort=newest");
        assertEquals(200, page2.status(), page2.toString());
        assertEquals(1, page2.json().getInt("total"));
        assertTrue(page2.json().getJsonArray("items").isEmpty());
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        Api.Response r = Api.anonymous().get("/openapi", "text/plain");
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("/api/search:"), "the search path is described");
        assertTrue(r.body().contains("/api/search/suggest"), "the suggestions path is described");
        assertNotEquals(-1, r.body().indexOf("/api/t/{unit}/search/reindex"));
    }
}
