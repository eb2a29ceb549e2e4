package vn.egov.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.apache.shiro.SecurityUtils;
import java.util.Optional;
import vn.egov.platform.persistence.TenantScopeBinder;
import vn.egov.platform.tenancy.TenantScope;
import vn.egov.platform.security.Passwords;
import vn.egov.platform.security.UserPrincipal;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.ProblemException;

/**
 * {@code POST /api/me/password}: the logged-in user chooses a new password (the only thing a user on a
 * one-time password may do). The session ends; the next request logs in with the new password.
 */
@Path("api/me/password")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResource {

    @Inject
    Access access;

    @Inject
    TenantScopeBinder scope;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    public record Change(@NotNull(message = "{invalid.the-current-password-is-required}")
                         @Size(min = 1, max = 200, message = "{invalid.the-current-password-is-required}")
                         String currentPassword,
                        @NotNull(message = "{invalid.the-new-password-is-required}")
                        @Size(min = 10, max = 200, message = "{invalid.new-password-length}")
                        String newPassword) {
    }

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    public record Done(String message) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Done change(@Valid @NotNull(message = "{invalid.the-body-is-missing}") Change in) {
        UserPrincipal me = access.user();
        // exactly the user's own unit, whatever their roles (citizens too have an account to look after)
        scope.bind(Optional.of(new TenantScope(me.tenantId(), me.tenantPath(), false)));
        List<?> stored = em.createNativeQuery("SELECT password_hash FROM app_user WHERE id = ?1")
                .setParameter(1, me.userId()).getResultList();
        if (stored.isEmpty() || !Passwords.matches(in.currentPassword(), (String) stored.get(0))) {
            throw ProblemException.invalid(new Fields().add("currentPassword", ProblemException.PLATFORM + "field.wrongCurrentPassword"),
                    "wrongCurrentPassword");
        }
        if (in.newPassword().equals(in.currentPassword())) {
            throw ProblemException.invalid(new Fields().add("newPassword", ProblemException.PLATFORM + "field.sameAsCurrentPassword"),
                    "sameAsCurrentPassword");
        }
        em.createNativeQuery("UPDATE app_user SET password_hash = ?2, must_change_password = false WHERE id = ?1")
                .setParameter(1, me.userId()).setParameter(2, Passwords.hash(in.newPassword())).executeUpdate();
        SecurityUtils.getSubject().logout();
        return new Done(ProblemException.platformTexts(vn.egov.platform.web.pages.Locales.of(request)).text("platform.password.changed"));
    }
}
