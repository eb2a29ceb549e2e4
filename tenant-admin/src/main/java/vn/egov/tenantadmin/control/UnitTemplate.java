package vn.egov.tenantadmin.control;

import vn.egov.platform.web.audit.AuditLog;
import vn.egov.platform.settings.SettingsRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import vn.egov.platform.persistence.SqlState;
import vn.egov.platform.security.Passwords;
import vn.egov.platform.tenancy.UnitProvisioned;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * Everything a new unit needs, in the caller's one transaction: the unit, its settings, its first
 * administrator (with a one-time password), then {@link UnitProvisioned} for the modules' defaults, then the
 * audit entry. Any failure, including in a module's observer, rolls all of it back.
 */
@RequestScoped
public class UnitTemplate {
    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    @Inject
    Event<UnitProvisioned> provisioned;

    @Inject
    AuditLog audit;

    @Inject
    Access access;

    @Inject
    SettingsRegistry settings;

    /** {@code oneTimePassword} or {@code invitation}: the one the first administrator was given. */
    public record Provisioned(long id, String code, String path, String adminUsername, String oneTimePassword,
                              Invitations.Invitation invitation) {
    }

    @Inject
    Invitations invitations;

    public Provisioned provision(Tenant parent, NewUnit in) {
        vn.egov.platform.tenancy.control.TenantDirectory.forgetAfterCommit();
        String name = nfc(in.name());
        String domain = in.customDomain() == null || in.customDomain().isBlank() ? null : in.customDomain();
        List<?> inserted;
        try {
            // a unit with this code committed meanwhile (or committing now: the insert waits for it) is no error of
            // the database's: the caller hears that it exists, and a batch goes on without it
            inserted = em.createNativeQuery("INSERT INTO tenant (code, gso_code, name, kind, parent_id, custom_domain) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO NOTHING RETURNING id, path::text")
                    .setParameter(1, in.code()).setParameter(2, blankToNull(in.gsoCode())).setParameter(3, name)
                    .setParameter(4, in.kind()).setParameter(5, parent.getId()).setParameter(6, domain)
                    .getResultList();
        } catch (PersistenceException e) {
            throw conflict(e, "unit");
        }
        if (inserted.isEmpty()) {
            throw new AlreadyThere(in.code());
        }
        Object[] unit = (Object[]) inserted.get(0);
        long id = ((Number) unit[0]).longValue();
        String path = (String) unit[1];
        em.createNativeQuery("INSERT INTO unit_setting (tenant_id, display_name, address, phone, email, mail_sender_name) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?2)")
                .setParameter(1, id).setParameter(2, name).setParameter(3, nfcOrNull(in.address()))
                .setParameter(4, blankToNull(in.phone())).setParameter(5, blankToNull(in.email()))
                .executeUpdate();
        boolean invite = in.firstAdmin().invite();
        String given = in.firstAdmin().oneTimePassword();
        String password = invite ? null : given != null ? given : Passwords.oneTimePassword();
        long adminId;
        try {
            adminId = ((Number) em.createNativeQuery("INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles, "
                            + "subtree_rights, must_change_password) VALUES (?1, ?2, ?3, ?4, ARRAY['UNIT_ADMIN'], ?5, ?6) RETURNING id")
                    .setParameter(1, id).setParameter(2, in.firstAdmin().username())
                    .setParameter(3, nfc(in.firstAdmin().displayName()))
                    .setParameter(4, invite ? Invitations.NO_PASSWORD : Passwords.hash(password))
                    .setParameter(5, in.firstAdmin().subtreeRights()).setParameter(6, !invite)
                    .getSingleResult()).longValue();
        } catch (PersistenceException e) {
            throw conflict(e, "admin");
        }
        Invitations.Invitation invitation = invite ? invitations.invite(id, adminId, in.firstAdmin().invitationToken()) : null;
        provisioned.fire(new UnitProvisioned(id, in.code(), path, in.kind(), access.username()));
        audit.record(id, "unit.provisioned", in.code(), null, describe(in, name, parent.getCode()));
        return new Provisioned(id, in.code(), path, in.firstAdmin().username(), password, invitation);
    }

    /** The unit's code was taken when it was to be inserted: 409, as a duplicate code always was. */
    public static final class AlreadyThere extends ProblemException {
        private final String code;

