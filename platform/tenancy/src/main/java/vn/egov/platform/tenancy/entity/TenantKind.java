package vn.egov.platform.tenancy.entity;

/**
 * What a unit is. Stored as the lower-case enum name. Its name in a page's language is the platform's text
 * {@code unitKind.<stored value>} ({@link #labelKey}); {@link #vietnamese} is the official name, the data the API's
 * {@code kindName} and the reorganisation report carry.
 */
public enum TenantKind {
    PROVINCE("Tỉnh"),
    DEPARTMENT("Sở"),
    AGENCY("Cơ quan"),
    BOARD("Ban"),
    CITY("Thành phố"),
    DISTRICT("Huyện"),
    TOWN("Thị xã"),
    WARD("Phường"),
    COMMUNE("Xã"),
    TOWNSHIP("Thị trấn");

    private final String vietnamese;

    TenantKind(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() { return vietnamese; }
    public String dbValue() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** The key of its name in the platform's texts ({@code unitKind.province}…), said in the reader's language. */
    public String labelKey() { return "unitKind." + dbValue(); }

    public static TenantKind fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
