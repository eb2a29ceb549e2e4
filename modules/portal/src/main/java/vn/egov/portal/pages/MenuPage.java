package vn.egov.portal.pages;

import vn.egov.portal.control.Wording;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;
import vn.egov.portal.control.SiteStructure;
import vn.egov.portal.entity.MenuItem;

/**
 * {@code /t/{code}/admin/portal/menu}: the public site's menu as a tree (each item with Up/Down within its level, edit
 * and remove), and the form that adds an item or changes one ({@code menu/{id}}). Made from {@code editor/menu.jte}.
 */
@Path("t/{code}/admin/portal/menu")
@RequestScoped
@Transactional
@TenantTransactional
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class MenuPage {
    static final String TEMPLATE = "editor/menu.jte";

    /** The tree, the form (its values, messages and choices) and the item being edited (null: a new one). */
    public record MenuView(List<Node> tree, MenuItem editing, String action, Map<String, String> values, Map<String, String> errors,
                           Map<String, String> targetErrors, List<DeskFrame.Option> parents, List<DeskFrame.Option> kinds,
                           List<DeskFrame.Option> categories, List<DeskFrame.Option> pages) {
        public DeskFrame.Attributes label() {
            return DeskFrame.attributes("required maxlength=\"100\"");
        }

        public DeskFrame.Attributes labelEn() {
            return DeskFrame.attributes("maxlength=\"100\"");
        }

        public DeskFrame.Attributes target() {
            return DeskFrame.attributes("maxlength=\"500\"");
        }

        public DeskFrame.Attributes position() {
            return DeskFrame.attributes("inputmode=\"numeric\"");
        }
    }

    /** An item of the tree: whether it can move up or down among its siblings, its addresses and its sub-items. */
    public record Node(MenuItem item, String kind, boolean up, boolean down, String move, String edit, String delete, List<Node> children) {
    }

    @Inject
    PortalDesk desk;

    @Inject
    SiteStructure structure;

    @GET
    public Response menu() {
        Tenant unit = desk.require("read");
        PortalDesk.Frame f = frame(unit);
        return desk.ok(TEMPLATE, f, view(unit, f.t(), Map.of(), Map.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMenuItem(MultivaluedMap<String, String> form) {
        return saveMenuForm(null, form);
    }

    @GET
    @Path("{id}")
    public Response editMenuItem(@PathParam("id") long id) {
        Tenant unit = desk.require("read");
        MenuItem m = item(unit, id);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("label", m.label());
        v.put("labelEn", m.labelEn() == null ? "" : m.labelEn());
        v.put("parentId", m.parentId() == null ? "" : m.parentId().toString());
        v.put("kind", m.kind().name().toLowerCase(Locale.ROOT));
        v.put("target", m.kind() == MenuItem.Target.URL && m.target() != null ? m.target() : "");
        v.put("targetCategory", m.kind() == MenuItem.Target.CATEGORY ? m.target() : "");
        v.put("targetPage", m.kind() == MenuItem.Target.PAGE ? m.target().split("-", 2)[0] : "");
        v.put("position", Integer.toString(m.position()));
        PortalDesk.Frame f = frame(unit);
        return desk.ok(TEMPLATE, f, view(unit, f.t(), v, Map.of(), m));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveMenuItem(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return saveMenuForm(id, form);
    }

    private MenuItem item(Tenant unit, long id) {
        return structure.menu(unit).stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> desk.layout().error(ProblemException.notFound(Wording::in, "notFound.menuItem", id).problem()));
    }

    /** Adds ({@code id} null) or changes a menu item from the form; a refused form comes back with its messages. */
    private Response saveMenuForm(Long id, MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require("edit");
        MenuItem editing = id == null ? null : item(unit, id);
        PortalDesk.Frame f = frame(unit);
        Map<String, String> errors = new LinkedHashMap<>();
        Long parent = desk.number(f.t(), form.getFirst("parentId"), "parentId", errors);
        Long position = desk.number(f.t(), form.getFirst("position"), "position", errors);
        MenuItem.Target kind = null;
        try {
            kind = MenuItem.Target.valueOf(String.valueOf(form.getFirst("kind")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("kind", f.t().text("menu.chooseKind"));
        }
        MenuItem.Target k = kind;
        // one field per kind of target (a list of the unit's categories, of its pages, an address): the kind chosen says which counts
        String target = k == MenuItem.Target.CATEGORY ? form.getFirst("targetCategory")
                : k == MenuItem.Target.PAGE ? form.getFirst("targetPage") : form.getFirst("target");
        if (errors.isEmpty() && desk.change(() -> structure.saveMenuItem(unit, id, parent, form.getFirst("label"), form.getFirst("labelEn"), k,
                target == null ? "" : target, position == null ? 0 : position.intValue()), errors).isPresent()) {
            desk.flash(f.t(), id == null ? "flash.menuAdded" : "flash.menuSaved");
            return desk.redirect(path(unit, "menu"));
        }
        throw desk.refuse(400, TEMPLATE, f, view(unit, f.t(), PortalDesk.values(form), errors, editing));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteMenuItem(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require("edit");
        desk.run(() -> structure.deleteMenuItem(unit, id));
        desk.flash(desk.t(), "flash.menuRemoved");
        return desk.redirect(path(unit, "menu"));
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveMenuItem(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        desk.layout().checkCsrf(form.getFirst("csrf"));
        Tenant unit = desk.require("edit");
        boolean up = "up".equals(form.getFirst("direction"));
        desk.run(() -> structure.moveMenuItem(unit, id, up));
        desk.flash(desk.t(), "flash.menuMoved");
        return desk.redirect(path(unit, "menu"));
    }

    private String path(Tenant unit, String sub) {
        return "/t/" + unit.getCode() + "/admin/portal/" + sub;
    }

    private PortalDesk.Frame frame(Tenant unit) {
        return desk.frame(unit, "menu.title", "menu");
    }

    private MenuView view(Tenant unit, Messages t, Map<String, String> v, Map<String, String> errors, MenuItem editing) {
        List<MenuItem> items = structure.menu(unit);
        List<DeskFrame.Option> parents = new ArrayList<>();
        parents.add(option("", t.text("menu.top"), v.get("parentId")));
        items.stream().filter(m -> editing == null || m.id() != editing.id())
                .forEach(m -> parents.add(option(String.valueOf(m.id()), m.label(t.english()), v.get("parentId"))));
        List<DeskFrame.Option> kinds = new ArrayList<>();
        for (String k : List.of("home", "category", "page", "url")) {
            kinds.add(option(k, t.text("kind." + k), v.get("kind")));
        }
        List<DeskFrame.Option> categories = new ArrayList<>();
        categories.add(option("", t.text("menu.chooseCategory"), v.get("targetCategory")));
        structure.categories(unit).forEach(c -> categories.add(option(String.valueOf(c.id()), c.name(t.english()), v.get("targetCategory"))));
        List<DeskFrame.Option> pages = new ArrayList<>();
        pages.add(option("", t.text("menu.choosePage"), v.get("targetPage")));
        structure.pages(unit).forEach(p -> pages.add(option(String.valueOf(p.id()), p.title(), v.get("targetPage"))));
        Map<String, String> targetErrors = new LinkedHashMap<>(errors);
        if (errors.containsKey("target")) {
            // the message goes with the field of the kind chosen
            String kind = v.getOrDefault("kind", "");
            targetErrors.remove("target");
            targetErrors.put(kind.equals("category") ? "targetCategory" : kind.equals("page") ? "targetPage" : "target", errors.get("target"));
        }
        return new MenuView(tree(unit, items, null), editing, desk.sub(unit, editing == null ? "menu" : "menu/" + editing.id()), v, errors,
                targetErrors, parents, kinds, categories, pages);
    }

    private static DeskFrame.Option option(String value, String label, String chosen) {
        return new DeskFrame.Option(value, label, value.equals(chosen == null ? "" : chosen));
    }

    private List<Node> tree(Tenant unit, List<MenuItem> all, Long parent) {
        List<MenuItem> siblings = all.stream().filter(m -> Objects.equals(m.parentId(), parent)).toList();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            MenuItem m = siblings.get(i);
            nodes.add(new Node(m, m.kind().name().toLowerCase(Locale.ROOT), i > 0, i < siblings.size() - 1, desk.sub(unit, "menu/" + m.id() + "/move"),
                    desk.sub(unit, "menu/" + m.id()), desk.sub(unit, "menu/" + m.id() + "/delete"), tree(unit, all, m.id())));
        }
        return nodes;
    }
}
