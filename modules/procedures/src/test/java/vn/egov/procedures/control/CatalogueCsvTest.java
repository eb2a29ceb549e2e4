package vn.egov.procedures.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CatalogueCsvTest {
    static final String HEADER = "ma_thu_tuc,ten_thu_tuc,linh_vuc,cap_thuc_hien,muc_do,thoi_han_ngay,cach_thuc,thanh_phan_ho_so,phi_le_phi,ket_qua,can_cu_phap_ly,quy_trinh\n";

    @Test
    void eachLineBecomesADefinitionThatPassesTheImportsOwnChecks() {
        CatalogueCsv.Result r = CatalogueCsv.parse("\uFEFF" + HEADER
                + "1.001193.H38,Đăng ký khai sinh,Hộ tịch,xa,toan_trinh,1,truc_tuyen;truc_tiep,\"Tờ khai|1|0;Giấy chứng sinh|1|0\",,Giấy khai sinh,Luật Hộ tịch 2014,mot_cap\n"
                + "2.000889.H38,\"Cấp giấy phép xây dựng, nhà ở riêng lẻ\",Xây dựng,huyen,mot_phan,15,truc_tuyen;buu_chinh,Đơn đề nghị|1|0,Lệ phí|75.000,Giấy phép,Luật Xây dựng,lien_thong_so\n"
                + "1.004227.H38,Chứng thực bản sao,Chứng thực,xa,mot_phan,0.5,truc_tiep,Bản chính|1|0,Phí chứng thực|2000,Bản sao,Nghị định 23/2015,lien_thong_huyen\n");
        assertEquals(java.util.Map.of(), r.problems());
        assertEquals(3, r.procedures().size());
        ObjectNode build = r.procedures().get(1);
        assertEquals("Cấp giấy phép xây dựng, nhà ở riêng lẻ", build.path("name").asText());
        assertEquals("district", build.path("level").asText());
        assertEquals(75000, build.path("fees").get(0).path("amount").asLong());
        assertEquals("[\"online\",\"post\"]", build.path("channels").toString());
        assertTrue(build.path("process").toString().contains("OTHER_AGENCY"));
        assertEquals("Giấy chứng sinh", r.procedures().get(0).path("papers").get(1).path("name").asText());
    }

    @Test
    void aBadLineIsNamedWithWhatIsWrongAndKeptOut() {
        CatalogueCsv.Result r = CatalogueCsv.parse(HEADER
                + "1.001193.H38,Đăng ký khai sinh,Hộ tịch,xa,toan_trinh,1,truc_tuyen,Tờ khai|1|0,,Giấy khai sinh,Luật Hộ tịch 2014,mot_cap\n"
                + "1.23-H38,Mã sai,Hộ tịch,phuong,toan_trinh,hai,fax,Tờ khai|một,,Kết quả,Luật,khong_co\n");
        assertEquals(1, r.procedures().size());
        String line3 = String.join(" ", r.problems().get("line 3"));
        for (String bad : new String[] {"cap_thuc_hien", "thoi_han_ngay", "cach_thuc", "thanh_phan_ho_so", "quy_trinh"}) {
            assertTrue(line3.contains(bad), bad + " in " + line3);
        }
        CatalogueCsv.Result noHeader = CatalogueCsv.parse("a,b\n1,2\n");
        assertTrue(String.join(" ", noHeader.problems().get("header")).contains("ma_thu_tuc"));
    }

    @Test
    void problemsAreSaidInTheLanguageAskedFromTheBundles() {
        String bad = HEADER + "1.23-H38,Mã sai,Hộ tịch,phuong,toan_trinh,hai,fax,Tờ khai|một,,Kết quả,Luật,khong_co\n";
        String english = String.join(" ", CatalogueCsv.parse(bad, Wording.ENGLISH).problems().get("line 2"));
        assertTrue(english.contains("cap_thuc_hien: tinh (province)") && english.contains("thoi_han_ngay: a number of working days")
                && !english.contains(" / ") && !english.contains("hoặc"), english);
        String vietnamese = String.join(" ", CatalogueCsv.parse(bad).problems().get("line 2"));
        assertTrue(vietnamese.contains("cap_thuc_hien: tinh, huyen hoặc xa.") && !vietnamese.contains(" / "), vietnamese);
    }
}
