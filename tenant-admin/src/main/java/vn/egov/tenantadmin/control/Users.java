package vn.egov.tenantadmin.control;

import vn.egov.platform.web.audit.AuditLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.SqlState;
import vn.egov.platform.security.Passwords;
import vn.egov.platform.security.Role;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UserTokens;
import vn.egov.platform.web.UserTokens.TokenView;

/**
 * A unit's users and their roles, managed by the unit's administrators (and by administrators whose rights reach the
 * unit from above): listed, added with a one-time password, changed, their API tokens listed and revoked; every change
 * audited. Only the province administrator grants or withdraws subtree rights and the province administrator role.
 * In the caller's transaction and scope; the API ({@code UsersResource}) and the users page both work through here.
 */
@RequestScoped
public class Users {
    public static final String ROLES = "PROVINCE_ADMIN|UNIT_ADMIN|STAFF|CITIZEN|EDITOR|APPROVER|RECEIVER|HANDLER|LEADER|CLERK";

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    @Inject
    Db db;

    @Inject
    UserTokens tokens;

    public record NewUser(
            @NotBlank(message = Usernames.REQUIRED) @Pattern(regexp = Usernames.PATTERN, message = Usernames.MESSAGE)
            String username,
            @NotBlank(message = "{invalid.full-name-is-required}")
            @Size(max = 200, message = "{invalid.full-name-too-long}") String displayName,
            @NotEmpty(message = "{invalid.at-least-one-role}")
            List<@Pattern(regexp = ROLES, message = "{invalid.unknown-role}") String> roles,
            boolean subtreeRights,
            @Email(message = "{invalid.email-is-not-valid}") @Size(max = 254, message = "{invalid.email-is-not-valid}") String email) {
    }

    public record UserChange(
            @NotBlank(message = "{invalid.full-name-is-required}")
            @Size(max = 200, message = "{invalid.full-name-too-long}") String displayName,
            @NotEmpty(message = "{invalid.at-least-one-role}")
            List<@Pattern(regexp = ROLES, message = "{invalid.unknown-role}") String> roles,
            boolean subtreeRights,
            @NotNull(message = "{invalid.status-is-required}")
            @Pattern(regexp = "active|disabled", message = "{invalid.status-active-or-disabled}") String status,
            @Email(message = "{invalid.email-is-not-valid}") @Size(max = 254, message = "{invalid.email-is-not-valid}") String email) {
    }

    /** A user as the unit's administrators see them; {@code email} (null: none) is where urgent documents and notices reach them. */
    public record UserView(String username, String displayName, List<String> roles, boolean subtreeRights, String status,
                           boolean locked, String email) {
    }

    public record Created(String username, String oneTimePassword) {
    }

    /** The unit's users, by username. */
    @SuppressWarnings("unchecked")
    public List<UserView> list() {
        Tenant unit = access.require("tenant", "admin");
        List<Object[]> rows = em.createNativeQuery("SELECT username, display_name, array_to_string(roles, ','), subtree_rights, status, "
                        + "coalesce(locked_until > now(), false), email FROM app_user WHERE tenant_id = ?1 ORDER BY username")
                .setParameter(1, unit.getId()).getResultList();
        return rows.stream().map(r -> new UserView((String) r[0], (String) r[1],
                ((String) r[2]).isEmpty() ? List.of() : Arrays.asList(((String) r[2]).split(",")),
                (Boolean) r[3], (String) r[4], (Boolean) r[5], (String) r[6])).toList();
    }

    /** Adds a user with a one-time password (shown this once); a taken username is refused (409), nothing created. */
    public Created create(NewUser in) {
        Tenant unit = access.require("tenant", "admin");
        Set<String> roles = new TreeSet<>(in.roles());
        mayGrant(roles, in.subtreeRights());
        String password = Passwords.oneTimePassword();
        try {
            em.createNativeQuery("INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles, subtree_rights, "
                            + "must_change_password, email) VALUES (?1, ?2, ?3, ?4, string_to_array(?5, ','), ?6, true, ?7)")
                    .setParameter(1, unit.getId()).setParameter(2, in.username()).setParameter(3, nfc(in.displayName()))
                    .setParameter(4, Passwords.hash(password)).setParameter(5, String.join(",", roles))
                    .setParameter(6, in.subtreeRights()).setParameter(7, email(in.email())).executeUpdate();
        } catch (PersistenceException e) {
            if (SqlState.is(e, SqlState.UNIQUE_VIOLATION)) {
                throw new ProblemException(Problem.of(Wording::in, 409, "duplicate", "problem.duplicate", "problem.usernameTaken", in.username()));
            }
            throw e;
        }
        audit.record(unit.getId(), "user.created", in.username(), null, describe(in.displayName(), roles, in.subtreeRights(), "active", email(in.email())));
        return new Created(in.username(), password);
    }

