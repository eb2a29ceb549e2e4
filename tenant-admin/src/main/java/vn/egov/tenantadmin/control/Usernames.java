package vn.egov.tenantadmin.control;

/** The one rule for usernames (the database checks the same pattern), for the validation annotations. */
public final class Usernames {
    public static final String PATTERN = "^[a-z0-9][a-z0-9._-]{2,63}$";
    /** The messages' keys in the module's validation bundle. */
    public static final String MESSAGE = "{invalid.username-form}";
    public static final String REQUIRED = "{invalid.username-required}";

    private Usernames() {
    }
}
