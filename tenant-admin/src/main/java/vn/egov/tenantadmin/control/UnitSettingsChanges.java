package vn.egov.tenantadmin.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import vn.egov.platform.settings.SettingsRegistry;
import vn.egov.platform.settings.UnitSettings;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.audit.AuditLog;

/**
 * A unit's settings as its administrators change them: display name, contact details, mail sender name and default
 * language (with optimistic locking: the version read comes back; if someone changed it meanwhile the answer is 409
 * and nothing changes), and its own host name. Every change is audited and the cached registry forgets the unit
 * after the commit. For the API and the settings page alike.
 */
@RequestScoped
public class UnitSettingsChanges {

    @Inject
    Access access;

    @Inject
    SettingsRegistry registry;

    @Inject
    AuditLog audit;

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    public record SettingsInput(
            @NotBlank(message = "{invalid.display-name-is-required}")
            @Size(max = 200, message = "{invalid.display-name-too-long}") String displayName,
            @Size(max = 60, message = "{invalid.short-name-too-long}") String shortName,
            @Size(max = 300, message = "{invalid.address-is-at-most-300-characters}") String address,
            @Size(max = 40, message = "{invalid.phone-is-at-most-40-characters}") String phone,
            @Email(message = "{invalid.email-is-not-valid}") @Size(max = 254) String email,
            @Size(max = 200, message = "{invalid.mail-sender-name-too-long}") String mailSenderName,
            @NotNull(message = "{invalid.default-language-is-required}")
            @Pattern(regexp = "vi|en", message = "{invalid.default-language-vi-or-en}") String defaultLanguage,
            @NotNull(message = "{invalid.send-the-version-you-read}") @Min(0) Integer version) {
    }

    /** The caller's unit's settings (unit administrators). */
    public UnitSettings get() {
        Tenant unit = access.require("tenant", "admin");
        return registry.of(unit).orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.unit"));
    }

    /** Changes the settings if {@code in} carries the version stored now; otherwise 409 and nothing changes. */
    public UnitSettings change(SettingsInput in) {
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
            throw new ProblemException(Problem.of(Wording::in, 409, "changed-meanwhile", "problem.settingsChanged.title",
                    "problem.settingsChanged", in.version()));
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
                    message = "{invalid.custom-domain-is-not-a-valid}")
            String customDomain) {
    }

    /**
     * Sets (or, with null, removes) the unit's own host name: requests whose Host is that name are the unit's
     * (at once: the edge reads it per request). A name another unit has is refused with 409.
     */
    public UnitSettings domain(DomainInput in) {
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
                throw new ProblemException(Problem.said(Wording::in, 409, "duplicate", "problem.duplicate",
                        w -> w.text("problem.domainTaken", domain), w -> java.util.Map.of("customDomain", java.util.List.of(w.text("settings.domainTaken")))));
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
