package vn.egov.notices.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a client sends to create or change a notice. */
public record NoticeInput(
        @NotBlank(message = "{invalid.title-is-required}")
        @Size(max = 200, message = "{invalid.title-is-at-most-200-characters}") String title,
        @NotBlank(message = "{invalid.body-is-required}")
        @Size(max = 20000, message = "{invalid.body-is-at-most-20000-characters}") String body,
        @jakarta.validation.constraints.Pattern(regexp = "public|staff|admins",
                message = "{invalid.audience-unknown}")
        String audience) {

    /** The audience, {@code staff} when not given. */
    public String audienceOrDefault() {
        return audience == null ? "staff" : audience;
    }
}
