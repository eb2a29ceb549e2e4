package vn.egov.platform.web.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.text.Normalizer;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.web.Access;

/**
 * The one audit trail every module writes its administrative changes to (a unit's settings, users, a site's theme and
 * menu, a fee account, an organ's exchange identity...): who (the logged-in user), which unit, what ({@code action},
 * a dotted name such as {@code portal.theme.changed}), on what ({@code target}), the state before and after as JSON.
 * Written in the caller's transaction and scope, so it stands or falls with the change itself; the table is
 * append-only for the application, and its rows are read by the unit administration's audit page and API.
 */
@RequestScoped
public class AuditLog {
    static final int ACTION_MAX = 40;
    static final int TARGET_MAX = 200;

    @Inject
    Db db;

    @Inject
    Access access;

    public void record(long tenantId, String action, String target, JsonObject before, JsonObject after) {
        if (action == null || action.isBlank() || action.length() > ACTION_MAX) {
            throw new IllegalArgumentException("an audit action is a dotted name of at most " + ACTION_MAX + " characters: " + action);
        }
        String t = Normalizer.normalize(target == null ? "" : target, Normalizer.Form.NFC);
        db.update("INSERT INTO audit_entry (tenant_id, actor, action, target, before_state, after_state) VALUES (?, ?, ?, ?, ?, ?)",
                tenantId, access.username(), action, t.length() > TARGET_MAX ? t.substring(0, TARGET_MAX) : t,
                Db.orNull(before == null ? null : before.toString()), Db.orNull(after == null ? null : after.toString()));
    }
}