    /** Changes a user's name, roles, subtree rights and status: what changes must be the caller's to grant. */
    @SuppressWarnings("unchecked")
    public UserView change(String username, UserChange in) {
        Tenant unit = access.require("tenant", "admin");
        List<Object[]> found = em.createNativeQuery("SELECT display_name, array_to_string(roles, ','), subtree_rights, status, email "
                        + "FROM app_user WHERE tenant_id = ?1 AND username = ?2 FOR UPDATE")
                .setParameter(1, unit.getId()).setParameter(2, username).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound(Wording::in, "notFound.userInThisUnit", username);
        }
        Object[] before = found.get(0);
        Set<String> roles = new TreeSet<>(in.roles());
        Set<String> oldRoles = new TreeSet<>(((String) before[1]).isEmpty() ? List.of() : Arrays.asList(((String) before[1]).split(",")));
        // what changes must be grantable; what stays as it was needs no right
        Set<String> added = new TreeSet<>(roles);
        added.removeAll(oldRoles);
        Set<String> removed = new TreeSet<>(oldRoles);
        removed.removeAll(roles);
        Set<String> touched = new TreeSet<>(added);
        touched.addAll(removed);
        if (oldRoles.contains(Role.PROVINCE_ADMIN.name())) {
            touched.add(Role.PROVINCE_ADMIN.name()); // a province administrator's account is the province's to change
        }
        mayGrant(touched, in.subtreeRights() != (Boolean) before[2]);
        em.createNativeQuery("UPDATE app_user SET display_name = ?3, roles = string_to_array(?4, ','), subtree_rights = ?5, status = ?6, "
                        + "email = ?7 WHERE tenant_id = ?1 AND username = ?2")
                .setParameter(1, unit.getId()).setParameter(2, username).setParameter(3, nfc(in.displayName()))
                .setParameter(4, String.join(",", roles)).setParameter(5, in.subtreeRights()).setParameter(6, in.status())
                .setParameter(7, email(in.email())).executeUpdate();
        audit.record(unit.getId(), "user.changed", username,
                describe((String) before[0], oldRoles, (Boolean) before[2], (String) before[3], (String) before[4]),
                describe(in.displayName(), roles, in.subtreeRights(), in.status(), email(in.email())));
        return new UserView(username, nfc(in.displayName()), List.copyOf(roles), in.subtreeRights(), in.status(), false, email(in.email()));
    }

    /**
     * A user's API tokens, for the unit's administrators (a program acting for a staff member, a leaked token): what
     * each is called, its last characters, when it was made, last used, expires, and whether and by whom it was
     * revoked. Never the secret.
     */
    public List<TokenView> tokens(String username) {
        Tenant unit = access.require("tenant", "admin");
        return tokens.list(unit.getId(), member(unit, username).id());
    }

    /**
     * Revokes one of a user's API tokens at once (refused from the next request on); recorded in the unit's audit
     * log. A province administrator's tokens are the province's to revoke, like their account.
     */
    public TokenView revokeToken(String username, long id) {
        Tenant unit = access.require("tenant", "admin");
        Member user = member(unit, username);
        if (user.roles().contains(Role.PROVINCE_ADMIN.name())) {
            mayGrant(Set.of(Role.PROVINCE_ADMIN.name()), false);
        }
        TokenView before = tokens.one(unit.getId(), user.id(), id)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.tokenOf", username));
        TokenView after = tokens.revoke(unit.getId(), user.id(), id, access.user().username()).orElseThrow();
        if (before.revokedAt() == null) {
            audit.record(unit.getId(), "token.revoked", username, Jsonp.createObjectBuilder().add("token", id).add("name", before.name())
                    .add("hint", before.hint()).add("state", before.state()).build(), Jsonp.createObjectBuilder().add("token", id)
                    .add("state", after.state()).build());
        }
        return after;
    }

    /** A user of the unit (for their tokens): 404 when the unit has no such user. */
    private Member member(Tenant unit, String username) {
        return db.one("SELECT id, roles FROM app_user WHERE tenant_id = ? AND username = ?",
                        rs -> new Member(rs.getLong(1), List.of((String[]) rs.getArray(2).getArray())), unit.getId(), username)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.userInThisUnit", username));
    }

    private record Member(long id, List<String> roles) {
    }

    /** Unit administrators manage staff, citizens and unit administrators; the rest is the province's. */
    private void mayGrant(Set<String> roles, boolean touchesSubtreeRights) {
        UserPrincipal me = access.user();
        boolean province = me.has(Role.PROVINCE_ADMIN);
        if (!province && (roles.contains(Role.PROVINCE_ADMIN.name()) || touchesSubtreeRights)) {
            throw new ProblemException(Problem.of(Wording::in, 403, "province-only", "problem.provinceOnly.title", "problem.provinceOnly"));
        }
    }

    private static JsonObject describe(String displayName, Set<String> roles, boolean subtree, String status, String email) {
        JsonArrayBuilder r = Jsonp.createArrayBuilder();
        roles.forEach(r::add);
        jakarta.json.JsonObjectBuilder b = Jsonp.createObjectBuilder().add("displayName", displayName).add("roles", r).add("subtreeRights", subtree)
                .add("status", status);
        return (email == null ? b : b.add("email", email)).build();
    }

    /** An address as kept: trimmed, lower-cased, null for none. */
    private static String email(String given) {
        return given == null || given.isBlank() ? null : given.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }
}
