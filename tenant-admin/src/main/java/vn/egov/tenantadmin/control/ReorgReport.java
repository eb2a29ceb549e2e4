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
                .add("usernames", Wording.BOTH.text("report.usernames"));
    }

    // ---- each operation in words, with the units it ends (or moves) and their records

    JsonObject merged(int line, List<Unit> sources, Unit target, Handover.Admins admins) {
        return Json.createObjectBuilder().add("line", line).add("op", "merge")
                .add("summary", "Sáp nhập " + names(sources) + " vào " + target.name + " (" + target.code + ")"
                        + "; quản trị viên của đơn vị sáp nhập: " + admins(admins))
                .add("units", unitsJson(sources, target)).build();
    }

    JsonObject moved(int line, Unit u, Unit parent) {
        return Json.createObjectBuilder().add("line", line).add("op", "move")
                .add("summary", "Chuyển " + u.name + " (" + u.code + ") về trực thuộc " + parent.name)
                .add("units", Json.createArrayBuilder().add(unitJson(u, parent))).build();
    }

    static JsonObject renamed(int line, String unit, String code, String name, String kind, String gso) {
        return Json.createObjectBuilder().add("line", line).add("op", "rename")
                .add("summary", "Đổi " + unit + " thành " + name + " (" + code + ", " + TenantKind.fromDb(kind).vietnamese()
                        + (gso == null ? "" : ", mã thống kê " + gso) + ")").build();
    }

    JsonObject dissolved(int line, Unit u, Unit parent, Handover.Admins admins) {
        return Json.createObjectBuilder().add("line", line).add("op", "dissolve")
                .add("summary", "Giải thể " + u.name + " (" + u.code + "); các đơn vị trực thuộc về " + parent.name
                        + "; quản trị viên của đơn vị giải thể: " + admins(admins))
                .add("units", unitsJson(List.of(u), parent)).build();
    }

    JsonObject provincesMerged(int line, List<Unit> roots, Unit root) {
        return Json.createObjectBuilder().add("line", line).add("op", "merge-provinces")
                .add("summary", "Hợp nhất " + names(roots) + " thành " + root.name + " (" + root.code + ")")
                .add("units", unitsJson(roots, root)).build();
    }

    static JsonObject provinceAdded(int line, Unit root) {
        return Json.createObjectBuilder().add("line", line).add("op", "add-province")
                .add("summary", "Thêm " + root.name + " (" + root.code + ")").build();
    }

    static String admins(Handover.Admins a) {
        return switch (a) {
            case ADMINS -> "giữ quyền quản trị ở đơn vị kế thừa";
            case STAFF -> "thành cán bộ của đơn vị kế thừa, không còn quyền quản trị";
            case NONE -> "không giữ vai trò nào (tài khoản bị khóa)";
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
