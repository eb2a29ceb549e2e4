package vn.egov.dossiers.control;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.audit.AuditLog;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.words.Note;

/**
 * The fees a dossier owes and their payment: requested at intake when the procedure version has fees (the
 * reference {@code HS<dossier id>} and a VietQR code to the province's account), recorded paid from the gateway's
 * signed callback or, if the callback never came, from the day's statement at reconciliation; refunds recorded
 * against what was paid. A step the procedure names in {@code payBeforeStep} waits until it is paid.
 */
@ApplicationScoped
public class Payments {

    @Inject
    Db db;

    @Inject
    AuditLog audit;

    @Inject
    Announcements announcements;

    /** One line of the gateway's statement of a day. */
    public record StatementLine(String reference, long amount, String transactionId, Instant paidAt) {
        public StatementLine {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(transactionId, "transactionId");
        }
    }

    public record Reconciled(int matched, int recovered, int missing, int unknown, jakarta.json.JsonArray details) {
    }

    static long total(JsonNode definition) {
        long sum = 0;
        for (JsonNode f : definition.path("fees")) {
            sum += f.path("amount").asLong(0);
        }
        return sum;
    }

    /** At intake, in the receiving unit's transaction: a payment request if the procedure charges anything. */
    void request(long unitId, long dossierId, JsonNode definition) {
        long total = total(definition);
        if (total > 0) {
            Account to = account(unitId);
            db.insert("INSERT INTO dossier_payment (tenant_id, dossier_id, reference, amount, bank_bin, account_no, account_name) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "RETURNING id", unitId, dossierId, "HS" + dossierId, total, to.bin(), to.number(), to.name());
        }
    }

    /** A bank account fees are paid into: the bank's BIN (6 digits, as in VietQR), the account number, the holder's name. */
    public record Account(String bin, String number, String name) {
        public Account {
            Objects.requireNonNull(bin, "bin");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The account the unit collects into: its own, or else the deployment's. In the unit's scope. */
    public Account account(long unitId) {
        return own(unitId).orElseGet(Payments::deployment);
    }

    /** The unit's own account, if its administrator set one. In the unit's scope. */
    public Optional<Account> own(long unitId) {
        return db.one("SELECT bank_bin, account_no, account_name FROM unit_payment_account WHERE tenant_id = ?",
                rs -> new Account(rs.getString(1), rs.getString(2), rs.getString(3)), unitId);
    }

    /** The account the unit's fees go to now, and whether it is the unit's own (else the deployment's common one). */
    public record Current(Account account, boolean own) {
    }

    /** The same, read in its own transaction in the unit's scope (for a page). */
    @Transactional
    @TenantTransactional
    public Current current(long unitId) {
        Optional<Account> own = own(unitId);
        return new Current(own.orElseGet(Payments::deployment), own.isPresent());
    }

    static Account deployment() {
        return new Account(config("egov.payment.bin", "970405"), config("egov.payment.account", "0000000000000"),
                config("egov.payment.name", "KHO BAC NHA NUOC"));
    }

    /**
     * Sets the unit's own account (its administrator's act): BIN 6 digits, account 6 to 19 digits, the holder's name
     * (as the bank spells it, capitals without diacritics as banks print them are accepted as given). Payment requests
     * already made keep the account they named. All or nothing.
     */
    @Transactional
    @TenantTransactional
    public Account save(Tenant unit, String bin, String number, String name, String actor) {
        String b = bin == null ? "" : bin.strip();
        String n = number == null ? "" : number.strip().replace(" ", "");
        String h = Processing.clean(name, Integer.MAX_VALUE); // the length is this form's own message, beside its field
        Fields problems = new Fields();
        if (!b.matches("[0-9]{6}")) {
            problems.add("bin", "problem.field.bankBinDigitsE");
        }
        if (!n.matches("[0-9]{6,19}")) {
            problems.add("account", "problem.field.accountNumberDigits");
        }
        if (h == null || h.length() > 100) {
            problems.add("name", "problem.field.giveAccountHolderName");
        }
        if (!problems.isEmpty()) {
            throw Processing.invalid(problems);
        }
        Optional<Account> before = own(unit.getId());
        db.update("INSERT INTO unit_payment_account (tenant_id, bank_bin, account_no, account_name, updated_by) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (tenant_id) DO UPDATE SET bank_bin = EXCLUDED.bank_bin, account_no = EXCLUDED.account_no, "
                + "account_name = EXCLUDED.account_name, updated_by = EXCLUDED.updated_by, updated_at = now()", unit.getId(), b, n, h, actor);
        audit.record(unit.getId(), "dossiers.payment-account.changed", unit.getCode(), before.map(Payments::accountJson).orElse(null),
                accountJson(new Account(b, n, h)));
        return new Account(b, n, h);
    }

    private static JsonObject accountJson(Account a) {
        return Jsonp.createObjectBuilder().add("bin", a.bin()).add("account", a.number()).add("name", a.name()).build();
    }

    /** Whether the dossier may enter {@code step}: not while a fee due before it is unpaid. */
    void requirePaidBefore(long dossierId, JsonNode definition, String step) {
        boolean needed = false;
        for (JsonNode f : definition.path("fees")) {
            needed |= step.equals(f.path("payBeforeStep").asText(null)) && f.path("amount").asLong(0) > 0;
        }
        if (!needed) {
            return;
        }
        Optional<long[]> pending = db.one("SELECT amount FROM dossier_payment WHERE dossier_id = ? AND status = 'pending'", rs -> new long[] {rs.getLong(1)},
                dossierId);
        if (pending.isPresent()) {
            throw new ProblemException(Problem.of(Wording::in, 409, "conflict", "problem.notPossibleNow", "problem.unpaid",
                    String.format("%,d", pending.get()[0]).replace(',', '.')));
        }
    }

    /** The payment of a dossier as its readers see it (with the VietQR code while it is due). */
    public Optional<JsonObject> json(long dossierId) {
        return db.one("SELECT reference, amount, status, paid_at, transaction_id, paid_via, refunded, bank_bin, account_no, account_name "
                + "FROM dossier_payment WHERE dossier_id = ?", rs -> {
            JsonObjectBuilder o = Jsonp.createObjectBuilder().add("reference", rs.getString(1)).add("amount", rs.getLong(2)).add("status", rs.getString(3))
                    .add("refunded", rs.getLong(7));
            if (rs.getString(3).equals("pending")) {
                // the account named when the request was made (requests older than per-unit accounts: the deployment's)
                Account to = rs.getString(8) == null ? deployment() : new Account(rs.getString(8), rs.getString(9), rs.getString(10));
                o.add("qr", VietQr.payload(to.bin(), to.number(), rs.getLong(2), rs.getString(1))).add("account", Jsonp.createObjectBuilder()
                        .add("bin", to.bin()).add("number", to.number()).add("name", to.name()));
            } else {
                o.add("paidAt", Db.instant(rs, "paid_at").toString()).add("transactionId", rs.getString(5)).add("paidVia", rs.getString(6));
            }
            return o.build();
        }, dossierId);
    }

    /**
     * The gateway says the reference was paid: recorded once (the same transaction again changes nothing), the
     * amount must be the amount asked. In the scope of the unit that asked for it.
     */
    @Transactional
    @TenantTransactional
    public boolean paid(long unitId, String reference, long amount, String transactionId, String via) {
        record P(long id, long dossierId, long amount, String status, String txn) {
        }
        P p = db.one("SELECT id, dossier_id, amount, status, transaction_id FROM dossier_payment WHERE reference = ? FOR UPDATE",
                rs -> new P(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)), reference)
                .orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.payment", reference));
        if (p.status().equals("paid")) {
            if (transactionId.equals(p.txn())) {
                return false;
            }
            throw new ProblemException(Problem.of(Wording::in, 409, "conflict", "problem.alreadyPaid.title", "problem.alreadyPaid", reference));
        }
        if (amount != p.amount()) {
            throw new ProblemException(Problem.of(Wording::in, 422, "amount-mismatch", "problem.wrongAmount.title", "problem.wrongAmount",
                    String.valueOf(amount), String.valueOf(p.amount())));
        }
        db.update("UPDATE dossier_payment SET status = 'paid', paid_at = now(), transaction_id = ?, paid_via = ? WHERE id = ?", transactionId, via, p.id());
        String status = db.one("SELECT status FROM dossier WHERE id = ?", rs -> rs.getString(1), p.dossierId()).orElseThrow();
        announcements.event(unitId, p.dossierId(), status, "payment-gateway", Note.said(Wording.BUNDLE, "history.paid", p.amount(), transactionId));
        return true;
    }

    /** A refund of part or all of what was paid, by the unit that was paid; never more than what is left. */
    @Transactional
    @TenantTransactional
    public JsonObject refund(Tenant unit, String code, long amount, String reason, String actor) {
        record P(long id, long dossierId, long amount, long refunded, String status) {
        }
        P p = db.one("SELECT p.id, p.dossier_id, p.amount, p.refunded, p.status FROM dossier_payment p JOIN dossier d ON d.id = p.dossier_id "
                        + "WHERE d.code = ? AND p.tenant_id = ? FOR UPDATE OF p", rs -> new P(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)),
                code, unit.getId()).orElseThrow(() -> ProblemException.notFound(Wording::in, "notFound.paymentOfDossier", code));
        Duties.require(unit.getId(), Duties.REFUNDING, "problem.duty.refund");
        String r = Processing.clean(reason, 2000, "reason");
        Fields problems = new Fields();
        if (!p.status().equals("paid")) {
            problems.add("amount", "problem.field.nothingWasPaidNothing");
        } else if (amount <= 0 || amount > p.amount() - p.refunded()) {
            problems.add("amount", "problem.field.refundRange", (p.amount() - p.refunded()));
        }
        if (r == null) {
            problems.add("reason", "problem.field.giveReasonForRefund");
        }
        if (!problems.isEmpty()) {
            throw Processing.invalid(problems);
        }
        db.insert("INSERT INTO dossier_refund (tenant_id, dossier_id, payment_id, amount, reason, actor) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", unit.getId(),
                p.dossierId(), p.id(), amount, r, actor);
        db.update("UPDATE dossier_payment SET refunded = refunded + ? WHERE id = ?", amount, p.id());
        String status = db.one("SELECT status FROM dossier WHERE id = ?", rs -> rs.getString(1), p.dossierId()).orElseThrow();
        announcements.event(unit.getId(), p.dossierId(), status, actor, Note.said(Wording.BUNDLE, "history.refunded", amount, r));
        return json(p.dossierId()).orElseThrow();
    }

    /**
     * A day's statement against the payments recorded, province-wide (in the province's subtree scope): a line
     * already recorded with its transaction matches; a line whose payment is still pending (the callback was lost)
     * is recorded paid now; a line of no known reference is unknown; a payment recorded paid that day but absent
     * from the statement is missing. The run is kept with its details.
     */
    @Transactional
    @TenantTransactional
    public Reconciled reconcile(Tenant province, LocalDate day, List<StatementLine> lines, String actor) {
        int matched = 0;
        int recovered = 0;
        int unknown = 0;
        JsonArrayBuilder details = Jsonp.createArrayBuilder();
        Set<String> seen = new HashSet<>();
        for (StatementLine l : lines) {
            seen.add(l.transactionId());
            Optional<String[]> p = db.one("SELECT status, coalesce(transaction_id, ''), tenant_id::text FROM dossier_payment WHERE reference = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, l.reference());
            if (p.isEmpty()) {
                unknown++;
                details.add(Jsonp.createObjectBuilder().add("reference", l.reference()).add("transactionId", l.transactionId()).add("result", "unknown"));
            } else if (p.get()[0].equals("pending")) {
                paid(Long.parseLong(p.get()[2]), l.reference(), l.amount(), l.transactionId(), "reconciliation");
                recovered++;
                details.add(Jsonp.createObjectBuilder().add("reference", l.reference()).add("transactionId", l.transactionId()).add("result", "recovered"));
            } else if (p.get()[1].equals(l.transactionId())) {
                matched++;
            } else {
                unknown++;
                details.add(Jsonp.createObjectBuilder().add("reference", l.reference()).add("transactionId", l.transactionId()).add("result", "other-transaction"));
            }
        }
        int missing = 0;
        for (String[] ours : db.list("SELECT reference, transaction_id FROM dossier_payment WHERE status = 'paid' AND paid_at >= ? AND paid_at < ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, day.atStartOfDay(Intake.VIETNAM).toInstant(),
                day.plusDays(1).atStartOfDay(Intake.VIETNAM).toInstant())) {
            if (!seen.contains(ours[1])) {
                missing++;
                details.add(Jsonp.createObjectBuilder().add("reference", ours[0]).add("transactionId", ours[1]).add("result", "missing-from-statement"));
            }
        }
        jakarta.json.JsonArray all = details.build();
        db.insert("INSERT INTO payment_reconciliation (tenant_id, day, matched, recovered, missing, unknown, details, run_by) VALUES (?, ?, ?, ?, ?, ?, "
                + "CAST(? AS jsonb), ?) RETURNING id", province.getId(), day, matched, recovered, missing, unknown, all.toString(), actor);
        return new Reconciled(matched, recovered, missing, unknown, all);
    }

    static String config(String key, String fallback) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).filter(s -> !s.isBlank()).orElse(fallback);
    }
}
