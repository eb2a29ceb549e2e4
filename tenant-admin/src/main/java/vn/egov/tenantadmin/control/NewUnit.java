package vn.egov.tenantadmin.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A unit to create under the request's unit, with its first administrator. */
public record NewUnit(
        @NotBlank(message = "Mã đơn vị không được để trống / code is required")
        @Size(max = 63, message = "Mã đơn vị dài tối đa 63 ký tự / code is at most 63 characters")
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "Mã đơn vị chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ xa-ban-vuoc / code: lower-case letters, digits and single hyphens")
        String code,
        @NotBlank(message = "Tên đơn vị không được để trống / name is required")
        @Size(max = 200, message = "Tên đơn vị dài tối đa 200 ký tự / name is at most 200 characters") String name,
        @NotNull(message = "Loại đơn vị là bắt buộc / kind is required")
        @Pattern(regexp = "province|department|agency|board|city|district|town|ward|commune|township",
                message = "Loại đơn vị phải là một trong: province, department, agency, board, city, district, town, ward, commune, township")
        String kind,
        @Pattern(regexp = "^[0-9]{2,5}$", message = "Mã GSO gồm 2 đến 5 chữ số / GSO code: 2 to 5 digits") String gsoCode,
        @Size(max = 253) @Pattern(regexp = "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$",
                message = "Tên miền riêng không hợp lệ, ví dụ banvuoc.laocai.gov.vn / custom domain is not a valid host name")
        String customDomain,
        @Size(max = 300, message = "Địa chỉ dài tối đa 300 ký tự / address is at most 300 characters") String address,
        @Size(max = 40, message = "Số điện thoại dài tối đa 40 ký tự / phone is at most 40 characters") String phone,
        @Email(message = "Thư điện tử không hợp lệ / email is not valid") @Size(max = 254) String email,
        @NotNull(message = "Cần khai báo quản trị viên đầu tiên / the first administrator is required") @Valid FirstAdmin firstAdmin) {

    /**
     * The unit's first administrator: either a one-time password, generated and shown once, or ({@code invite})
     * an invitation link with which they choose their own password (valid 7 days, once).
     *
     * <p>A caller that must not lose them (the bulk import writes them to its file before sending) may give the
     * one-time password ({@code oneTimePassword}, still to be changed at first use) or the invitation's token
     * ({@code invitationToken}: 32 random bytes, base64url) itself; only a caller allowed to create the unit gets
     * this far, and a value of the wrong form is refused with nothing created.
     */
    public record FirstAdmin(
            @NotBlank(message = Usernames.REQUIRED) @Pattern(regexp = Usernames.PATTERN, message = Usernames.MESSAGE)
            String username,
            @NotBlank(message = "Họ tên không được để trống / display name is required")
            @Size(max = 200, message = "Họ tên dài tối đa 200 ký tự / display name is at most 200 characters") String displayName,
            boolean subtreeRights,
            boolean invite,
            @Pattern(regexp = ONE_TIME_PASSWORD, message = "Mật khẩu một lần gồm 16–64 chữ cái không dấu và chữ số / "
                    + "one-time password: 16-64 letters and digits")
            String oneTimePassword,
            @Pattern(regexp = INVITATION_TOKEN, message = "Mã lời mời gồm đúng 43 ký tự base64url (32 byte ngẫu nhiên) / "
                    + "invitation token: 43 base64url characters (32 random bytes)")
            String invitationToken) {

        public static final String ONE_TIME_PASSWORD = "^[A-Za-z0-9]{16,64}$";
        public static final String INVITATION_TOKEN = "^[A-Za-z0-9_-]{43}$";

        /** A one-time password given with {@code invite}, or a token without it: which one is meant? */
        @jakarta.json.bind.annotation.JsonbTransient
        @jakarta.validation.constraints.AssertTrue(message = "Mật khẩu một lần đi với tài khoản không mời, mã lời mời đi với invite: true / "
                + "oneTimePassword goes without invite, invitationToken with invite: true")
        public boolean isConsistent() {
            return invite ? oneTimePassword == null : invitationToken == null;
        }
    }
}
