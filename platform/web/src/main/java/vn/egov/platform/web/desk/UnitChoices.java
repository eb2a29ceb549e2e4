package vn.egov.platform.web.desk;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;

/**
 * The units a person picks from (where a dossier goes next, whom a document goes to): grouped by the district (or
 * other unit of the second level) they are in, the province's own units first, each group and its units in the
 * tree's order; every choice carries its name and its group's folded for the search box (lower case, without
 * diacritics, đ as d), so that "nam cuong" finds "Xã Nậm Cương" and "bat xat" every commune of Bát Xát.
 */
public final class UnitChoices {
    private UnitChoices() {
    }

    /** A unit that can be picked. */
    public record Choice(String value, String label, String search, boolean selected) {
    }

    /** A group of the picker: a district and its units (label empty: the province's own). */
    public record Group(String label, List<Choice> choices) {
    }

    /**
     * The groups of {@code units}, each in the group of its second-level ancestor (or itself, on the second level): found
     * among the units given (one query for one not among them, once per group, not one per unit).
     */
    public static List<Group> of(List<Tenant> units, TenantDirectory directory, Set<String> selected) {
        Map<String, Tenant> byPath = new java.util.HashMap<>();
        units.forEach(t -> byPath.put(t.getPath(), t));
        return of(units, t -> {
            String[] labels = t.getPath().split("\\.");
            String second = labels[0] + "." + labels[1];
            return byPath.computeIfAbsent(second, p -> directory.ancestors(t).stream().filter(a -> a.getPath().equals(p)).findFirst().orElse(null));
        }, selected);
    }

    /**
     * The groups of {@code units}; {@code groupOf} names the second-level unit a unit belongs to (itself for one of the
     * second level, null for the province's own level).
     */
    public static List<Group> of(List<Tenant> units, Function<Tenant, Tenant> groupOf, Set<String> selected) {
        Map<String, List<Choice>> byGroup = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        byGroup.put("", new ArrayList<>());
        labels.put("", "");
        for (Tenant t : units.stream().sorted(Comparator.comparing(Tenant::getPath)).toList()) {
            Tenant group = t.getLevel() <= 1 ? null : groupOf.apply(t);
            boolean district = group != null && !group.getKind().name().equalsIgnoreCase("department");
            String key = district ? group.getPath() : "";
            labels.putIfAbsent(key, district ? group.getName() : "");
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(new Choice(t.getCode(), t.getName(),
                    fold(t.getName() + " " + (district ? group.getName() : "")), selected.contains(t.getCode())));
        }
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((key, choices) -> {
            if (!choices.isEmpty()) {
                groups.add(new Group(labels.get(key), choices));
            }
        });
        return groups;
    }

    /** Lower case, without diacritics, đ as d: what the search box compares. */
    public static String fold(String s) {
        String decomposed = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
