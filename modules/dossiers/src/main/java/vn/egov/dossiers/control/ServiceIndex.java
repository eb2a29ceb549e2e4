package vn.egov.dossiers.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The service-quality index of Decision 766/QĐ-TTg (23/06/2022, the index for directing, running and assessing the
 * service of citizens and businesses in administrative procedures and public services, in real time, online): 100
 * points in six components. This platform scores the components its own data holds, each as the share the decision
 * measures times the component's points, and names the others as not known to it, never guessing a number:
 * <ul>
 * <li>publicity and transparency (18): whether procedures are published and kept up to date on the National Public
 * Service Portal's database on time, and dossiers' progress published there: known to the national portal, not here;</li>
 * <li>progress of handling (20): results given early or on time among the results of the period;</li>
 * <li>online service (12): dossiers received online among those received in the period;</li>
 * <li>online payment (10): payment requests (dossiers owing fees) paid online among those of the period; fees paid in
 * cash at the counter are not recorded here, so they count as not paid online;</li>
 * <li>digitisation (22): dossiers whose papers are stored as files among those received, and results given as a file
 * among the results, together; the reuse of digitised results in other procedures is not known here;</li>
 * <li>satisfaction (18): ratings of 4 or 5 (of 5) among the applicants' ratings of the period on this platform; the
 * decision's survey outside the platform is not known here.</li>
 * </ul>
 * A component without anything to measure in the period (no result, no dossier, no fee, no rating) is not known either.
 */
public final class ServiceIndex {
    /** The components in the decision's order: their keys (texts {@code index.<key>}) and points. */
    public static final List<String> KEYS = List.of("publicity", "progress", "online", "payment", "digitisation", "satisfaction");
    public static final List<Integer> POINTS = List.of(18, 20, 12, 10, 22, 18);

    private ServiceIndex() {
    }

    /** The counts a row's index is computed from, beside the one-stop figures. */
    public record Counts(Statistics.Row base, long online, long papersDigitised, long resultsDigitised, long feesOwed, long feesPaid,
                         long rated, long satisfied) {
        public static final Counts ZERO = new Counts(new Statistics.Row(0, "", "", 0, 0, 0, 0, 0, 0, 0, 0, 0), 0, 0, 0, 0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(base.plus(o.base), online + o.online, papersDigitised + o.papersDigitised, resultsDigitised + o.resultsDigitised,
                    feesOwed + o.feesOwed, feesPaid + o.feesPaid, rated + o.rated, satisfied + o.satisfied);
        }
    }

    /**
     * A component's score: {@code points} out of {@code max} from {@code part} of {@code whole}; {@code points} null
     * when not known, {@code why} then the key of the reason ({@code index.unknown.*}).
     */
    public record Component(String key, int max, BigDecimal points, long part, long whole, String why) {
        public boolean known() {
            return points != null;
        }
    }

    /** A row's index: its components, the points of the known ones and their maximum. */
    public record Score(List<Component> components, BigDecimal points, int knownMax) {
    }

    public static Score score(Counts c) {
        Statistics.Row b = c.base();
        List<Component> out = new ArrayList<>();
        out.add(new Component("publicity", 18, null, 0, 0, "index.unknown.publicity"));
        out.add(share("progress", 20, b.early() + b.onTime(), b.done(), "index.unknown.noResults"));
        out.add(share("online", 12, c.online(), b.received(), "index.unknown.noDossiers"));
        out.add(share("payment", 10, c.feesPaid(), c.feesOwed(), "index.unknown.noFees"));
        out.add(share("digitisation", 22, c.papersDigitised() + c.resultsDigitised(), b.received() + b.done(), "index.unknown.noDossiers"));
        out.add(share("satisfaction", 18, c.satisfied(), c.rated(), "index.unknown.noRatings"));
        BigDecimal points = BigDecimal.ZERO.setScale(1);
        int max = 0;
        for (Component k : out) {
            if (k.known()) {
                points = points.add(k.points());
                max += k.max();
            }
        }
        return new Score(List.copyOf(out), points, max);
    }

    private static Component share(String key, int max, long part, long whole, String why) {
        if (whole == 0) {
            return new Component(key, max, null, part, whole, why);
        }
        BigDecimal points = BigDecimal.valueOf(part * (long) max).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        return new Component(key, max, points, part, whole, null);
    }
}