        AlreadyThere(String code) {
            super(Problem.said(Wording::in, 409, "duplicate", "problem.duplicate",
                    w -> w.text("problem.taken", w.text("problem.taken.unitCode")), w -> Map.of()));
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Renames and/or recodes a unit, keeping the old code in its history (and so redirecting it). */
    public void rename(Tenant unit, String code, String name, String reason) {
        vn.egov.platform.tenancy.control.TenantDirectory.forgetAfterCommit();
        if (unit.getCode().equals(code) && unit.getName().equals(name)) {
            throw new ProblemException(Problem.of(Wording::in, 422, "no-change", "problem.noChange.title", "problem.noChange"));
        }
        try {
            em.createNativeQuery("UPDATE tenant SET code = ?1, name = ?2 WHERE id = ?3")
                    .setParameter(1, code).setParameter(2, name).setParameter(3, unit.getId()).executeUpdate();
        } catch (PersistenceException e) {
            throw conflict(e, "unit");
        }
        // a display name that was the official name follows it; a customised one stays
        em.createNativeQuery("UPDATE unit_setting SET display_name = ?1, version = version + 1, updated_at = now() "
                        + "WHERE tenant_id = ?2 AND display_name = ?3")
                .setParameter(1, name).setParameter(2, unit.getId()).setParameter(3, unit.getName()).executeUpdate();
        em.createNativeQuery("INSERT INTO unit_history (unit_id, change, old_code, old_name, new_code, new_name, reason, changed_by) "
                        + "VALUES (?1, 'renamed', ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, unit.getId()).setParameter(2, unit.getCode()).setParameter(3, unit.getName())
                .setParameter(4, code).setParameter(5, name).setParameter(6, reason == null || reason.isBlank() ? null : reason.strip())
                .setParameter(7, access.username()).executeUpdate();
        audit.record(unit.getId(), "unit.renamed", code,
                Json.createObjectBuilder().add("code", unit.getCode()).add("name", unit.getName()).build(),
                Json.createObjectBuilder().add("code", code).add("name", name).build());
        settings.invalidateAfterCommit(unit.getId());
    }

    /** Suspends or reactivates a unit: its staff cannot log in while suspended, its data stays. */
    public void setStatus(Tenant unit, String status) {
        vn.egov.platform.tenancy.control.TenantDirectory.forgetAfterCommit();
        int changed = em.createNativeQuery("UPDATE tenant SET status = ?1 WHERE id = ?2 AND status <> ?1")
                .setParameter(1, status).setParameter(2, unit.getId()).executeUpdate();
        if (changed == 1) {
            audit.record(unit.getId(), "unit." + ("suspended".equals(status) ? "suspended" : "reactivated"), unit.getCode(),
                    Json.createObjectBuilder().add("status", unit.getStatus()).build(),
                    Json.createObjectBuilder().add("status", status).build());
        }
    }

    private static JsonObject describe(NewUnit in, String name, String parentCode) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("code", in.code()).add("name", name).add("kind", in.kind())
                .add("parent", parentCode).add("firstAdmin", in.firstAdmin().username());
        if (in.gsoCode() != null) {
            b.add("gsoCode", in.gsoCode());
        }
        if (in.customDomain() != null) {
            b.add("customDomain", in.customDomain());
        }
        return b.build();
    }

    private static ProblemException conflict(PersistenceException e, String what) {
        String state = SqlState.of(e).map(SQLException::getSQLState).orElse(null);
        String detail = SqlState.of(e).map(sql -> String.valueOf(sql.getMessage())).orElse("");
        if (SqlState.UNIQUE_VIOLATION.equals(state)) {
            String field = "problem.taken." + (detail.contains("gso_code") ? "gsoCode" : detail.contains("custom_domain") ? "customDomain"
                    : detail.contains("username") ? "adminUsername" : "unitCode");
            return new ProblemException(Problem.said(Wording::in, 409, "duplicate", "problem.duplicate",
                    w -> w.text("problem.taken", w.text(field)), w -> Map.of()));
        }
        if (SqlState.INSUFFICIENT_PRIVILEGE.equals(state)) {
            return ProblemException.forbidden();
        }
        throw e;
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }

    private static String nfcOrNull(String s) {
        return s == null || s.isBlank() ? null : nfc(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
