package vn.egov.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.egov.platform.tenancy.Slugs;

class UnitsTest {

    @Test
    void slugsFoldVietnameseWhetherComposedOrDecomposed() {
        assertEquals("phuong-duyen-hai", Slugs.of("Phường Duyên Hải"));
        assertEquals("xa-dong-tuyen", Slugs.of(Normalizer.normalize("Xã Đồng Tuyển", Normalizer.Form.NFD)));
        assertEquals("so-van-hoa-the-thao-va-du-lich", Slugs.of("Sở Văn hóa, Thể thao và Du lịch"));
        assertThrows(IllegalArgumentException.class, () -> Slugs.of(" -- "));
    }

    @Test
    void theReferenceTreeIsCompleteUniqueAndOrdered() throws Exception {
        List<Units.Unit> units = Units.referenceUnits();
        Map<String, Long> byKind = units.stream().collect(Collectors.groupingBy(Units.Unit::kind, Collectors.counting()));
        assertEquals(1, byKind.get("province"));
        long departments = byKind.getOrDefault("department", 0L) + byKind.getOrDefault("agency", 0L) + byKind.getOrDefault("board", 0L);
        assertEquals(18, departments);
        long districts = byKind.getOrDefault("city", 0L) + byKind.getOrDefault("district", 0L) + byKind.getOrDefault("town", 0L);
        assertEquals(9, districts);
        Set<String> codes = new HashSet<>();
        Set<String> seenGso = new HashSet<>();
        for (Units.Unit u : units) {
            assertTrue(codes.add(u.code()), "duplicate code " + u.code());
            assertTrue(u.code().matches("^[a-z0-9]+(-[a-z0-9]+)*$"), u.code());
            assertTrue(Normalizer.isNormalized(u.name(), Normalizer.Form.NFC), u.name());
            if (u.parentGso() != null && u.gsoCode() != null) {
                assertTrue(seenGso.contains(u.parentGso()), u.code() + " comes before its parent");
            }
            if (u.gsoCode() != null) {
                seenGso.add(u.gsoCode());
            }
        }
        assertEquals("lao-cai", units.get(0).code());
    }

    @Test
    void unknownUnitTypesAreRefused() {
        assertEquals("township", Units.kind("Thị trấn"));
        assertThrows(IllegalArgumentException.class, () -> Units.kind("Ấp"));
    }
}
