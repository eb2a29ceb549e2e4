package vn.egov.platform.tenancy.reorg;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One unit handing its records to its successor in a plan.
 *
 * @param from      the unit that ends
 * @param fromCode  its code (the code it had when the plan began)
 * @param to        the successor (an existing unit or one the plan has just created)
 * @param toCode    the successor's code
 * @param planId    the plan's row (for history written by a rule)
 * @param effective the day from which the successor acts for the ended unit (registers close the day before)
 * @param admins    what the ended unit's administrators become: {@link Admins#STAFF} unless the plan says otherwise
 * @param site      whether the successor's site takes this unit's menu and theme (the plan says so)
 */
public record Handover(long from, String fromCode, long to, String toCode, long planId, LocalDate effective,
                       Admins admins, boolean site) {

    /** What an ended unit's administrators become in the successor. */
    public enum Admins {
        /** administrators of the successor, with the rights they had */
        ADMINS,
        /** staff of the successor, without administrator rights (the default) */
        STAFF,
        /** nothing: the account stays (its history names it) but holds no role and cannot log in */
        NONE;

        public static Admins parse(String value) {
            if (value == null || value.isBlank()) {
                return STAFF;
            }
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "admins", "admin", "administrators" -> ADMINS;
                case "staff" -> STAFF;
                case "none" -> NONE;
                default -> throw new IllegalArgumentException(value);
            };
        }
    }

    public Handover {
        Objects.requireNonNull(fromCode, "fromCode");
        Objects.requireNonNull(toCode, "toCode");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(admins, "admins");
    }
}
