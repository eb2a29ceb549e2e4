package vn.egov.platform.search;

/** Who may find an indexed item. The search service turns the logged-in subject into a filter on this. */
public enum Visibility {
    /** Anyone, without logging in (portal content, public procedures). */
    PUBLIC,
    /** The staff of the item's unit, and those whose rights reach the unit from above (subtree rights). */
    STAFF,
    /** Only the readers named on the item: people ({@code user:<id>}) or roles of the unit ({@code role:<ROLE>}). */
    RESTRICTED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Visibility ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
