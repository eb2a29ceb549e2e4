package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.text.Normalizer;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.audit.AuditLog;
import vn.egov.platform.settings.SettingsRegistry;
import vn.egov.platform.settings.UnitSettings;

/**
 * {@code /api/t/{unit}/settings}: the unit's display name, contact details, mail sender name and default
 * language. Read through the cached registry; changed with optimistic locking (send back the version you
 * read; if someone changed it meanwhile the answer is 409 and nothing changes).
 */
@Path("api/t/{unit}/settings")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    Access access;

    @Inject
    SettingsRegistry registry;

    @Inject
    AuditLog audit;

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    public record SettingsInput(
            @NotBlank(message = "Tên hiển thị không được để trống / display name is required")
            @Size(max = 200, message = "Tên hiển thị dài tối đa 200 ký tự / at most 200 characters") String displayName,
            @Size(max = 60, message = "Tên viết tắt dài tối đa 60 ký tự / at most 60 characters") String shortName,
            @Size(max = 300, message = "Địa chỉ dài tối đa 300 ký tự / at most 300 characters") String address,
            @Size(max = 40, message = "Số điện thoại dài tối đa 40 ký tự / at most 40 characters") String phone,
            @Email(message = "Thư điện tử không hợp lệ / email is not valid") @Size(max = 254) String email,
            @Size(max = 200, message = "Tên người gửi thư dài tối đa 200 ký tự / at most 200 characters") String mailSenderName,
            @NotNull(message = "Ngôn ngữ mặc định là bắt buộc / default language is required")
            @Pattern(regexp = "vi|en", message = "Ngôn ngữ mặc định là vi hoặc en / default language: vi or en") String defaultLanguage,
            @NotNull(message = "Cần gửi kèm phiên bản đã đọc / send the version you read") @Min(0) Integer version) {
    }

    @GET
    public UnitSettings get() {
        Tenant unit = access.require("tenant", "admin");
        return registry.of(unit).orElseThrow(() -> ProblemException.notFound("đơn vị", "unit"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitSettings change(@Valid @NotNull(message = "Thiếu nội dung yêu cầu / the body is missing") SettingsInput in) {
        Tenant unit = access.require("tenant", "admin");
        UnitSettings before = registry.of(unit).orElseThrow();
        int changed;
        if (in.version() == 0) {
            changed = em.createNativeQuery("INSERT INTO unit_setting (tenant_id, display_name, short_name, address, phone, email, "
                            + "mail_sender_name, default_language, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1) "
                            + "ON CONFLICT (tenant_id) DO NOTHING")
                    .setParameter(1, unit.getId()).setParameter(2, nfc(in.displayName())).setParameter(3, nfc(in.shortName()))
                    .setParameter(4, nfc(in.address())).setParameter(5, blank(in.phone())).setParameter(6, blank(in.email()))
                    .setParameter(7, nfc(in.mailSenderName())).setParameter(8, in.defaultLanguage()).executeUpdate();
        } else {
            changed = em.createNativeQuery("UPDATE unit_setting SET display_name = ?2, short_name = ?3, address = ?4, phone = ?5, "
                            + "email = ?6, mail_sender_name = ?7, default_language = ?8, version = version + 1, updated_at = now() "
                            + "WHERE tenant_id = ?1 AND version = ?9")
                    .setParameter(1, unit.getId()).setParameter(2, nfc(in.displayName())).setParameter(3, nfc(in.shortName()))
                    .setParameter(4, nfc(in.address())).setParameter(5, blank(in.phone())).setParameter(6, blank(in.email()))
                    .setParameter(7, nfc(in.mailSenderName())).setParameter(8, in.defaultLanguage())
                    .setParameter(9, in.version()).executeUpdate();
        }
        if (changed != 1) {
            throw new ProblemException(Problem.of(409, "changed-meanwhile", "Đã có người thay đổi trước", "Changed meanwhile",
                    "Cấu hình của đơn vị đã được người khác thay đổi sau khi bạn mở nó (phiên bản hiện tại khác " + in.version()
                            + "). Hãy tải lại, xem thay đổi của họ rồi sửa lại. Không có gì được lưu.",
                    "Someone changed the unit's settings after you read them (the version is no longer " + in.version()
                            + "). Reload, review their change, then edit again. Nothing was saved."));
        }
        UnitSettings after = new UnitSettings(unit.getId(), nfc(in.displayName()), nfc(in.shortName()), nfc(in.address()),
                blank(in.phone()), blank(in.email()), nfc(in.mailSenderName()), in.defaultLanguage(), in.version() + 1,
                before.logo(), before.customDomain());
        audit.record(unit.getId(), "unit.settings.changed", unit.getCode(), json(before), json(after));
        registry.invalidateAfterCommit(unit.getId());
        return after;
    }

    public record DomainInput(
            @Size(max = 253) @Pattern(regexp = "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$",
                    message = "Tên miền riêng không hợp lệ, ví dụ banvuoc.laocai.gov.vn / custom domain is not a valid host name")
            String customDomain) {
    }

    /**
     * Sets (or, with null, removes) the unit's own host name: requests whose Host is that name are the unit's
     * (at once: the edge reads it per request). A name another unit has is refused with 409.
     */
    @PUT
    @Path("domain")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitSettings domain(@Valid @NotNull(message = "Thiếu nội dung yêu cầu / the body is missing") DomainInput in) {
        Tenant unit = access.require("tenant", "admin");
        String domain = in.customDomain() == null || in.customDomain().isBlank() ? null : in.customDomain().strip();
        vn.egov.platform.tenancy.control.TenantDirectory.forgetAfterCommit();
        try {
            em.createNativeQuery("UPDATE tenant SET custom_domain = ?1 WHERE id = ?2").setParameter(1, domain)
                    .setParameter(2, unit.getId()).executeUpdate();
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            if (vn.egov.platform.persistence.SqlState.of(e).map(java.sql.SQLException::getSQLState)
                    .filter(vn.egov.platform.persistence.SqlState.UNIQUE_VIOLATION::equals).isPresent()) {
                throw new ProblemException(new Problem(409, "duplicate", "Đã tồn tại", "Already exists",
                        "Tên miền " + domain + " đã thuộc về một đơn vị khác. Không có gì thay đổi.",
                        "The domain " + domain + " belongs to another unit. Nothing changed.",
                        java.util.Map.of("customDomain", java.util.List.of("đã được dùng / taken"))));
            }
            throw e;
        }
        JsonObjectBuilder before = Jsonp.createObjectBuilder();
        JsonObjectBuilder after = Jsonp.createObjectBuilder();
        if (unit.getCustomDomain() != null) {
            before.add("customDomain", unit.getCustomDomain());
        }
        if (domain != null) {
            after.add("customDomain", domain);
        }
        audit.record(unit.getId(), "unit.domain.changed", unit.getCode(), before.build(), after.build());
        registry.invalidateAfterCommit(unit.getId());
        UnitSettings s = registry.of(unit).orElseThrow();
        return new UnitSettings(s.tenantId(), s.displayName(), s.shortName(), s.address(), s.phone(), s.email(), s.mailSenderName(),
                s.defaultLanguage(), s.version(), s.logo(), domain);
    }

    private static JsonObject json(UnitSettings s) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("displayName", s.displayName()).add("defaultLanguage", s.defaultLanguage())
                .add("version", s.version());
        if (s.shortName() != null) {
            b.add("shortName", s.shortName());
        }
        if (s.address() != null) {
            b.add("address", s.address());
        }
        if (s.phone() != null) {
            b.add("phone", s.phone());
        }
        if (s.email() != null) {
            b.add("email", s.email());
        }
        if (s.mailSenderName() != null) {
            b.add("mailSenderName", s.mailSenderName());
        }
        return b.build();
    }

    private static String nfc(String s) {
        return s == null || s.isBlank() ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
