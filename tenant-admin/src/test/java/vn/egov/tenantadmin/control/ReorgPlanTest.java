package vn.egov.tenantadmin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReorgPlanTest {

    @Test
    void theCsvAndTheJsonFormOfAPlanAreTheSame() throws Exception {
        String csv = "\uFEFFoperation,units,target,parent,code,name,kind\n"
                + "# sáp nhập xã\n"
                + "merge,xa-a;xa-b,,huyen-x,xa-moi," + Normalizer.normalize("Xã Mới", Normalizer.Form.NFD) + ",commune\n"
                + "merge,xa-c,xa-d,,,,\n"
                + "move,xa-e,,huyen-y,,,\n"
                + "rename,xa-f,,,xa-f-moi,,\n"
                + "dissolve,huyen-x,,,,,\n";
        ReorgPlan fromCsv = ReorgPlan.fromCsv("Kế hoạch", csv, Map.of("xa-a", 3));
        ReorgPlan fromJson = ReorgPlan.fromJson(Json.createReader(new StringReader("""
                {"title":"Kế hoạch","basis":{"xa-a":3},"operations":[
                 {"op":"merge","units":["xa-a","xa-b"],"into":{"code":"xa-moi","name":"Xã Mới","kind":"commune","parent":"huyen-x"}},
                 {"op":"merge","units":["xa-c"],"into":"xa-d"},
                 {"op":"move","unit":"xa-e","parent":"huyen-y"},
                 {"op":"rename","unit":"xa-f","code":"xa-f-moi"},
                 {"op":"dissolve","unit":"huyen-x"}]}
                """)).readObject());
        assertEquals(5, fromCsv.operations().size());
        ReorgPlan.Merge merge = assertInstanceOf(ReorgPlan.Merge.class, fromCsv.operations().get(0));
        assertEquals("Xã Mới", merge.newUnit().name(), "NFD input is stored as NFC");
        assertEquals(3, merge.line(), "CSV lines are counted as in the file (header, comment)");
        assertNull(((ReorgPlan.Rename) fromCsv.operations().get(3)).name());
        assertEquals(fromJson.basis(), fromCsv.basis());
        for (int i = 0; i < 5; i++) {
            // same operations apart from where they stand
            assertEquals(fromJson.operations().get(i).toString().replaceAll("line=\\d+", ""),
                    fromCsv.operations().get(i).toString().replaceAll("line=\\d+", ""));
        }
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() {
        ReorgPlan.Unreadable e = assertThrows(ReorgPlan.Unreadable.class, () -> ReorgPlan.fromCsv(null,
                "operation,units,target,parent,code,name,kind\n"
                        + "merge,xa-a,,,,,\n"          // no target, no new unit
                        + "move,xa-a,,,,,\n"           // no parent
                        + "explode,xa-a,,,,,\n"        // unknown
                        + "dissolve,,,,,,\n"           // no unit
                        + "merge-provinces,a,,,b,B,\n"  // one province only
                        + "rename,xa-a,,,,,\n", Map.of()));
        assertEquals(6, e.errors().size(), e.errors().toString());
        for (int i = 0; i < 6; i++) {
            assertEquals(i + 2, e.errors().get(i).line());
        }
        assertEquals(List.of("Sáp nhập cần đơn vị nhận (target) hoặc đơn vị mới (code, name, kind)",
                "Chuyển đơn vị cần một đơn vị (unit) và đơn vị cấp trên mới (parent)",
                "Thao tác không biết: \"explode\" (merge, move, rename, dissolve, merge-provinces, add-province)",
                "Giải thể cần đúng một đơn vị", "Hợp nhất tỉnh cần ít nhất hai tỉnh và mã, tên của tỉnh mới",
                "Đổi tên cần một đơn vị và mã, tên, loại hoặc mã thống kê (gso) mới"),
                e.errors().stream().map(UnitCsvPlan.LineError::reason).toList());
        assertEquals(List.of("A merge needs a receiving unit (target) or a new unit (code, name, kind)",
                "A move needs one unit (unit) and its new parent (parent)",
                "Unknown operation \"explode\" (merge, move, rename, dissolve, merge-provinces, add-province)",
                "Dissolving needs exactly one unit", "Merging provinces needs two or more provinces and the new one's code and name",
                "A rename needs one unit and a new code, name, kind or GSO code (gso)"),
                e.errors().stream().map(x -> x.reason(Wording.ENGLISH)).toList());
    }

    @Test
    void wrongColumnsAndEmptyPlansAreRefused() {
        ReorgPlan.Unreadable columns = assertThrows(ReorgPlan.Unreadable.class,
                () -> ReorgPlan.fromCsv(null, "op,unit\nmerge,a\n", Map.of()));
        assertEquals("Tiêu đề cột phải là operation,units,target,parent,code,name,kind (có thể thêm gso,admins,site) (nhận được: op,unit)",
                columns.errors().get(0).reason());
        assertEquals("The header must be operation,units,target,parent,code,name,kind (then optionally gso,admins,site) (received: op,unit)",
                columns.errors().get(0).reason(Wording.ENGLISH));
        assertThrows(ReorgPlan.Unreadable.class, () -> ReorgPlan.fromCsv(null, "operation,units,target,parent,code,name,kind\n", Map.of()));
        assertThrows(ReorgPlan.Unreadable.class, () -> ReorgPlan.fromJson(Json.createObjectBuilder().add("operations",
                Json.createArrayBuilder()).build()));
        ReorgPlan.Unreadable notObject = assertThrows(ReorgPlan.Unreadable.class, () -> ReorgPlan.fromJson(
                Json.createObjectBuilder().add("operations", Json.createArrayBuilder().add("merge")).build()));
        assertEquals(1, notObject.errors().get(0).line());
    }

    @Test
    void theBasisTokenGoesBothWays() {
        var basis = Json.createObjectBuilder().add("xa-a", 3).add("huyen-x", 12).build();
        String token = ReorgPlan.basisToken(basis);
        assertEquals("xa-a:3,huyen-x:12", token);
        assertEquals(Map.of("xa-a", 3, "huyen-x", 12), ReorgPlan.parseBasisToken(token));
        assertTrue(ReorgPlan.parseBasisToken(" ").isEmpty());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ReorgPlan.parseBasisToken("xa-a:3,xa-b"));
        assertEquals("xa-b", bad.getMessage());
    }

    @Test
    void aReformSaysWhatAdministratorsBecomeWhichSiteIsKeptNewKindsAndCodesAndItsEffectiveDay() throws Exception {
        String csv = "operation,units,target,parent,code,name,kind,gso,admins,site\n"
                + "add-province,,,,tinh-b,Tỉnh B,province,12,,\n"
                + "merge,xa-a;xa-b,xa-c,,,,,,admins,xa-b\n"
                + "rename,tt-d,,,,Phường D,ward,08866,,\n"
                + "dissolve,huyen-x,,,,,,,none,\n";
        ReorgPlan plan = ReorgPlan.fromCsv(null, csv, Map.of()).withEffective(ReorgPlan.day("01/07/2025"));
        ReorgPlan.AddProvince add = assertInstanceOf(ReorgPlan.AddProvince.class, plan.operations().get(0));
        assertEquals("tinh-b", add.unit().code());
        assertEquals("12", add.unit().gso());
        ReorgPlan.Merge merge = assertInstanceOf(ReorgPlan.Merge.class, plan.operations().get(1));
        assertEquals("admins", merge.admins());
        assertEquals("xa-b", merge.site());
        ReorgPlan.Rename rename = assertInstanceOf(ReorgPlan.Rename.class, plan.operations().get(2));
        assertEquals("ward", rename.kind());
        assertEquals("08866", rename.gso());
        assertEquals("none", ((ReorgPlan.Dissolve) plan.operations().get(3)).admins());
        assertEquals(java.time.LocalDate.of(2025, 7, 1), plan.effective());
        ReorgPlan json = ReorgPlan.fromJson(Json.createReader(new StringReader("""
                {"effective":"01/07/2025","operations":[{"op":"merge","units":["xa-a"],"into":"xa-c","admins":"staff"}]}
                """)).readObject());
        assertEquals(plan.effective(), json.effective());
        assertEquals("staff", ((ReorgPlan.Merge) json.operations().get(0)).admins());
    }

    @Test
    void aBadAdministratorsRuleAnUnknownExtraColumnOrABadDayIsRefusedWithItsLine() {
        ReorgPlan.Unreadable admins = assertThrows(ReorgPlan.Unreadable.class, () -> ReorgPlan.fromCsv(null,
                "operation,units,target,parent,code,name,kind,gso,admins\nmerge,xa-a,xa-c,,,,,,everyone\n", Map.of()));
        assertEquals(2, admins.errors().get(0).line());
        assertTrue(admins.errors().get(0).reason().contains("staff"), admins.errors().toString());
        ReorgPlan.Unreadable column = assertThrows(ReorgPlan.Unreadable.class, () -> ReorgPlan.fromCsv(null,
                "operation,units,target,parent,code,name,kind,colour\nmerge,xa-a,xa-c,,,,,red\n", Map.of()));
        assertEquals(1, column.errors().get(0).line());
        ReorgPlan.Unreadable day = assertThrows(ReorgPlan.Unreadable.class, () -> ReorgPlan.fromJson(Json.createReader(new StringReader(
                "{\"effective\":\"2025-07-01\",\"operations\":[{\"op\":\"dissolve\",\"unit\":\"huyen-x\"}]}")).readObject()));
        assertEquals("Ngày hiệu lực \"2025-07-01\" không đúng dạng dd/MM/yyyy", day.errors().get(0).reason());
        assertEquals("The effective date \"2025-07-01\" is not of the form dd/MM/yyyy", day.errors().get(0).reason(Wording.ENGLISH));
        ReorgPlan.BadDay february = assertThrows(ReorgPlan.BadDay.class, () -> ReorgPlan.day("31/02/2025"));
        assertEquals("Ngày hiệu lực \"31/02/2025\" không đúng dạng dd/MM/yyyy", february.getMessage(), "the operator's tool says it in Vietnamese");
    }
}
