package vn.egov.platform.calendar.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import vn.egov.platform.calendar.entity.SpecialDay;

/**
 * Working days: Monday to Friday, except the days off of the calendar, plus the Saturdays and Sundays it makes
 * working days. Deadlines are counted the way the one-stop rules count a time limit "N ngày làm việc": the day
 * of receipt is not counted, the deadline is the N-th working day after it. Years are asked of the source when
 * first needed, so a deadline may run into the next year. Not thread-safe: one instance per computation.
 */
public final class WorkingCalendar {
    /** Longer than any legal time limit: a guard against a calendar with no working day at all. */
    static final int MAX_DAYS = 3660;

    private final IntFunction<Collection<SpecialDay>> years;
    private final Map<Integer, Map<LocalDate, SpecialDay>> loaded = new HashMap<>();

    /** A calendar whose special days of each year come from {@code years} (asked once per year). */
    public WorkingCalendar(IntFunction<Collection<SpecialDay>> years) {
        this.years = Objects.requireNonNull(years, "years");
    }

    /** A calendar of just these special days (any years), for tests and previews. */
    public static WorkingCalendar of(Collection<SpecialDay> days) {
        Map<Integer, java.util.List<SpecialDay>> byYear = new HashMap<>();
        days.forEach(d -> byYear.computeIfAbsent(d.date().getYear(), y -> new java.util.ArrayList<>()).add(d));
        return new WorkingCalendar(y -> byYear.getOrDefault(y, java.util.List.of()));
    }

    /** The special day on {@code date}, if the calendar has one (a holiday's name, a make-up working day). */
    public java.util.Optional<SpecialDay> special(LocalDate date) {
        return java.util.Optional.ofNullable(year(date.getYear()).get(date));
    }

    public boolean isWorkingDay(LocalDate date) {
        SpecialDay s = year(date.getYear()).get(date);
        if (s != null) {
            return s.kind() == SpecialDay.Kind.WORKING_DAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** {@code date} if it is a working day, else the next one. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        for (int i = 0; !isWorkingDay(d); i++) {
            guard(i);
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The {@code n}-th working day after {@code start} ({@code start} itself not counted, whether or not it is a
     * working day): the deadline of a time limit of {@code n} working days from a receipt on {@code start}.
     * {@code n = 0} gives {@code start}.
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a time limit is not negative: " + n);
        }
        LocalDate d = start;
        int counted = 0;
        for (int i = 0; counted < n; i++) {
            guard(i);
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * Working days after {@code from} up to and including {@code to}; negative when {@code to} comes first (how
     * many working days late a result was, or how many remain).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int n = 0;
        LocalDate d = from;
        for (int i = 0; d.isBefore(to); i++) {
            guard(i);
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    private Map<LocalDate, SpecialDay> year(int year) {
        return loaded.computeIfAbsent(year, y -> {
            Map<LocalDate, SpecialDay> m = new HashMap<>();
            for (SpecialDay s : years.apply(y)) {
                if (s.date().getYear() == y) {
                    m.put(s.date(), s);
                }
            }
            return m;
        });
    }

    private static void guard(int i) {
        if (i > MAX_DAYS * 2) {
            throw new IllegalStateException("no working day within ten years: the calendar is wrong");
        }
    }
}
