package vn.egov.platform.calendar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.platform.calendar.entity.SpecialDay;

class WorkingCalendarTest {

    static SpecialDay off(String date, String name) {
        return new SpecialDay(LocalDate.parse(date), SpecialDay.Kind.DAY_OFF, name);
    }

    /** Tết Bính Ngọ as a province would configure it: Saturday 14/02 to Sunday 22/02/2026, the weekdays off. */
    static List<SpecialDay> tet2026() {
        List<SpecialDay> days = new ArrayList<>();
        for (int d = 16; d <= 20; d++) {
            days.add(off("2026-02-" + d, "Tết Nguyên đán"));
        }
        return days;
    }

    @Test
    void aTimeLimitRunningIntoTetWaitsForTheEndOfTheHoliday() {
        WorkingCalendar c = WorkingCalendar.of(tet2026());
        // received on Thursday 12/02/2026, 5 working days: Fri 13, then Mon 23 to Thu 26
        assertEquals(LocalDate.parse("2026-02-26"), c.plusWorkingDays(LocalDate.parse("2026-02-12"), 5));
        assertFalse(c.isWorkingDay(LocalDate.parse("2026-02-17")), "mùng 1 Tết");
        assertFalse(c.isWorkingDay(LocalDate.parse("2026-02-21")), "a Saturday");
        assertTrue(c.isWorkingDay(LocalDate.parse("2026-02-23")));
        assertEquals(LocalDate.parse("2026-02-23"), c.onOrAfter(LocalDate.parse("2026-02-14")));
        assertEquals(1, c.workingDaysBetween(LocalDate.parse("2026-02-13"), LocalDate.parse("2026-02-23")), "the whole of Tết is one working day");
        assertEquals(-1, c.workingDaysBetween(LocalDate.parse("2026-02-23"), LocalDate.parse("2026-02-13")));
    }

    @Test
    void aSaturdayMadeAWorkingDayCountsAndTheDayItReplacesDoesNot() {
        List<SpecialDay> days = new ArrayList<>(tet2026());
        days.add(new SpecialDay(LocalDate.parse("2026-02-07"), SpecialDay.Kind.WORKING_DAY, "Làm bù"));
        days.add(off("2026-02-13", "Nghỉ (đã làm bù thứ Bảy 07/02)"));
        WorkingCalendar c = WorkingCalendar.of(days);
        assertTrue(c.isWorkingDay(LocalDate.parse("2026-02-07")));
        // received Friday 06/02, 2 working days: Saturday 07 (worked), Monday 09
        assertEquals(LocalDate.parse("2026-02-09"), c.plusWorkingDays(LocalDate.parse("2026-02-06"), 2));
        // received Thursday 12/02, 1 working day: Friday 13 is now off, then all of Tết: Monday 23
        assertEquals(LocalDate.parse("2026-02-23"), c.plusWorkingDays(LocalDate.parse("2026-02-12"), 1));
    }

    @Test
    void aDeadlineCrossesTheNewYearIntoTheNextYearsCalendar() {
        // the calendar of each year is asked for when the count reaches it
        List<Integer> asked = new ArrayList<>();
        WorkingCalendar c = new WorkingCalendar(year -> {
            asked.add(year);
            return StatutoryHolidays.propose(year);
        });
        // received Tuesday 29/12/2026, 3 working days: Wed 30, Thu 31, (Fri 01/01/2027 Tết Dương lịch), Mon 04/01/2027
        assertEquals(LocalDate.parse("2027-01-04"), c.plusWorkingDays(LocalDate.parse("2026-12-29"), 3));
        assertEquals(List.of(2026, 2027), asked);
        assertEquals(3, c.workingDaysBetween(LocalDate.parse("2026-12-29"), LocalDate.parse("2027-01-04")));
    }

    @Test
    void zeroDaysIsTheSameDayAndNegativeLimitsAreRefused() {
        WorkingCalendar c = WorkingCalendar.of(List.of());
        assertEquals(LocalDate.parse("2026-11-28"), c.plusWorkingDays(LocalDate.parse("2026-11-28"), 0));
        // received on a Saturday: the count starts from Monday
        assertEquals(LocalDate.parse("2026-11-30"), c.plusWorkingDays(LocalDate.parse("2026-11-28"), 1));
        assertThrows(IllegalArgumentException.class, () -> c.plusWorkingDays(LocalDate.parse("2026-11-28"), -1));
    }

    @Test
    void aCalendarWithoutAnyWorkingDayIsAnErrorNotAnEndlessLoop() {
        WorkingCalendar c = new WorkingCalendar(year -> {
            List<SpecialDay> all = new ArrayList<>();
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                all.add(new SpecialDay(d, SpecialDay.Kind.DAY_OFF, "nghỉ"));
            }
            return all;
        });
        assertThrows(IllegalStateException.class, () -> c.plusWorkingDays(LocalDate.parse("2026-01-01"), 1));
    }
}
