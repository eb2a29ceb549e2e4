package vn.egov.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.egov.platform.tenancy.Slugs;

/**
 * Loads the reference unit tree shipped in this jar: the province and its districts, communes and wards
 * (GSO codes, {@code data/laocai-units-2019.csv}) and its 18 departments, boards and agencies
 * ({@code data/laocai-departments-2018.csv}). Idempotent: a unit already present (same GSO code, or same
 * code for units without one) is left as it is.
 */
public final class Units {
    static final String UNITS = "data/laocai-units-2019.csv";
    static final String DEPARTMENTS = "data/laocai-departments-2018.csv";

    record Unit(String code, String gsoCode, String name, String kind, String parentGso) {
    }

    private Units() {
    }

    /** Returns how many units were added. */
    public static int loadReference(Connection owner, Log log) throws SQLException, IOException {
        List<Unit> units = referenceUnits();
        int added = 0;
        boolean auto = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (PreparedStatement insert = owner.prepareStatement(
                "INSERT INTO tenant (code, gso_code, name, kind, parent_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            Map<String, Long> idByGso = new HashMap<>();
            String provinceGso = null;
            for (Unit u : units) {
                Long parent = null;
                if (u.parentGso() != null) {
                    parent = idByGso.computeIfAbsent(u.parentGso(), g -> lookup(owner, g));
                    if (parent == null) {
                        throw new IllegalStateException("unit " + u.gsoCode() + " names unknown parent " + u.parentGso());
                    }
                } else if ("province".equals(u.kind())) {
                    provinceGso = u.gsoCode();
                }
                insert.setString(1, u.code());
                insert.setString(2, u.gsoCode());
                insert.setString(3, u.name());
                insert.setString(4, u.kind());
                if (parent == null) {
                    insert.setNull(5, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(5, parent);
                }
                added += insert.executeUpdate();
                if (u.gsoCode() != null) {
                    idByGso.remove(u.gsoCode());
                }
            }
            owner.commit();
            log.say("units.reference", units.size(), added, provinceGso);
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(auto);
        }
        return added;
    }

    private static Long lookup(Connection c, String gso) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tenant WHERE gso_code = ?")) {
            ps.setString(1, gso);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole reference tree, parents before children, with unique codes. */
    static List<Unit> referenceUnits() throws IOException {
        List<CSVRecord> rows = read(UNITS);
        List<Unit> result = new ArrayList<>();
        Map<String, Integer> slugCount = new HashMap<>();
        for (CSVRecord r : rows) {
            slugCount.merge(codeFor(r), 1, Integer::sum);
        }
        String provinceGso = null;
        for (CSVRecord r : rows) {
            String slug = codeFor(r);
            String code = slugCount.get(slug) > 1 ? slug + "-" + r.get("gso_code") : slug;
            String parent = r.get("parent_gso_code").isBlank() ? null : r.get("parent_gso_code");
            result.add(new Unit(code, r.get("gso_code"), nfc(r.get("name")), kind(r.get("unit_type")), parent));
            if (parent == null) {
                provinceGso = r.get("gso_code");
            }
        }
        if (provinceGso == null) {
            throw new IllegalStateException(UNITS + " has no province");
        }
        for (CSVRecord r : read(DEPARTMENTS)) {
            result.add(new Unit(r.get("short_code"), null, nfc(r.get("name")), r.get("kind"), provinceGso));
        }
        result.sort(Comparator.comparingInt(Units::depth));
        return result;
    }

    private static int depth(Unit u) {
        return switch (u.kind()) {
            case "province" -> 0;
            case "department", "agency", "board", "city", "district", "town" -> 1;
            default -> 2;
        };
    }

    private static String codeFor(CSVRecord r) {
        String name = nfc(r.get("name"));
        return "Tỉnh".equals(r.get("unit_type")) ? Slugs.of(name.replaceFirst("^Tỉnh\\s+", "")) : Slugs.of(name);
    }

    static String kind(String unitType) {
        return Slugs.kindOfUnitType(unitType)
                .orElseThrow(() -> new IllegalArgumentException("unknown unit type \"" + unitType + "\""));
    }

    static String nfc(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }

    private static List<CSVRecord> read(String resource) throws IOException {
        try (InputStream in = Units.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the provisioning jar");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).get().parse(reader).getRecords();
        }
    }
}
