package vn.egov.platform.calendar.control;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The Vietnamese lunar calendar (âm lịch): ICU's Chinese calendar with its astronomy computed at UTC+7 instead of
 * Beijing's UTC+8, which is what makes Tết fall on another day than the Chinese New Year in some years (21/01/1985
 * against 20/02/1985; 17/02/2007 against 18/02/2007; 06/02/2027 against 07/02/2027).
 */
public final class VietnameseLunar extends ChineseCalendar {
    private static final long serialVersionUID = 1L;
    static final TimeZone VIETNAM = new SimpleTimeZone(7 * 3_600_000, "GMT+07:00");
    /** ICU's Chinese epoch: its extended year is the Gregorian year of the lunar new year plus this. */
    private static final int EXTENDED_YEAR_OFFSET = 2637;

    private VietnameseLunar() {
        super(VIETNAM, ULocale.ROOT, -2636, VIETNAM);
    }

    /**
     * The solar date of lunar {@code day}/{@code month} of the lunar year that begins in the Gregorian
     * {@code year} ({@code leapMonth}: the intercalary month of that number).
     */
    public static LocalDate toSolar(int year, int month, int day, boolean leapMonth) {
        VietnameseLunar c = new VietnameseLunar();
        c.clear();
        c.set(EXTENDED_YEAR, year + EXTENDED_YEAR_OFFSET);
        c.set(MONTH, month - 1);
        c.set(IS_LEAP_MONTH, leapMonth ? 1 : 0);
        c.set(DAY_OF_MONTH, day);
        LocalDate solar = Instant.ofEpochMilli(c.getTimeInMillis()).atOffset(ZoneOffset.ofHours(7)).toLocalDate();
        if (c.get(MONTH) != month - 1 || c.get(DAY_OF_MONTH) != day) {
            throw new IllegalArgumentException("no lunar day " + day + "/" + month + (leapMonth ? " (nhuận)" : "") + " in " + year);
        }
        return solar;
    }

    /** Mùng 1 Tết: the first day of the lunar year that begins in {@code year}. */
    public static LocalDate newYear(int year) {
        return toSolar(year, 1, 1, false);
    }
}
