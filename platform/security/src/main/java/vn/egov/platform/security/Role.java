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
    APPROVER("Người duyệt bài"),
    /**
     * One-stop duties: who ends which step of a dossier's process (the step's role in the procedure's process).
     * Each gives its holder the dossiers of their own unit; an administrator or plain staff member without the
     * duty reads a dossier but does not end its steps.
     */
    RECEIVER("Cán bộ tiếp nhận, trả kết quả"),
    /** Handles dossiers (and the dossiers another agency transferred to the unit). */
    HANDLER("Chuyên viên xử lý hồ sơ"),
    /** Approves and signs: the leader's steps, and refusals. */
    LEADER("Lãnh đạo phê duyệt"),
    /**
     * The clerk (văn thư) of official documents: numbers and issues the unit's outgoing documents, receives and
     * registers incoming ones. Counts in their own unit only.
     */
    CLERK("Văn thư");

    private final String vietnamese;

    Role(String vietnamese) { this.vietnamese = vietnamese; }

    public String vietnamese() { return vietnamese; }

    /** One of the one-stop duties ({@link #RECEIVER}, {@link #HANDLER}, {@link #LEADER}). */
    public boolean isDuty() { return this == RECEIVER || this == HANDLER || this == LEADER; }
}
