package vn.egov.platform.calendar.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A day that does not follow the weekly rule (Monday to Friday work, Saturday and Sunday off): a public holiday
 * or a day off moved there by the government ({@link Kind#DAY_OFF}), or a Saturday or Sunday worked in exchange
 * ({@link Kind#WORKING_DAY}).
 */
public record SpecialDay(LocalDate date, Kind kind, String name) implements java.io.Serializable {

    public enum Kind {
        DAY_OFF, WORKING_DAY;

        public String db() {
            return name().toLowerCase();
        }

        public static Kind fromDb(String s) {
            return valueOf(s.toUpperCase());
        }
    }

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public boolean weekend() {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
