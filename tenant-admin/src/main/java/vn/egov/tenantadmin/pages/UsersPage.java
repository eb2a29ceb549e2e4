package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.egov.platform.persistence.OwnTransaction;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.security.Role;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.TokenTable;
import vn.egov.platform.web.UserTokens.TokenView;
import vn.egov.platform.web.desk.Desk;
import vn.egov.tenantadmin.boundary.UsersResource;

/**
 * {@code /t/{code}/admin/users}: the unit's users (list, add one with a one-time password shown once) and
 * {@code /t/{code}/admin/users/{username}}: change one's name, roles and status. The rules (who may grant
 * what, subtree rights and the province role only from a province administrator) are the API's.
 */
@Path("t/{code}/admin/users")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(Desk.HTML)
public class UsersPage {

    @Inject
    Desk layout;

    @Inject
    OwnTransaction ownTransaction;

    @Inject
    Validator validator;

    @Inject
    UsersResource users;

    @GET
    public Response list() {
        Tenant unit = layout.require();
        return layout.ok(listPage(unit, Map.of("roles", "STAFF"), Set.of("STAFF"), false, Map.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        String username = value(form, "username");
        String displayName = value(form, "displayName");
        List<String> roles = form.get("roles") == null ? List.of() : form.get("roles");
        boolean subtree = form.containsKey("subtreeRights");
        UsersResource.NewUser in = new UsersResource.NewUser(username, displayName, roles, subtree);
        Map<String, String> values = Map.of("username", username, "displayName", displayName);
        Map<String, String> errors = violations(validator.validate(in), UsersPage::field);
        if (!errors.isEmpty()) {
            throw layout.refuse(400, listPage(unit, values, Set.copyOf(roles), subtree, errors, null));
        }
        UsersResource.Created created;
        try {
            created = (UsersResource.Created) ownTransaction.call(() -> users.create(in)).getEntity();
        } catch (ProblemException e) {
            if (e.problem().status() == 401 || (e.problem().status() == 403 && !"province-only".equals(e.problem().type()))) {
                throw layout.error(e.problem());
            }
            String detail = layout.en() ? e.problem().detailEn() : e.problem().detailVi();
            Map<String, String> at = new LinkedHashMap<>();
            at.put(e.problem().status() == 409 ? "username" : "roles", detail);
            throw layout.refuse(e.problem().status(), listPage(unit, values, Set.copyOf(roles), subtree, at, detail));
        }
        layout.flash(Html.escape(layout.t("Đã tạo người dùng ", "Created the user ")) + "<span id=\"new-user\" class=\"secret\">"
                + Html.escape(created.username()) + "</span>, " + Html.escape(layout.t("mật khẩu một lần:", "one-time password:"))
                + " <span id=\"one-time-password\" class=\"secret\">" + Html.escape(created.oneTimePassword()) + "</span>. "
                + Html.escape(layout.t("Mật khẩu chỉ hiện một lần này.", "The password is shown this once only.")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/users");
    }

    @GET
    @Path("{username}")
    public Response edit(@PathParam("username") String username) {
        Tenant unit = layout.require();
        UsersResource.UserView u = find(username);
        Map<String, String> values = Map.of("displayName", u.displayName(), "status", u.status());
        return layout.ok(editPage(unit, u, values, Set.copyOf(u.roles()), u.subtreeRights(), Map.of(), null));
    }

    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("username") String username, MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        UsersResource.UserView u = find(username);
        String displayName = value(form, "displayName");
        String status = value(form, "status");
        List<String> roles = form.get("roles") == null ? List.of() : form.get("roles");
        // only a province administrator sees the subtree box; everyone else keeps what the user has
        boolean subtree = provinceAdmin() ? form.containsKey("subtreeRights") : u.subtreeRights();
        UsersResource.UserChange in = new UsersResource.UserChange(displayName, roles, subtree, status);
        Map<String, String> values = Map.of("displayName", displayName, "status", status);
        Map<String, String> errors = violations(validator.validate(in), UsersPage::field);
        if (!errors.isEmpty()) {
            throw layout.refuse(400, editPage(unit, u, values, Set.copyOf(roles), subtree, errors, null));
        }
        try {
            ownTransaction.call(() -> users.change(username, in));
        } catch (ProblemException e) {
            if (e.problem().status() != 403 || !"province-only".equals(e.problem().type())) {
                throw layout.error(e.problem());
            }
            String detail = layout.en() ? e.problem().detailEn() : e.problem().detailVi();
            throw layout.refuse(403, editPage(unit, u, values, Set.copyOf(roles), subtree, Map.of("roles", detail), detail));
        }
        layout.flash(Html.escape(layout.t("Đã lưu thay đổi của người dùng ", "Saved the changes to the user ") + username + "."));
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
        UsersResource.UserView u = find(username);
        TokenView revoked;
        try {
            revoked = ownTransaction.call(() -> users.revokeToken(username, id));
        } catch (ProblemException e) {
            if (e.problem().status() != 404 && !"province-only".equals(e.problem().type())) {
                throw layout.error(e.problem());
            }
            String detail = layout.en() ? e.problem().detailEn() : e.problem().detailVi();
            Map<String, String> values = Map.of("displayName", u.displayName(), "status", u.status());
            throw layout.refuse(e.problem().status(), editPage(unit, u, values, Set.copyOf(u.roles()), u.subtreeRights(), Map.of(), detail));
        }
        layout.flash(Html.escape(layout.t("Đã thu hồi mã truy cập «" + revoked.name() + "» của người dùng " + username
                + ": mã bị từ chối từ lần gọi tiếp theo.", "Revoked the API token “" + revoked.name() + "” of the user " + username
                + ": it is refused from the next request on.")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/users/" + username);
    }

    private UsersResource.UserView find(String username) {
        return layout.call(users::list).stream().filter(x -> x.username().equals(username)).findFirst()
                .orElseThrow(() -> layout.error(ProblemException.notFound("người dùng " + username + " trong đơn vị này",
                        "user " + username + " in this unit").problem()));
    }

    private String listPage(Tenant unit, Map<String, String> v, Set<String> roles, boolean subtree, Map<String, String> errors,
                            String detail) {
        List<UsersResource.UserView> all = layout.call(users::list);
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Người dùng của đơn vị", "The unit's users")).append("</h1>");
        b.append("<table id=\"users\"><thead><tr>");
        for (String h : List.of(layout.t("Tên đăng nhập", "Username"), layout.t("Họ tên", "Name"), layout.t("Vai trò", "Roles"),
                layout.t("Quyền cấp dưới", "Subtree rights"), layout.t("Trạng thái", "Status"), "")) {
            b.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (UsersResource.UserView u : all) {
            b.append("<tr data-username=\"").append(Html.escape(u.username())).append("\"><td>").append(Html.escape(u.username()))
                    .append("</td><td>").append(Html.escape(u.displayName())).append("</td><td class=\"roles\">")
                    .append(Html.escape(String.join(", ", u.roles().stream().map(this::roleName).toList())))
                    .append("</td><td>").append(u.subtreeRights() ? layout.t("Có", "Yes") : layout.t("Không", "No"))
                    .append("</td><td>").append(Html.escape(statusName(u.status())))
                    .append(u.locked() ? " · " + layout.t("đang bị khoá tạm thời", "temporarily locked") : "")
                    .append("</td><td>").append(Desk.link(layout.url(unit, "users/" + u.username()), layout.t("Sửa", "Edit")))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        b.append("<h2 id=\"add\">").append(layout.t("Thêm người dùng", "Add a user")).append("</h2>");
        if (!errors.isEmpty() || detail != null) {
            b.append(layout.refusedBanner(detail));
        }
        b.append("<form method=\"post\" action=\"").append(Html.escape(layout.url(unit, "users"))).append("\" novalidate>")
                .append(layout.csrfField())
                .append(layout.input("username", "Tên đăng nhập", "Username", v.get("username"), errors, "required autocomplete=\"off\" spellcheck=\"false\""))
                .append(layout.input("displayName", "Họ tên", "Full name", v.get("displayName"), errors, "required"))
                .append(roleBoxes(roles, subtree, errors))
                .append("<p><button type=\"submit\">").append(layout.t("Thêm người dùng", "Add the user")).append("</button></p></form>");
        return layout.page(unit, "users", "Người dùng", "Users", b.toString());
    }

    private String editPage(Tenant unit, UsersResource.UserView u, Map<String, String> v, Set<String> roles, boolean subtree,
                            Map<String, String> errors, String detail) {
        StringBuilder b = new StringBuilder("<h1>").append(layout.t("Người dùng ", "User ")).append(Html.escape(u.username())).append("</h1>");
        if (!errors.isEmpty() || detail != null) {
            b.append(layout.refusedBanner(detail));
        }
        b.append("<form method=\"post\" action=\"").append(Html.escape(layout.url(unit, "users/" + u.username()))).append("\" novalidate>")
                .append(layout.csrfField())
                .append(layout.input("displayName", "Họ tên", "Full name", v.get("displayName"), errors, "required"))
                .append(roleBoxes(roles, subtree, errors))
                .append(layout.select("status", "Trạng thái", "Status", v.get("status"),
                        List.of(new String[] {"active", "Đang hoạt động", "Active"}, new String[] {"disabled", "Đã khoá", "Disabled"}), errors))
                .append("<p><button type=\"submit\">").append(layout.t("Lưu", "Save")).append("</button> ")
                .append(Desk.link(layout.url(unit, "users"), layout.t("Huỷ", "Cancel"))).append("</p></form>");
        b.append("<h2>").append(layout.t("Mã truy cập API", "API tokens")).append("</h2><p>")
                .append(layout.t("Các chương trình làm việc thay người dùng này. Thu hồi một mã khi nghi bị lộ hoặc không còn dùng; "
                        + "khoá tài khoản thì mọi mã đều bị từ chối.", "Programs acting for this user. Revoke a token that may have "
                        + "leaked or is no longer used; disabling the account refuses all of them.")).append("</p>");
        List<TokenView> tokens = layout.call(() -> users.tokens(u.username()));
        if (tokens.isEmpty()) {
            b.append("<p id=\"no-tokens\">").append(layout.t("Người dùng này chưa có mã truy cập nào.", "This user has no API token."))
                    .append("</p>");
        } else {
            b.append(TokenTable.html(layout.request(), tokens, layout.en(),
                    t -> layout.url(unit, "users/" + u.username() + "/tokens/" + t.id() + "/revoke")));
        }
        return layout.page(unit, "users", "Người dùng", "Users", b.toString());
    }

    private String roleBoxes(Set<String> roles, boolean subtree, Map<String, String> errors) {
        StringBuilder b = new StringBuilder("<fieldset id=\"roles\"");
        if (errors.containsKey("roles")) {
            b.append(" aria-describedby=\"roles-error\"");
        }
        b.append("><legend>").append(layout.t("Vai trò", "Roles")).append("</legend>");
        for (Role r : Role.values()) {
            if (r == Role.PROVINCE_ADMIN && !provinceAdmin() && !roles.contains(r.name())) {
                continue;
            }
            b.append(layout.checkbox("roles", r.name(), r.vietnamese(), english(r), roles.contains(r.name())));
        }
        if (provinceAdmin()) {
            b.append(layout.checkbox("subtreeRights", "on", "Có quyền ở các đơn vị cấp dưới", "Rights over the units below", subtree));
        }
        if (errors.containsKey("roles")) {
            b.append("<p class=\"field-error\" id=\"roles-error\">").append(Html.escape(errors.get("roles"))).append("</p>");
        }
        return b.append("</fieldset>").toString();
    }

    private boolean provinceAdmin() {
        return layout.user().map(u -> u.has(Role.PROVINCE_ADMIN)).orElse(false);
    }

    private <T> Map<String, String> violations(Set<ConstraintViolation<T>> found, Function<String, String> fieldOf) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<T> v : found) {
            errors.merge(fieldOf.apply(v.getPropertyPath().toString()), layout.message(v.getMessage()), (a, c) -> a.equals(c) ? a : a + " " + c);
        }
        return errors;
    }

    /** "roles[0].<list element>" and the like are all the roles box. */
    private static String field(String path) {
        return path.startsWith("roles") ? "roles" : path;
    }

    private String roleName(String role) {
        try {
            Role r = Role.valueOf(role);
            return layout.en() ? english(r) : r.vietnamese();
        } catch (IllegalArgumentException e) {
            return role;
        }
    }

    private static String english(Role r) {
        return switch (r) {
            case PROVINCE_ADMIN -> "Province administrator";
            case UNIT_ADMIN -> "Unit administrator";
            case STAFF -> "Staff";
            case CITIZEN -> "Citizen";
            case EDITOR -> "Editor";
            case APPROVER -> "Approver";
            case RECEIVER -> "One-stop desk (receives dossiers, returns results)";
            case HANDLER -> "Dossier handler";
            case LEADER -> "Leader (approves and signs)";
            case CLERK -> "Clerk (numbers, sends and registers official documents)";
        };
    }

    private String statusName(String status) {
        return "active".equals(status) ? layout.t("Đang hoạt động", "Active") : layout.t("Đã khoá", "Disabled");
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.strip();
    }
}
