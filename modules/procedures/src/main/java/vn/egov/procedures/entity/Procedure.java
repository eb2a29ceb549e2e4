package vn.egov.procedures.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A procedure as the catalogue lists it: its code, name, sector, the level of the agency that carries it out, its
 * online level (Decree 42/2022: full or partial), its time limit in working days, its current version, and the
 * unit that publishes it ({@code ownerId}: the province for the master catalogue).
 */
public record Procedure(long id, long ownerId, String code, String name, String sector, Level level, OnlineLevel onlineLevel,
                        BigDecimal timeLimitDays, int currentVersion) {

    public enum Level {
        PROVINCE, DISTRICT, COMMUNE;

        public String db() {
            return name().toLowerCase();
        }

        /** The level of procedures a unit of this kind carries out (the tenant table's kinds). */
        public static Level ofUnitKind(String kind) {
            return switch (kind) {
                case "ward", "commune", "township" -> COMMUNE;
                case "city", "district", "town" -> DISTRICT;
                default -> PROVINCE;
            };
        }

        /** The key of its name in the procedures' texts ({@code level.PROVINCE}: "cấp tỉnh"). */
        public String key() {
            return "level." + name();
        }
    }

    public enum OnlineLevel {
        FULL, PARTIAL;

        public String db() {
            return name().toLowerCase();
        }
    }

    public Procedure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(onlineLevel, "onlineLevel");
        Objects.requireNonNull(timeLimitDays, "timeLimitDays");
    }
}
