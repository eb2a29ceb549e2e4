package vn.egov.procedures.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Words typed with or without diacritics find a procedure by its name (the adoption screen and the province's finder). */
class MatchingTest {
    @Test
    void wordsWithoutDiacriticsFindTheNameInAnyOrder() {
        String name = "Cấp giấy xác nhận tình trạng hôn nhân";
        assertTrue(CatalogueSite.matches(CatalogueSite.fold("cap giay"), name));
        assertTrue(CatalogueSite.matches(CatalogueSite.fold("cap giay hon nhan"), name), "words need not stand together");
        assertTrue(CatalogueSite.matches(CatalogueSite.fold("CẤP GIẤY"), name));
        assertTrue(CatalogueSite.matches(CatalogueSite.fold(Normalizer.normalize("cấp giấy", Normalizer.Form.NFD)), name), "NFD typed");
        assertFalse(CatalogueSite.matches(CatalogueSite.fold("cap phep"), name));
        assertTrue(CatalogueSite.matches(CatalogueSite.fold("dang ky"), "Đăng ký khai sinh"), "đ as d");
    }

    @Test
    void sizesAreInTheLanguagesForm() {
        assertEquals("2,9 KB", TemplateSizes.of(2939, vn.egov.platform.web.pages.Messages.of(java.util.Locale.forLanguageTag("vi"), ProcedurePages.BUNDLE)));
        assertEquals("2.9 KB", TemplateSizes.of(2939, vn.egov.platform.web.pages.Messages.of(java.util.Locale.ENGLISH, ProcedurePages.BUNDLE)));
    }
}
