package vn.egov.platform.calendar.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.egov.platform.calendar.entity.SpecialDay;

/**
 * What the law gives for a year, before the government's decisions of that year: the public holidays of the
 * Labour Code 2019 (art. 112: 1/1; Tết Âm lịch, 5 days; Giỗ Tổ Hùng Vương, 10/3 âm lịch; 30/4; 1/5; Quốc khánh
 * 2/9 and a day next to it) and, for each holiday on a Saturday or Sunday, a day off on the next working day
 * (art. 112(3)). Which 5 days of Tết and which day next to 2/9 are the Prime Minister's choice every year; the
 * proposal takes the last day of the lunar year and mùng 1 to 4, and 3/9 (1/9 when 2/9 is a Tuesday, for a long
 * weekend). The province confirms or changes the proposal; until then deadlines use it.
 */
public final class StatutoryHolidays {

    private StatutoryHolidays() {
    }

    public static List<SpecialDay> propose(int year) {
        List<SpecialDay> holidays = new ArrayList<>();
        holidays.add(off(LocalDate.of(year, 1, 1), "Tết Dương lịch"));
        LocalDate tet = VietnameseLunar.newYear(year);
        holidays.add(off(tet.minusDays(1), "Tết Nguyên đán (ngày cuối năm âm lịch)"));
        for (int i = 0; i < 4; i++) {
            holidays.add(off(tet.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + ")"));
        }
        holidays.add(off(VietnameseLunar.toSolar(year, 3, 10, false), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        holidays.add(off(LocalDate.of(year, 4, 30), "Ngày Chiến thắng"));
        holidays.add(off(LocalDate.of(year, 5, 1), "Ngày Quốc tế lao động"));
        LocalDate national = LocalDate.of(year, 9, 2);
        holidays.add(off(national, "Quốc khánh"));
        holidays.add(off(national.getDayOfWeek() == DayOfWeek.TUESDAY ? national.minusDays(1) : national.plusDays(1), "Quốc khánh (ngày liền kề)"));
        holidays.sort(Comparator.comparing(SpecialDay::date));

        // a holiday on a weekend gives a day off on the next day that is neither a weekend nor already off
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<SpecialDay> all = new ArrayList<>(holidays);
        for (SpecialDay h : holidays) {
            if (h.weekend()) {
                LocalDate d = h.date().plusDays(1);
                while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || taken.contains(d)) {
                    d = d.plusDays(1);
                }
                taken.add(d);
                all.add(off(d, "Nghỉ bù " + h.name()));
            }
        }
        // a compensation of a late-December holiday could fall in the next year: this year keeps its own days only
        return all.stream().filter(d -> d.date().getYear() == year).sorted(Comparator.comparing(SpecialDay::date)).toList();
    }

    private static SpecialDay off(LocalDate date, String name) {
        return new SpecialDay(date, SpecialDay.Kind.DAY_OFF, name);
    }
}
