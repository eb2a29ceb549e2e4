package vn.egov.platform.security;

/** The roles of the platform, as stored in {@code app_user.roles}. */
public enum Role {
    /** Acts anywhere in the tree. */
    PROVINCE_ADMIN("Quản trị tỉnh"),
    /** Administers their own unit and, if granted subtree rights, its sub-units. */
    UNIT_ADMIN("Quản trị đơn vị"),
    /** Works in the modules of their unit. */
    STAFF("Cán bộ"),
    /** A citizen or business: no access to any unit's internal data. */
    CITIZEN("Công dân"),
    /** Writes the unit's portal articles and submits them for review; edits its pages, menus and categories. */
    EDITOR("Biên tập viên"),
    /** Reviews submitted articles: publishes them or returns them with a comment; may also edit. */
    APPROVER("Người duyệt bài");

    private final String vietnamese;

    Role(String vietnamese) { this.vietnamese = vietnamese; }

    public String vietnamese() { return vietnamese; }
}
