package vn.egov.dossiers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.egov.platform.calendar.control.WorkingCalendar;
import vn.egov.platform.calendar.entity.SpecialDay;

class ReceiptDayTest {
    // Tết 2027: days off from Friday 05/02 to Sunday 14/02 (as a province might confirm them)
    static final WorkingCalendar CAL = WorkingCalendar.of(java.util.stream.Stream.iterate(LocalDate.of(2027, 2, 5), d -> d.plusDays(1)).limit(10)
            .map(d -> new SpecialDay(d, SpecialDay.Kind.DAY_OFF, "Tết Nguyên đán")).toList());

    @Test
    void aDossierReceivedDuringWorkingHoursCountsFromThatDay() {
        assertEquals(LocalDate.of(2026, 11, 27), Intake.countedFrom(CAL, LocalDateTime.of(2026, 11, 27, 16, 59)));
    }

    @Test
    void inTheEveningAtAWeekendOrOverTetItCountsFromTheNextWorkingDay() {
        assertEquals(LocalDate.of(2026, 11, 30), Intake.countedFrom(CAL, LocalDateTime.of(2026, 11, 27, 17, 0)), "Friday evening: Monday");
        assertEquals(LocalDate.of(2026, 11, 30), Intake.countedFrom(CAL, LocalDateTime.of(2026, 11, 28, 9, 0)), "Saturday: Monday");
        assertEquals(LocalDate.of(2027, 2, 15), Intake.countedFrom(CAL, LocalDateTime.of(2027, 2, 4, 20, 30)), "the evening before Tết: after it");
        assertEquals(LocalDate.of(2027, 2, 15), Intake.countedFrom(CAL, LocalDateTime.of(2027, 2, 10, 10, 0)), "during Tết: after it");
        // and the due date of a 3-day procedure received on the eve of Tết lands three working days after it
        assertEquals(LocalDate.of(2027, 2, 18), CAL.plusWorkingDays(Intake.countedFrom(CAL, LocalDateTime.of(2027, 2, 4, 20, 30)), 3));
    }

}
