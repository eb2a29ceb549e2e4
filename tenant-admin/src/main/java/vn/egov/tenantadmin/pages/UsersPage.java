package vn.egov.tenantadmin.pages;

import vn.egov.tenantadmin.control.Wording;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.Role;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.UserTokens.TokenView;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;
import vn.egov.tenantadmin.control.Users;

/**
 * {@code /t/{code}/admin/users}: the unit's users (list, add one with a one-time password shown once) and
 * {@code /t/{code}/admin/users/{username}}: change one's name, roles and status. The rules (who may grant
 * what, subtree rights and the province role only from a province administrator) are {@link Users}'s. Made from the
 * templates {@code users.jte} and {@code user.jte} (the role boxes: {@code roles.jte}).
 */
@Path("t/{code}/admin/users")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class UsersPage {

    /** A user as the list shows it: roles and status already in the page's language. */
    public record Row(String username, String displayName, String email, String roles, boolean subtreeRights, boolean active, boolean locked, String edit) {
    }

    /** The role boxes: one per role the user may grant (or the edited user has), the subtree box for a province administrator. */
    public record Roles(List<Box> boxes, Box subtree, String error) {
    }

    /** A checkbox: its form name and value, its label, whether it is ticked. */
    public record Box(String name, String value, String label, boolean checked) {
    }

    /** The list and the form to add a user: the form's values as typed, the messages at its fields, the refusal above it. */
    public record ListView(List<Row> users, Map<String, String> values, Map<String, String> errors, String refusal, Roles roles,
                           String formAction) {
        public boolean refused() {
            return refusal != null || !errors.isEmpty();
        }
    }

    /** One user's form (name, roles, status) and their API tokens. */
    public record EditView(String username, Map<String, String> values, Map<String, String> errors, String refusal, Roles roles,
                           List<DeskFrame.Option> statuses, String formAction, String cancel, List<TokenView> tokens,
                           Function<TokenView, String> revokeAction) {
        public boolean refused() {
            return refusal != null || !errors.isEmpty();
        }
    }

    @Inject
    Desk layout;

    @Inject
    OwnTransaction ownTransaction;

    @Inject
    Validator validator;

    @Inject
    Users users;

    @GET
    public Response list() {
        Tenant unit = layout.require();
        return layout.okTemplate(listPage(unit, Map.of("roles", "STAFF"), Set.of("STAFF"), false, Map.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        String username = value(form, "username");
        String displayName = value(form, "displayName");
        String email = value(form, "email");
        List<String> roles = form.get("roles") == null ? List.of() : form.get("roles");
        boolean subtree = form.containsKey("subtreeRights");
        Users.NewUser in = new Users.NewUser(username, displayName, roles, subtree, email);
        Map<String, String> values = Map.of("username", username, "displayName", displayName, "email", email);
        Map<String, String> errors = AdminPages.violations(layout, validator.validate(in), UsersPage::field);
        if (!errors.isEmpty()) {
            throw layout.refuseTemplate(400, listPage(unit, values, Set.copyOf(roles), subtree, errors, null));
        }
        Users.Created created;
        try {
            created = ownTransaction.call(() -> users.create(in));
        } catch (ProblemException e) {
            if (e.problem().status() == 401 || (e.problem().status() == 403 && !"province-only".equals(e.problem().type()))) {
                throw layout.error(e.problem());
            }
            String detail = AdminPages.detail(layout, e);
            Map<String, String> at = new LinkedHashMap<>();
            at.put(e.problem().status() == 409 ? "username" : "roles", detail);
            throw layout.refuseTemplate(e.problem().status(), listPage(unit, values, Set.copyOf(roles), subtree, at, detail));
        }
        layout.flash(AdminPages.flashTemplate(layout, "flashUserCreated.jte", "username", created.username(),
                "password", created.oneTimePassword()));
        return layout.redirect("/t/" + unit.getCode() + "/admin/users");
    }

    @GET
    @Path("{username}")
    public Response edit(@PathParam("username") String username) {
        Tenant unit = layout.require();
        Users.UserView u = find(username);
        Map<String, String> values = Map.of("displayName", u.displayName(), "status", u.status(), "email", u.email() == null ? "" : u.email());
        return layout.okTemplate(editPage(unit, u, values, Set.copyOf(u.roles()), u.subtreeRights(), Map.of(), null));
    }

    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("username") String username, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        Users.UserView u = find(username);
        String displayName = value(form, "displayName");
        String status = value(form, "status");
        String email = value(form, "email");
        List<String> roles = form.get("roles") == null ? List.of() : form.get("roles");
        // only a province administrator sees the subtree box; everyone else keeps what the user has
        boolean subtree = provinceAdmin() ? form.containsKey("subtreeRights") : u.subtreeRights();
        Users.UserChange in = new Users.UserChange(displayName, roles, subtree, status, email);
        Map<String, String> values = Map.of("displayName", displayName, "status", status, "email", email);
        Map<String, String> errors = AdminPages.violations(layout, validator.validate(in), UsersPage::field);
        if (!errors.isEmpty()) {
            throw layout.refuseTemplate(400, editPage(unit, u, values, Set.copyOf(roles), subtree, errors, null));
        }
        try {
            ownTransaction.call(() -> users.change(username, in));
        } catch (ProblemException e) {
            if (e.problem().status() != 403 || !"province-only".equals(e.problem().type())) {
                throw layout.error(e.problem());
            }
            String detail = AdminPages.detail(layout, e);
            throw layout.refuseTemplate(403, editPage(unit, u, values, Set.copyOf(roles), subtree, Map.of("roles", detail), detail));
        }
        layout.flash(AdminPages.flash(layout, "users.saved", username));
        return layout.redirect("/t/" + unit.getCode() + "/admin/users");
    }

    /**
     * Revokes one of the user's API tokens (a leaked token, a program that should stop): the user's page again with
     * the outcome; a refusal (a province administrator's token, a token that is not this user's) is shown on the page.
     */
    @POST
    @Path("{username}/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("username") String username, @PathParam("id") long id, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        Users.UserView u = find(username);
        TokenView revoked;
        try {
            revoked = ownTransaction.call(() -> users.revokeToken(username, id));
        } catch (ProblemException e) {
            if (e.problem().status() != 404 && !"province-only".equals(e.problem().type())) {
                throw layout.error(e.problem());
            }
            String detail = AdminPages.detail(layout, e);
            Map<String, String> values = Map.of("displayName", u.displayName(), "status", u.status(), "email", u.email() == null ? "" : u.email());
            throw layout.refuseTemplate(e.problem().status(),
                    editPage(unit, u, values, Set.copyOf(u.roles()), u.subtreeRights(), Map.of(), detail));
        }
        layout.flash(AdminPages.flash(layout, "users.tokenRevoked", revoked.name(), username));
        return layout.redirect("/t/" + unit.getCode() + "/admin/users/" + username);
    }

    private Users.UserView find(String username) {
        return layout.call(users::list).stream().filter(x -> x.username().equals(username)).findFirst()
                .orElseThrow(() -> layout.error(ProblemException.notFound(Wording::in, "notFound.userInThisUnit", username).problem()));
    }

    private String listPage(Tenant unit, Map<String, String> v, Set<String> roles, boolean subtree, Map<String, String> errors,
                            String detail) {
        DeskFrame.Page desk = layout.desk(unit, "users", AdminPages.BUNDLE, "users.title");
        Messages t = desk.page().t();
        List<Row> rows = new ArrayList<>();
        for (Users.UserView u : layout.call(users::list)) {
            String name = u.username();
            rows.add(new Row(name, u.displayName(), u.email() == null ? "" : u.email(), String.join(", ", u.roles().stream().map(r -> roleName(t, r)).toList()),
                    u.subtreeRights(), "active".equals(u.status()), u.locked(), layout.url(unit, "users/" + name)));
        }
        ListView view = new ListView(rows, v, errors, detail, roles(t, roles, subtree, errors), layout.url(unit, "users"));
        return AdminPages.render("users.jte", desk, view);
    }

    private String editPage(Tenant unit, Users.UserView u, Map<String, String> v, Set<String> roles, boolean subtree,
                            Map<String, String> errors, String detail) {
        DeskFrame.Page desk = layout.desk(unit, "users", AdminPages.BUNDLE, "users.title");
        Messages t = desk.page().t();
        List<DeskFrame.Option> statuses = List.of(new DeskFrame.Option("active", t.text("users.status.active"), "active".equals(v.get("status"))),
                new DeskFrame.Option("disabled", t.text("users.status.disabled"), "disabled".equals(v.get("status"))));
        List<TokenView> tokens = layout.call(() -> users.tokens(u.username()));
        EditView view = new EditView(u.username(), v, errors, detail, roles(t, roles, subtree, errors), statuses,
                layout.url(unit, "users/" + u.username()), layout.url(unit, "users"), tokens,
                token -> layout.url(unit, "users/" + u.username() + "/tokens/" + token.id() + "/revoke"));
        return AdminPages.render("user.jte", desk, view);
    }

    private Roles roles(Messages t, Set<String> roles, boolean subtree, Map<String, String> errors) {
        List<Box> boxes = new ArrayList<>();
        for (Role r : Role.values()) {
            if (r == Role.PROVINCE_ADMIN && !provinceAdmin() && !roles.contains(r.name())) {
                continue;
            }
            boxes.add(new Box("roles", r.name(), t.text("role." + r.name()), roles.contains(r.name())));
        }
        Box below = provinceAdmin() ? new Box("subtreeRights", "on", t.text("users.subtreeBox"), subtree) : null;
        return new Roles(boxes, below, errors.get("roles"));
    }

    private boolean provinceAdmin() {
        return layout.user().map(u -> u.has(Role.PROVINCE_ADMIN)).orElse(false);
    }

    /** "roles[0].<list element>" and the like are all the roles box. */
    private static String field(String path) {
        return path.startsWith("roles") ? "roles" : path;
    }

    private static String roleName(Messages t, String role) {
        return t.has("role." + role) ? t.text("role." + role) : role;
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.strip();
    }
}
