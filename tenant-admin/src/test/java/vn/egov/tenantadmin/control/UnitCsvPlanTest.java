package vn.egov.tenantadmin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitCsvPlanTest {
    static final Path REFERENCE = Path.of("../provisioning/src/main/resources/data/laocai-units-2019.csv");

    /** Nothing exists yet. */
    static final UnitCsvPlan.Existing EMPTY = existing(Map.of());

    static UnitCsvPlan.Existing existing(Map<String, String> codeByGso) {
        return new UnitCsvPlan.Existing() {
            public Optional<String> codeOfGso(String gso) { return Optional.ofNullable(codeByGso.get(gso)); }
            public boolean gsoTaken(String gso) { return codeByGso.containsKey(gso); }
            public boolean codeTaken(String code) { return codeByGso.containsValue(code); }
        };
    }

    static void assertParentsFirst(List<UnitCsvPlan.Row> rows, String root) {
        Set<String> placed = new HashSet<>(Set.of(root));
        for (UnitCsvPlan.Row r : rows) {
            assertTrue(placed.contains(r.parentCode()), r.code() + " comes before its parent " + r.parentCode());
            placed.add(r.code());
        }
    }

    @Test
    void theWhole2019TreeIsPlannedParentsFirst() throws Exception {
        UnitCsvPlan.Result plan = UnitCsvPlan.plan(Files.readAllBytes(REFERENCE), "moi", EMPTY);
        assertEquals(List.of(), plan.errors());
        assertEquals(176, plan.toCreate().size());
        assertEquals("tinh-lao-cai", plan.toCreate().get(0).code());
        assertEquals("province", plan.toCreate().get(0).kind());
        assertParentsFirst(plan.toCreate(), "moi");
        assertEquals(plan.toCreate().size(), new HashSet<>(plan.toCreate().stream().map(UnitCsvPlan.Row::code).toList()).size());
    }

    @Test
    void childrenBeforeParentsAreReorderedAndBomAndNfdAreAccepted() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(REFERENCE));
        List<String> body = new ArrayList<>(lines.subList(2, lines.size()));
        Collections.reverse(body);
        String reversed = lines.get(1) + "\n" + String.join("\n", body) + "\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] nfd = Normalizer.normalize(reversed, Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[bom.length + nfd.length];
        System.arraycopy(bom, 0, input, 0, 3);
        System.arraycopy(nfd, 0, input, 3, nfd.length);
        UnitCsvPlan.Result plan = UnitCsvPlan.plan(input, "moi", EMPTY);
        assertEquals(List.of(), plan.errors());
        assertEquals(176, plan.toCreate().size());
        assertParentsFirst(plan.toCreate(), "moi");
        assertTrue(plan.toCreate().stream().allMatch(r -> Normalizer.isNormalized(r.name(), Normalizer.Form.NFC)));
        assertTrue(plan.toCreate().stream().anyMatch(r -> r.name().equals("Phường Duyên Hải")));
    }

    @Test
    void reRunningAddsOnlyWhatIsMissing() throws Exception {
        UnitCsvPlan.Result first = UnitCsvPlan.plan(Files.readAllBytes(REFERENCE), "moi", EMPTY);
        Map<String, String> all = new java.util.HashMap<>();
        first.toCreate().forEach(r -> all.put(r.gsoCode(), r.code()));
        all.remove("02635"); // one commune was not created last time
        UnitCsvPlan.Result again = UnitCsvPlan.plan(Files.readAllBytes(REFERENCE), "moi", existing(all));
        assertEquals(List.of(), again.errors());
        assertEquals(1, again.toCreate().size());
        assertEquals("phuong-duyen-hai", again.toCreate().get(0).code());
        assertEquals("thanh-pho-lao-cai", again.toCreate().get(0).parentCode());
        assertEquals(175, again.existing().size());
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndNothingIsPlanned() {
        String csv = """
                gso_code,name,unit_type,level,parent_gso_code
                90,Huyện Mới,Huyện,district,
                91,Xã Một,Xã,commune,99
                92,,Xã,commune,90
                93,Xã Ba,Ấp,commune,90
                91,Xã Trùng,Xã,commune,90
                94,Xã Bốn,Xã,commune,95
                95,Xã Năm,Xã,commune,94
                96,Xã Sáu,Xã,commune,90
                """;
        UnitCsvPlan.Result plan = UnitCsvPlan.plan(csv.getBytes(StandardCharsets.UTF_8), "moi", EMPTY);
        assertEquals(List.of(), plan.toCreate(), "nothing is planned while a line is bad");
        Map<Integer, String> byLine = new java.util.TreeMap<>();
        plan.errors().forEach(e -> byLine.put(e.line(), e.reason()));
        assertEquals("Không có đơn vị cấp trên mã GSO 99 (trong tệp hay trong phạm vi)", byLine.get(3), byLine.toString());
        assertEquals("Thiếu tên đơn vị", byLine.get(4), byLine.toString());
        assertEquals("Loại đơn vị \"Ấp\" không có trong danh mục", byLine.get(5), byLine.toString());
        assertEquals("Trùng mã GSO 91 với dòng 3", byLine.get(6), byLine.toString());
        assertTrue(byLine.containsKey(7) || byLine.containsKey(8), "the 94 <-> 95 cycle: " + byLine);
        Map<Integer, String> english = new java.util.TreeMap<>();
        plan.errors().forEach(e -> english.put(e.line(), e.reason(Wording.ENGLISH)));
        assertEquals("Unknown parent: no unit has the GSO code 99 (in the file or in the subtree)", english.get(3));
        assertEquals("The unit's name is missing", english.get(4));
        assertEquals("Unknown unit type \"Ấp\": it is not in the list of kinds of unit", english.get(5));
        assertEquals("Duplicate GSO code 91: line 3 has it too", english.get(6));
        assertTrue(english.getOrDefault(7, english.get(8)).startsWith("Parent cycle through the GSO code 9"), english.toString());
        assertTrue(!byLine.containsKey(2) && !byLine.containsKey(9), "good lines are not blamed: " + byLine);
    }

    @Test
    void badEncodingAndWrongColumnsAreRefusedClearly() {
        // line 3 written in Windows-1258/Latin-1 style: "Xã" as the single byte 0xE3, which is not UTF-8
        byte[] head = "gso_code,name,unit_type,level,parent_gso_code\n90,Huyện X,Huyện,district,\n91,X".getBytes(StandardCharsets.UTF_8);
        byte[] tail = " Một,Xã,commune,90\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, latin1, 0, head.length);
        latin1[head.length] = (byte) 0xE3;
        System.arraycopy(tail, 0, latin1, head.length + 1, tail.length);
        UnitCsvPlan.Result enc = UnitCsvPlan.plan(latin1, "moi", EMPTY);
        assertEquals(1, enc.errors().size());
        assertEquals(3, enc.errors().get(0).line());
        assertEquals("Không phải văn bản UTF-8 (sai bảng mã): hãy lưu tệp dưới dạng CSV UTF-8", enc.errors().get(0).reason());
        assertEquals("Not UTF-8 text (wrong encoding): save the file as CSV UTF-8", enc.errors().get(0).reason(Wording.ENGLISH));

        UnitCsvPlan.Result cols = UnitCsvPlan.plan("ma,ten\n1,A\n".getBytes(StandardCharsets.UTF_8), "moi", EMPTY);
        assertEquals(1, cols.errors().get(0).line());
        assertEquals("Sai cột: cần gso_code,name,unit_type,level,parent_gso_code nhưng có ma,ten", cols.errors().get(0).reason());
        assertEquals("Wrong columns: gso_code,name,unit_type,level,parent_gso_code are needed, the file has ma,ten",
                cols.errors().get(0).reason(Wording.ENGLISH));
    }

    @Test
    void aGsoCodeOwnedOutsideTheSubtreeIsAnError() {
        UnitCsvPlan.Existing elsewhere = new UnitCsvPlan.Existing() {
            public Optional<String> codeOfGso(String gso) { return Optional.empty(); }
            public boolean gsoTaken(String gso) { return gso.equals("90"); }
            public boolean codeTaken(String code) { return false; }
        };
        UnitCsvPlan.Result plan = UnitCsvPlan.plan("gso_code,name,unit_type,level,parent_gso_code\n90,Huyện X,Huyện,district,\n"
                .getBytes(StandardCharsets.UTF_8), "moi", elsewhere);
        assertEquals(2, plan.errors().get(0).line());
    }
}
