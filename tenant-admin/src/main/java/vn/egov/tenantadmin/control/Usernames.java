package vn.egov.tenantadmin.control;

/** The one rule for usernames (the database checks the same pattern), for the validation annotations. */
public final class Usernames {
    public static final String PATTERN = "^[a-z0-9][a-z0-9._-]{2,63}$";
    public static final String MESSAGE = "Tên đăng nhập: 3–64 ký tự thường không dấu, chữ số, dấu chấm, gạch ngang / "
            + "username: 3-64 lower-case letters, digits, . _ -";
    public static final String REQUIRED = "Tên đăng nhập không được để trống / username is required";

    private Usernames() {
    }
}
