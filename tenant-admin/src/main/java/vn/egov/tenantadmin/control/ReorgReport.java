package vn.egov.tenantadmin.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.egov.platform.tenancy.entity.TenantKind;
import vn.egov.platform.tenancy.reorg.Handover;
import vn.egov.platform.words.Phrase;
import vn.egov.tenantadmin.control.ReorgTree.Unit;

/** How a played plan is told: its operations in words, the units with their records, the basis to apply it with. */
final class ReorgReport {
    private final ReorgTree tree;

    ReorgReport(ReorgTree tree) {
        this.tree = tree;
    }

    JsonObjectBuilder report(ReorgPlan plan, boolean applied, Set<String> referenced, List<JsonObject> described, List<ReorgStep> steps) {
        JsonObjectBuilder basis = Json.createObjectBuilder();
        for (String code : referenced) {
            Unit u = tree.byCode(code);
            if (u != null && u.existing) {
                basis.add(code, u.version);
            }
        }
        JsonArrayBuilder ops = Json.createArrayBuilder();
        described.forEach(ops::add);
        long ended = tree.all().stream().filter(tree::endedInPlan).count();
        long moves = steps.stream().filter(s -> s instanceof ReorgStep.Move).count();
        long creates = steps.stream().filter(s -> s instanceof ReorgStep.Create).count();
        Map<String, Long> toMove = new TreeMap<>();
        for (Unit u : tree.all()) {
            if (tree.endedInPlan(u)) {
                u.records.forEach((t, n) -> toMove.merge(t, n, Long::sum));
            }
        }
        return Json.createObjectBuilder().add("title", plan.title()).add("applied", applied)
                .add("operations", ops).add("basis", basis)
                .add("unitsEnded", ended).add("unitsMoved", moves).add("unitsCreated", creates)
                .add("recordsToTransfer", Reorganiser.counts(toMove))
                .add(ReorgSaid.SAID, ReorgSaid.said("usernames", Phrase.of(Wording.BUNDLE, "report.usernames")));
    }

    // ---- each operation in words (keys of the module's texts, said when the report is shown), with the units it ends
    // (or moves) and their records

    JsonObject merged(int line, List<Unit> sources, Unit target, Handover.Admins admins) {
        return Json.createObjectBuilder().add("line", line).add("op", "merge")
                .add(ReorgSaid.SAID, summary(merged(admins), names(sources), target.name, target.code))
                .add("units", unitsJson(sources, target)).build();
    }

    JsonObject moved(int line, Unit u, Unit parent) {
        return Json.createObjectBuilder().add("line", line).add("op", "move")
                .add(ReorgSaid.SAID, summary("report.moved", u.name, u.code, parent.name))
                .add("units", Json.createArrayBuilder().add(unitJson(u, parent))).build();
    }

    /** The new kind of unit is said in the reader's language too ({@code report.kind.*}). */
    static JsonObject renamed(int line, String unit, String code, String name, String kind, String gso) {
        Phrase k = Phrase.of(Wording.BUNDLE, kind(TenantKind.fromDb(kind)));
        return Json.createObjectBuilder().add("line", line).add("op", "rename")
                .add(ReorgSaid.SAID, gso == null ? summary("report.renamed", unit, name, code, k)
                        : summary("report.renamedGso", unit, name, code, k, gso)).build();
    }

    JsonObject dissolved(int line, Unit u, Unit parent, Handover.Admins admins) {
        return Json.createObjectBuilder().add("line", line).add("op", "dissolve")
                .add(ReorgSaid.SAID, summary(dissolved(admins), u.name, u.code, parent.name))
                .add("units", unitsJson(List.of(u), parent)).build();
    }

    JsonObject provincesMerged(int line, List<Unit> roots, Unit root) {
        return Json.createObjectBuilder().add("line", line).add("op", "merge-provinces")
                .add(ReorgSaid.SAID, summary("report.provincesMerged", names(roots), root.name, root.code))
                .add("units", unitsJson(roots, root)).build();
    }

    static JsonObject provinceAdded(int line, Unit root) {
        return Json.createObjectBuilder().add("line", line).add("op", "add-province")
                .add(ReorgSaid.SAID, summary("report.provinceAdded", root.name, root.code)).build();
    }

    private static JsonObjectBuilder summary(String key, Object... args) {
        return ReorgSaid.said("summary", Phrase.of(Wording.BUNDLE, key, args));
    }

    /** A merge's words, with what the merged units' administrators become. */
    private static String merged(Handover.Admins a) {
        return switch (a) {
            case ADMINS -> "report.merged.admins";
            case STAFF -> "report.merged.staff";
            case NONE -> "report.merged.none";
        };
    }

    /** A dissolution's words, with what the dissolved unit's administrators become. */
    private static String dissolved(Handover.Admins a) {
        return switch (a) {
            case ADMINS -> "report.dissolved.admins";
            case STAFF -> "report.dissolved.staff";
            case NONE -> "report.dissolved.none";
        };
    }

    /** The name of a kind of unit. */
    private static String kind(TenantKind k) {
        return switch (k) {
            case PROVINCE -> "report.kind.province";
            case DEPARTMENT -> "report.kind.department";
            case AGENCY -> "report.kind.agency";
            case BOARD -> "report.kind.board";
            case CITY -> "report.kind.city";
            case DISTRICT -> "report.kind.district";
            case TOWN -> "report.kind.town";
            case WARD -> "report.kind.ward";
            case COMMUNE -> "report.kind.commune";
            case TOWNSHIP -> "report.kind.township";
        };
    }

    JsonArrayBuilder unitsJson(List<Unit> list, Unit successor) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        list.forEach(u -> a.add(unitJson(u, successor)));
        return a;
    }

    JsonObjectBuilder unitJson(Unit u, Unit successor) {
        return Json.createObjectBuilder().add("code", u.code).add("name", u.name).add("successor", successor.code)
                .add("users", u.records.getOrDefault("app_user", 0L)).add("records", Reorganiser.counts(u.records))
                .add("subUnits", tree.liveChildren(u));
    }

    static String names(List<Unit> list) {
        return String.join(", ", list.stream().map(u -> u.name + " (" + u.code + ")").toList());
    }
}
