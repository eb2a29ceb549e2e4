package vn.egov.platform.calendar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.platform.calendar.entity.SpecialDay;

class StatutoryHolidaysTest {

    @Test
    void tetFollowsTheVietnameseLunarCalendarNotTheChineseOne() {
        assertEquals(LocalDate.parse("1985-01-21"), VietnameseLunar.newYear(1985), "a month before China's 20/02/1985");
        assertEquals(LocalDate.parse("2007-02-17"), VietnameseLunar.newYear(2007), "China: 18/02/2007");
        assertEquals(LocalDate.parse("2025-01-29"), VietnameseLunar.newYear(2025));
        assertEquals(LocalDate.parse("2026-02-17"), VietnameseLunar.newYear(2026));
        assertEquals(LocalDate.parse("2027-02-06"), VietnameseLunar.newYear(2027), "China: 07/02/2027");
        assertEquals(LocalDate.parse("2025-04-07"), VietnameseLunar.toSolar(2025, 3, 10, false), "Giỗ Tổ Hùng Vương 2025");
    }

    @Test
    void holidaysOnAWeekendGiveTheNextWorkingDaysOff() {
        // 2022: 30/4 a Saturday and 1/5 a Sunday: Monday 2/5 and Tuesday 3/5 off
        List<SpecialDay> y = StatutoryHolidays.propose(2022);
        assertTrue(has(y, "2022-05-02", "Nghỉ bù Ngày Chiến thắng"), y.toString());
        assertTrue(has(y, "2022-05-03", "Nghỉ bù Ngày Quốc tế lao động"), y.toString());
        // no compensation lands on a weekend or on another holiday
        y.stream().filter(d -> d.name().startsWith("Nghỉ bù")).forEach(d -> assertTrue(!d.weekend(), d.toString()));
        assertEquals(y.size(), y.stream().map(SpecialDay::date).distinct().count(), "one entry per day");
    }

    @Test
    void aYearsProposalHasTheElevenStatutoryDaysAndTheirCompensations() {
        List<SpecialDay> y = StatutoryHolidays.propose(2026);
        assertEquals(11, y.stream().filter(d -> !d.name().startsWith("Nghỉ bù")).count(), y.toString());
        assertTrue(has(y, "2026-02-16", "Tết Nguyên đán (ngày cuối năm âm lịch)"));
        assertTrue(has(y, "2026-02-20", "Tết Nguyên đán (mùng 4)"));
        assertTrue(y.stream().allMatch(d -> d.date().getYear() == 2026 && d.kind() == SpecialDay.Kind.DAY_OFF));
        // Giỗ Tổ 2026 (10/3 âm lịch) is Sunday 26/04: Monday 27/04 off
        assertTrue(has(y, "2026-04-26", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"), y.toString());
        assertTrue(has(y, "2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)"), y.toString());
    }

    static boolean has(List<SpecialDay> days, String date, String name) {
        return days.stream().anyMatch(d -> d.date().equals(LocalDate.parse(date)) && d.name().equals(name));
    }
}
