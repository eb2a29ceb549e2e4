package vn.egov.platform.tenancy.entity;

/** What a unit is, with its Vietnamese and English names. Stored as the lower-case enum name. */
public enum TenantKind {
    PROVINCE("Tỉnh", "Province"),
    DEPARTMENT("Sở", "Department"),
    AGENCY("Cơ quan", "Agency"),
    BOARD("Ban", "Board"),
    CITY("Thành phố", "City"),
    DISTRICT("Huyện", "District"),
    TOWN("Thị xã", "Town"),
    WARD("Phường", "Ward"),
    COMMUNE("Xã", "Commune"),
    TOWNSHIP("Thị trấn", "Township");

    private final String vietnamese;
    private final String english;

    TenantKind(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
    public String dbValue() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static TenantKind fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
