package vn.egov.platform.calendar.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A year of the calendar: its special days, and whether the province has confirmed them ({@code confirmedBy}
 * set) or they are only the statutory proposal (the law's holidays, with Tết and Giỗ Tổ from the lunar
 * calendar) that deadlines use until someone confirms the year.
 */
public record CalendarYear(int year, List<SpecialDay> days, String confirmedBy, Instant confirmedAt, String note)
        implements java.io.Serializable {
    public CalendarYear {
        Objects.requireNonNull(days, "days");
        days = List.copyOf(days);
    }

    public boolean confirmed() {
        return confirmedBy != null;
    }
}
