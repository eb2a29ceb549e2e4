package vn.egov.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The one way the tests wait for something asynchronous (an index catching up, a worker sending, another node
 * seeing a change, a page showing a job done): no hand-written polling loops and no fixed sleeps elsewhere.
 * Built on Awaitility: the probe runs at once and then every {@link #POLL} (or the given interval), in the test's
 * own thread; a timeout fails with what was awaited and the last value seen. No exception is ignored: one thrown
 * by the probe (an assertion included) fails the test at once, so a probe that must tolerate e.g. a 503 while a
 * service comes back says so itself.
 */
final class Wait {
    /** How often a probe runs unless a call says otherwise. */
    static final Duration POLL = Duration.ofMillis(250);

    private Wait() {
    }

    /** Waits until the condition is true; fails after {@code atMost}. */
    static void until(String what, Duration atMost, Callable<Boolean> condition) {
        until(what, atMost, POLL, condition, Boolean.TRUE::equals);
    }

    /** Probes until a value satisfies {@code done} and returns that value; fails after {@code atMost} with the last one. */
    static <T> T until(String what, Duration atMost, Callable<T> probe, Predicate<T> done) {
        return until(what, atMost, POLL, probe, done);
    }

    /** The same, probing every {@code every} (for probes that are heavy, or a moment that must not be missed). */
    static <T> T until(String what, Duration atMost, Duration every, Callable<T> probe, Predicate<T> done) {
        return awaiting(what, atMost, every).until(probe, done);
    }

    /**
     * Probes until a value satisfies {@code done} and returns it, or, after {@code atMost}, returns the last value
     * seen without failing: for waits that only let something settle, where the caller asserts on what it got.
     */
    static <T> T untilOrLast(String what, Duration atMost, Duration every, Callable<T> probe, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return awaiting(what, atMost, every).until(() -> {
                T value = probe.call();
                last.set(value);
                return value;
            }, done);
        } catch (ConditionTimeoutException timeout) {
            return last.get(); // the probe runs at least once, even with a deadline already passed
        }
    }

    /**
     * Checks that something does NOT happen: the probed value satisfies {@code holds} the whole {@code period}
     * long (probed every {@link #POLL}), failing as soon as it stops holding for good. The one legitimate fixed
     * wait, e.g. "not tried again by itself within 2.5 s"; returns the last value.
     */
    static <T> T during(String what, Duration period, Callable<T> probe, Predicate<T> holds) {
        return awaiting(what, period.plusSeconds(1), POLL).during(period).until(probe, holds);
    }

    private static ConditionFactory awaiting(String what, Duration atMost, Duration every) {
        // a deadline already passed (a wait sharing its time with an earlier one) still probes once
        Duration limit = atMost.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : atMost;
        return Awaitility.await(what)
                .atMost(limit)
                .pollDelay(Duration.ZERO)
                .pollInterval(every)
                .pollInSameThread()
                .dontCatchUncaughtExceptions();
    }
}
