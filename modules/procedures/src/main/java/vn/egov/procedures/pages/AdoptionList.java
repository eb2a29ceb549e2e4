package vn.egov.procedures.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;
import vn.egov.procedures.control.Adoption;
import vn.egov.procedures.entity.Procedure;

/** What the adoption screen ({@code adoption.jte}) shows: the filter as chosen and the province's catalogue through it. */
public final class AdoptionList {
    /** At most this many rows are listed; the count says how many more the filter let through. */
    static final int LIMIT = 300;

    /**
     * The page: the filter's choices, the rows, the counts, a refusal above the list, at the province the import's address,
     * and the language its filter keeps (null: Vietnamese).
     */
    public record View(String action, String q, List<DeskFrame.Option> sectors, List<DeskFrame.Option> levels, List<DeskFrame.Option> states,
                       Filter filter, int matching, int total, List<Row> rows, String error, String importHref, String lang) {
        /** Whether the rows can be ticked (not at the province, whose own catalogue this is). */
        public boolean choosing() {
            return importHref == null;
        }

        public boolean cut() {
            return matching > rows.size();
        }
    }

    /** A procedure of the catalogue: its level and online level in words, whether the unit adopted it, may adopt it, ticked it. */
    public record Row(String code, String name, String sector, String level, String online, boolean adopted, boolean ownLevel,
                      boolean ticked, String templates) {
        public String id() {
            return "c-" + code.replace('.', '-');
        }
    }

    /** The filter: words as typed, a sector (empty: all), a level (empty: all), {@code adopted}, {@code other} or all. */
    public record Filter(String q, String sector, String level, String state) {
        static Filter of(String q, String sector, String level, String state, Tenant unit) {
            String own = Procedure.Level.ofUnitKind(unit.getKind().name().toLowerCase(Locale.ROOT)).db();
            return new Filter(q == null ? "" : q.strip(), sector == null ? "" : sector, level == null ? (unit.getParentId() == null ? "" : own)
                    : level, state == null ? "" : state);
        }

        /** The filter as the query of the page's address (empty when it is all the defaults a unit opens with). */
        String query() {
            StringBuilder b = new StringBuilder();
            add(b, "q", q);
            add(b, "sector", sector);
            add(b, "level", level.isEmpty() ? "all" : level);
            add(b, "state", state);
            return b.toString();
        }

        private static void add(StringBuilder b, String name, String value) {
            if (!value.isEmpty()) {
                b.append(b.length() == 0 ? '?' : '&').append(name).append('=').append(AdoptionPage.encode(value));
            }
        }

        boolean lets(Procedure p, boolean adopted) {
            String words = CatalogueSite.fold(q);
            return CatalogueSite.matches(words, p.name() + " " + p.code())
                    && (sector.isEmpty() || p.sector().equals(sector))
                    && (level.isEmpty() || level.equals("all") || p.level().db().equals(level))
                    && (state.isEmpty() || state.equals("adopted") == adopted);
        }
    }

    private AdoptionList() {
    }

    static View view(Adoption adoption, Tenant unit, Filter f, List<String> ticked, Messages t, String action, String importHref, String error,
                     String lang) {
        List<Procedure> all = adoption.catalogueOf(adoption.province(unit));
        Set<Long> adopted = adoption.adopted(unit);
        Procedure.Level own = Procedure.Level.ofUnitKind(unit.getKind().name().toLowerCase(Locale.ROOT));
        List<Row> rows = new ArrayList<>();
        int matching = 0;
        for (Procedure p : all) {
            boolean a = adopted.contains(p.id());
            if (!f.lets(p, a)) {
                continue;
            }
            if (++matching <= LIMIT) {
                // at the province, each procedure's form templates are furnished from its row
                String templates = importHref == null ? null : action.replace("/admin/procedures", "/admin/procedures/" + p.code() + "/templates");
                rows.add(new Row(p.code(), p.name(), p.sector(), t.text(p.level().key()), CatalogueSite.online(p.onlineLevel(), t), a,
                        p.level() == own, ticked.contains(p.code()), templates));
            }
        }
        List<DeskFrame.Option> sectors = new ArrayList<>();
        sectors.add(new DeskFrame.Option("", t.text("catalogue.all"), f.sector().isEmpty()));
        all.stream().map(Procedure::sector).distinct().sorted().forEach(s -> sectors.add(new DeskFrame.Option(s, s, s.equals(f.sector()))));
        List<DeskFrame.Option> levels = new ArrayList<>();
        levels.add(new DeskFrame.Option("all", t.text("catalogue.all"), f.level().isEmpty() || f.level().equals("all")));
        for (Procedure.Level l : Procedure.Level.values()) {
            levels.add(new DeskFrame.Option(l.db(), t.text(l.key()), l.db().equals(f.level())));
        }
        List<DeskFrame.Option> states = List.of(new DeskFrame.Option("", t.text("catalogue.all"), f.state().isEmpty()),
                new DeskFrame.Option("adopted", t.text("adoption.state.adopted"), f.state().equals("adopted")),
                new DeskFrame.Option("other", t.text("adoption.state.other"), f.state().equals("other")));
        return new View(action, f.q(), sectors, levels, states, f, matching, all.size(), rows, error, importHref, lang);
    }
}
