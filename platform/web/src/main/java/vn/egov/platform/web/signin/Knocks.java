package vn.egov.platform.web.signin;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How often one may knock at the doors open to anyone (sign up, ask for a password link): counters in the cluster's
 * data grid (so two nodes count together), one per door and caller, forgotten an hour after the first knock. They hold
 * an address or a hash of one and a number, no tenant data.
 */
@ApplicationScoped
public class Knocks {
    /** Sign-ups from one network address in an hour. */
    public static final int SIGN_UPS_PER_HOUR = 5;
    /** Password links asked for from one network address in an hour. */
    public static final int RESETS_PER_ADDRESS = 10;
    /** Password links sent to one e-mail address in an hour. */
    public static final int RESETS_PER_EMAIL = 3;

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    /** Counts a knock at {@code door} by {@code who}; false (and not counted) once {@code max} were made in the hour. */
    public boolean allowed(String door, String who, int max) {
        IMap<String, Integer> counts = grid.getMap("egov-knocks");
        String key = door + "|" + who.toLowerCase(Locale.ROOT);
        counts.lock(key);
        try {
            Integer n = counts.get(key);
            if (n != null && n >= max) {
                return false;
            }
            if (n == null) {
                counts.set(key, 1, 1, TimeUnit.HOURS);
            } else {
                // the hour runs from the first knock: the count goes up, its expiry stays
                long left = Math.max(1, counts.getEntryView(key).getExpirationTime() - System.currentTimeMillis());
                counts.set(key, n + 1, left, TimeUnit.MILLISECONDS);
            }
            return true;
        } finally {
            counts.unlock(key);
        }
    }
}
