package vn.egov.documents.pages;

import java.util.List;
import java.util.Map;
import vn.egov.platform.web.desk.DeskFrame;

/**
 * What a form of the documents (a draft, a paper document to register) shows: the values as typed, each field's
 * messages beside it, the messages of no field ({@code general}), the urgency and secrecy choices and the usual
 * document types offered while typing ({@code docTypes}: the type as the register keeps it, its label in the page's
 * language); {@code duplicate} when the document may be registered already.
 */
public record FormView(String back, String action, Map<String, String> values, Map<String, List<String>> errors, List<String> general,
                       boolean duplicate, List<DeskFrame.Option> urgencies, List<DeskFrame.Option> secrecies, List<DeskFrame.Option> docTypes) {

    /**
     * The 29 kinds of administrative document of Decree 30/2020/NĐ-CP, Article 7 (in its order), by their codes in the documents' texts ({@code docType.<code>}):
     * the type the register keeps (and an edXML package's TypeName carries) is the decree's Vietnamese name in every
     * language, the label beside it is said in the page's.
     */
    public static final List<String> DOC_TYPES = List.of("NGHI_QUYET", "QUYET_DINH", "CHI_THI", "QUY_CHE", "QUY_DINH", "THONG_CAO", "THONG_BAO", "HUONG_DAN",
            "CHUONG_TRINH", "KE_HOACH", "PHUONG_AN", "DE_AN", "DU_AN", "BAO_CAO", "BIEN_BAN", "TO_TRINH", "HOP_DONG",
            "CONG_VAN", "CONG_DIEN", "BAN_GHI_NHO", "BAN_THOA_THUAN", "GIAY_UY_QUYEN", "GIAY_MOI", "GIAY_GIOI_THIEU",
            "GIAY_NGHI_PHEP", "PHIEU_GUI", "PHIEU_CHUYEN", "PHIEU_BAO", "THU_CONG");

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public List<String> errors(String name) {
        return errors.getOrDefault(name, List.of());
    }

    /** How many fields (or the form as a whole) need correcting. */
    public String count() {
        return String.valueOf(errors.size());
    }
}
