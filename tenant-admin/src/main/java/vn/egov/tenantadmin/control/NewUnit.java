package vn.egov.tenantadmin.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A unit to create under the request's unit, with its first administrator. */
public record NewUnit(
        @NotBlank(message = "{invalid.code-is-required}")
        @Size(max = 63, message = "{invalid.code-is-at-most-63-characters}")
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "{invalid.code-form-example}")
        String code,
        @NotBlank(message = "{invalid.name-is-required}")
        @Size(max = 200, message = "{invalid.name-is-at-most-200-characters}") String name,
        @NotNull(message = "{invalid.kind-is-required}")
        @Pattern(regexp = "province|department|agency|board|city|district|town|ward|commune|township",
                message = "{invalid.kind-unknown}")
        String kind,
        @Pattern(regexp = "^[0-9]{2,5}$", message = "{invalid.gso-code-2-to-5-digits}") String gsoCode,
        @Size(max = 253) @Pattern(regexp = "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$",
                message = "{invalid.custom-domain-is-not-a-valid}")
        String customDomain,
        @Size(max = 300, message = "{invalid.address-is-at-most-300-characters}") String address,
        @Size(max = 40, message = "{invalid.phone-is-at-most-40-characters}") String phone,
        @Email(message = "{invalid.email-is-not-valid}") @Size(max = 254) String email,
        @NotNull(message = "{invalid.the-first-administrator-is-required}") @Valid FirstAdmin firstAdmin) {

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
            @NotBlank(message = "{invalid.full-name-is-required}")
            @Size(max = 200, message = "{invalid.full-name-too-long}") String displayName,
            boolean subtreeRights,
            boolean invite,
            @Pattern(regexp = ONE_TIME_PASSWORD, message = "{invalid.one-time-password-form}")
            String oneTimePassword,
            @Pattern(regexp = INVITATION_TOKEN, message = "{invalid.invitation-token-form}")
            String invitationToken) {

        public static final String ONE_TIME_PASSWORD = "^[A-Za-z0-9]{16,64}$";
        public static final String INVITATION_TOKEN = "^[A-Za-z0-9_-]{43}$";

        /** A one-time password given with {@code invite}, or a token without it: which one is meant? */
        @jakarta.json.bind.annotation.JsonbTransient
        @jakarta.validation.constraints.AssertTrue(message = "{invalid.one-time-password-or-invitation}")
        public boolean isConsistent() {
            return invite ? oneTimePassword == null : invitationToken == null;
        }
    }
}
