package vn.egov.platform.calendar.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import vn.egov.platform.calendar.entity.CalendarYear;
import vn.egov.platform.calendar.entity.SpecialDay;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.ProblemException;

/**
 * The stored calendar: a year the province confirmed, or else the statutory proposal. Years are kept in a grid
 * map (the calendar is the whole deployment's, so its key is the year) and dropped on every node when a year is
 * saved. Every deadline of the platform takes its {@link WorkingCalendar} from here.
 */
@ApplicationScoped
public class CalendarStore {
    static final String MAP = "egov-calendar-years";

    @Resource(lookup = "jdbc/egov")
    DataSource dataSource;

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** How long a node trusts its own copy of a year without hearing of a change (a missed event, at worst). */
    static final long LOCAL_MILLIS = 60_000;

    /**
     * This node's copies of the years, in front of the grid map (whose every read deserializes the year): dropped
     * when the grid says a year was saved or forgotten, on this node at once, and in any case after a minute.
     */
    private final Map<Integer, Local> local = new java.util.concurrent.ConcurrentHashMap<>();

    private record Local(CalendarYear year, long until) {
    }

    private volatile java.util.UUID listener;

    private IMap<Integer, CalendarYear> years() {
        return grid.getMap(MAP);
    }

    @jakarta.annotation.PostConstruct
    void listen() {
        listener = years().addEntryListener((com.hazelcast.map.listener.EntryRemovedListener<Integer, CalendarYear>) e -> local.remove(e.getKey()), false);
    }

    @jakarta.annotation.PreDestroy
    void stopListening() {
        java.util.UUID id = listener;
        if (id != null) {
            try {
                years().removeEntryListener(id);
            } catch (RuntimeException e) {
                // the grid is shutting down with the application: nothing left to listen to
            }
        }
    }

    /** The working days of the province, years read as a count reaches them. */
    public WorkingCalendar calendar() {
        return new WorkingCalendar(y -> year(y).days());
    }

    /** A year as deadlines use it: confirmed by the province, or the statutory proposal. */
    public CalendarYear year(int year) {
        check(year);
        long now = System.currentTimeMillis();
        Local mine = local.get(year);
        if (mine != null && mine.until() > now) {
            return mine.year();
        }
        IMap<Integer, CalendarYear> cache = years();
        CalendarYear y = cache.get(year);
        if (y == null) {
            y = load(year);
            cache.set(year, y);
        }
        local.put(year, new Local(y, now + LOCAL_MILLIS));
        return y;
    }

    public CalendarYear proposal(int year) {
        check(year);
        return new CalendarYear(year, StatutoryHolidays.propose(year), null, null, null);
    }

    /** Replaces the year's days with {@code days}, confirmed by {@code user}: all or nothing. */
    public CalendarYear save(int year, List<SpecialDay> days, String note, String user) {
        check(year);
        validate(year, days, note);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO calendar_year (year, confirmed_by, note) VALUES (?, ?, ?) "
                    + "ON CONFLICT (year) DO UPDATE SET confirmed_by = EXCLUDED.confirmed_by, confirmed_at = now(), note = EXCLUDED.note")) {
                ps.setInt(1, year);
                ps.setString(2, user);
                ps.setString(3, note == null || note.isBlank() ? null : note.strip());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM calendar_day WHERE year = ?")) {
                ps.setInt(1, year);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO calendar_day (day, year, kind, name) VALUES (?, ?, ?, ?)")) {
                for (SpecialDay d : days) {
                    ps.setObject(1, d.date());
                    ps.setInt(2, year);
                    ps.setString(3, d.kind().db());
                    ps.setString(4, java.text.Normalizer.normalize(d.name().strip(), java.text.Normalizer.Form.NFC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        forgetAfterCommit(year);
        return load(year);
    }

    /** Forgets the year's confirmation: deadlines go back to the statutory proposal. */
    public boolean unconfirm(int year) {
        check(year);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM calendar_year WHERE year = ?")) {
            ps.setInt(1, year);
            boolean removed = ps.executeUpdate() > 0;
            forgetAfterCommit(year);
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private CalendarYear load(int year) {
        try (Connection c = dataSource.getConnection()) {
            String by = null;
            java.time.Instant at = null;
            String note = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT confirmed_by, confirmed_at, note FROM calendar_year WHERE year = ?")) {
                ps.setInt(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return proposal(year);
                    }
                    by = rs.getString(1);
                    Timestamp t = rs.getTimestamp(2);
                    at = t == null ? null : t.toInstant();
                    note = rs.getString(3);
                }
            }
            List<SpecialDay> days = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, kind, name FROM calendar_day WHERE year = ? ORDER BY day")) {
                ps.setInt(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.add(new SpecialDay(rs.getObject(1, LocalDate.class), SpecialDay.Kind.fromDb(rs.getString(2)), rs.getString(3)));
                    }
                }
            }
            return new CalendarYear(year, days, by, at, note);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void forgetAfterCommit(int year) {
        local.remove(year);
        years().delete(year);
        if (transactions.getTransactionKey() != null) {
            // and again once committed: a node may have read the old year in between
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    local.remove(year);
                    years().delete(year);
                }
            });
        }
    }

    private static void check(int year) {
        if (year < 2000 || year > 2100) {
            throw invalid(new Fields().add("year", KEYS + "yearRange"));
        }
    }

    static void validate(int year, List<SpecialDay> days, String note) {
        Fields errors = problems(year, days, note, new Fields());
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    /**
     * What is wrong with a year's days, by field ({@code days[i].date}, {@code .kind}, {@code .name}, {@code note}),
     * added to {@code errors} for the fields that have none there yet (keys of the platform's texts); a null entry (an
     * item the caller could not even read) is skipped, so that indexes stay those of the input. Returns {@code errors}.
     */
    public static Fields problems(int year, List<SpecialDay> days, String note, Fields errors) {
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            SpecialDay d = days.get(i);
            if (d == null) {
                continue;
            }
            String at = "days[" + i + "]";
            if (d.date().getYear() != year) {
                putIfNone(errors, at + ".date", "notInYear", VN.format(d.date()), year);
            } else if (!seen.add(d.date())) {
                putIfNone(errors, at + ".date", "twice", VN.format(d.date()));
            }
            if (d.kind() == SpecialDay.Kind.WORKING_DAY && d.date().getDayOfWeek() != DayOfWeek.SATURDAY
                    && d.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
                putIfNone(errors, at + ".kind", "makeUpWeekday", VN.format(d.date()));
            }
            if (d.name().isBlank() || d.name().strip().length() > 200) {
                putIfNone(errors, at + ".name", "dayName");
            }
        }
        if (note != null && note.strip().length() > 500) {
            putIfNone(errors, "note", "note");
        }
        return errors;
    }

    private static void putIfNone(Fields errors, String field, String why, Object... args) {
        if (!errors.containsKey(field)) {
            errors.put(field, KEYS + why, args);
        }
    }

    /** Where the keys of the calendar's refusals start in the platform's texts. */
    public static final String KEYS = ProblemException.PLATFORM + "calendar.";

    static final java.time.format.DateTimeFormatter VN = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /**
     * A refused calendar, every problem by place (each a key of the platform's texts, {@value #KEYS}…): what the API and
     * the admin page answer, said in the reader's language.
     */
    public static ProblemException invalid(Fields errors) {
        return ProblemException.invalid(errors, "calendar.notSaved");
    }
}
