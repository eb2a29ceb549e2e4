package vn.egov.dossiers.pages;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.dossiers.control.Intake;
import vn.egov.platform.web.pages.Messages;

/** What the applicant's pages ({@code /me/dossiers}) show, and how it is read from a dossier as the dossiers' code gives it. */
public final class MyDossierViews {

    /** A dossier of the list. */
    public record Listed(String code, String href, String procedureName, String receivedDate, String dueDate, String status) {
    }

    /** A request for the post to pick a paper dossier up. */
    public record Pickup(long id, String procedureCode, String address, String requestedDate, String status, String tracking) {
    }

    /** The list: {@code pickupAsked} after a pickup was just asked for. */
    public record Mine(boolean pickupAsked, List<Listed> dossiers, List<Pickup> pickups) {
    }

    /** The fee: owed (with its QR code) or paid ({@code refunded} 0 when nothing was refunded). */
    public record Payment(boolean pending, long amount, String reference, QrSvg.Qr qr, String transactionId, long refunded) {
    }

    /** A file of the dossier ({@code kind} paper, supplement or result). */
    public record File(String kind, String href, String name) {
    }

    /** A notice of the agency (forms 02 to 05) as a PDF. */
    public record Notice(int form, String href, String reason) {
    }

    /** An entry of the history. */
    public record Step(String at, String status, String note) {
    }

    /**
     * One dossier: what it is, where it is, and what the applicant may do now ({@code supplement} the papers asked for,
     * or null; {@code mayRate}; {@code mayWithdraw}); {@code errors} a refused action's message by its form ("" above all).
     */
    public record Dossier(String code, String listHref, String flash, String error, String procedureName, String status, String receivedDate,
                          String dueDate, String newDueDate, boolean byPost, String slipHref, Payment payment, List<File> files, List<Notice> notices,
                          List<String> supplement, boolean mayRate, Integer rating, boolean mayWithdraw, List<Step> history, String action,
                          String supplementAction, Map<String, String> errors) {
    }

    private MyDossierViews() {
    }

    static Mine mine(boolean pickupAsked, List<vn.egov.dossiers.entity.Dossier> dossiers, List<JsonObject> pickups) {
        List<Listed> listed = dossiers.stream().map(d -> new Listed(d.code(), "/me/dossiers/" + d.code(), d.procedureName(),
                Intake.DAY.format(d.receivedAt().atZone(Intake.VIETNAM)), Intake.DAY.format(d.dueDate()), d.status())).toList();
        List<Pickup> asked = pickups.stream().map(p -> new Pickup(p.getJsonNumber("id").longValue(), p.getString("procedureCode"),
                p.getString("address"), Intake.DAY.format(Instant.parse(p.getString("requestedAt")).atZone(Intake.VIETNAM)), p.getString("status"),
                p.getString("tracking", ""))).toList();
        return new Mine(pickupAsked, listed, asked);
    }

    /** The dossier {@code d} for its applicant; {@code flash} a message already in the page's language. */
    static Dossier dossier(JsonObject d, String flash, Map<String, String> errors, Messages t) {
        String code = d.getString("code");
        String base = "/api/me/dossiers/" + code;
        String status = d.getString("status");
        Payment payment = null;
        if (d.containsKey("payment")) {
            JsonObject pay = d.getJsonObject("payment");
            long amount = pay.getJsonNumber("amount").longValue();
            boolean pending = pay.getString("status").equals("pending");
            payment = new Payment(pending, amount, pay.getString("reference", ""),
                    pending ? QrSvg.of(pay.getString("qr"), 220, t.text("mine.pay.qr", String.format("%,d", amount).replace(',', '.'))) : null,
                    pay.getString("transactionId", ""), pending ? 0 : pay.getJsonNumber("refunded").longValue());
        }
        List<File> files = d.getJsonArray("files").stream().map(JsonValue::asJsonObject)
                .map(f -> new File(f.getString("kind"), base + "/files/" + f.getJsonNumber("id").longValue(), f.getString("name"))).toList();
        List<Notice> notices = d.getJsonArray("notices").stream().map(JsonValue::asJsonObject)
                .map(n -> new Notice(n.getInt("form") >= 2 && n.getInt("form") <= 4 ? n.getInt("form") : 5, base + "/forms/" + n.getInt("form") + ".pdf",
                        n.getString("reason"))).toList();
        List<String> supplement = null;
        if (status.equals("supplement")) {
            JsonObject asked = d.getJsonArray("notices").stream().map(JsonValue::asJsonObject).filter(n -> n.getInt("form") == 2 && !n.containsKey("answeredAt"))
                    .reduce((a, z) -> z).orElse(null);
            if (asked != null) {
                supplement = new ArrayList<>();
                for (JsonValue p : asked.getJsonArray("papers")) {
                    supplement.add(((JsonString) p).getString());
                }
            }
        }
        List<Step> history = d.getJsonArray("history").stream().map(JsonValue::asJsonObject)
                .map(e -> new Step(DeskViews.time(e.getString("at")), e.getString("status"), DeskViews.note(e, t))).toList();
        boolean rated = d.containsKey("rating");
        return new Dossier(code, "/me/dossiers", flash, errors.get(""), d.getString("procedureName"), status, d.getString("receivedDate"),
                d.getString("dueDate"), d.getString("newDueDate", null), "post".equals(d.getString("returnBy")), base + "/receipt.pdf", payment, files,
                notices, supplement, status.equals("done") && !rated, rated ? d.getInt("rating") : null,
                !List.of("done", "refused", "stopped").contains(status), history, "/me/dossiers/" + code, "/me/dossiers/" + code + "/supplement", errors);
    }
}
