package vn.egov.dossiers.pages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.platform.web.pages.Locales;
import vn.egov.platform.web.pages.Page;

/** The form generated from a procedure's definition: values, labels and messages escaped where they go, messages tied to their fields. */
class FieldsTemplateTest {
    static final String EVIL = "<script>alert(1)</script>\" onfocus=\"x";

    @Test
    void aHostileLabelValueOrMessageIsEscapedAndTheMessageIsTiedToItsField() throws Exception {
        JsonNode d = new ObjectMapper().readTree("""
                {"form":{"fields":[{"name":"fullName","label":"Họ và tên <b>","type":"text","required":true},
                {"name":"kind","label":"Loại","type":"choice","choices":["A","B\\""]},{"name":"born","label":"Ngày sinh","type":"date"}]},
                "papers":[{"id":"to-khai","name":"Tờ khai","required":true},{"id":"anh","name":"Ảnh","required":false}]}""");
        Map<String, List<String>> errors = Map.of("form.fullName", List.of("Hãy điền họ tên. / Fill in the name."), "papers.to-khai", List.of(EVIL));
        Page page = Page.titled(null, Locales.VIETNAMESE, "t", DossierTemplates.BUNDLE);
        String html = DossierTemplates.TEMPLATES.render("fields.jte", page, "form", Forms.view(d, Map.of("fullName", EVIL, "kind", "B\""), errors, false));
        assertFalse(html.contains("<script>") || html.contains("<b>"), html);
        assertTrue(html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&#34; onfocus=&#34;x\"") || html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("aria-describedby=\"f-fullName-error\"") && html.contains("<p class=\"field-error\" id=\"f-fullName-error\">Hãy điền họ tên.</p>"),
                html);
        assertTrue(html.contains("aria-describedby=\"p-to-khai-error\"") && !html.contains("aria-describedby=\"p-anh-error\""), html);
        assertTrue(html.contains("Ngày/tháng/năm, ví dụ 05/09/2026") && html.contains("Ảnh (nếu có)"), html);
        assertTrue(html.contains("selected"), "the chosen option kept: " + html);
    }
}
