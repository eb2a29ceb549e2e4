package vn.egov.notices.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a client sends to create or change a notice. */
public record NoticeInput(
        @NotBlank(message = "Tiêu đề không được để trống / title is required")
        @Size(max = 200, message = "Tiêu đề dài tối đa 200 ký tự / title is at most 200 characters") String title,
        @NotBlank(message = "Nội dung không được để trống / body is required")
        @Size(max = 20000, message = "Nội dung dài tối đa 20000 ký tự / body is at most 20000 characters") String body,
        @jakarta.validation.constraints.Pattern(regexp = "public|staff|admins",
                message = "Đối tượng xem phải là public (công khai), staff (cán bộ đơn vị) hoặc admins (quản trị đơn vị) / audience is public, staff or admins")
        String audience) {

    /** The audience, {@code staff} when not given. */
    public String audienceOrDefault() {
        return audience == null ? "staff" : audience;
    }
}
