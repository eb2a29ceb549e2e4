package vn.egov.tenantadmin.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import vn.egov.platform.tenancy.reorg.Handover;
import vn.egov.platform.tenancy.reorg.FunctionRecords;
import vn.egov.platform.words.Phrase;

/**
 * How a unit's accounts and administration follow a reorganisation (database function {@code reorg_accounts}, V8_0):
 * users keep their accounts (usernames are unique deployment-wide) and become the successor's; what the ended unit's
 * administrators become is the plan's word ({@code admins}): staff of the successor without administrator rights by
 * default, its administrators, or nothing (their account disabled). Settings, logo, invitations, API tokens, the audit
 * trail, applied plans and the accounts' one-time links and their mail simply go with them; where the successor has
 * its own settings or logo, its own win and the others are kept in the plan's report.
 */
public class UnitRecords extends FunctionRecords {
    public UnitRecords() {
        super("units", Set.of("app_user"), Set.of("account_link", "account_mail", "api_token", "audit_entry", "reorg_plan", "unit_setting",
                        "unit_logo", "user_invitation"),
                "reorg_accounts", 1, Phrase.of(Wording.BUNDLE, "report.unitsRule"));
    }

    @Override
    protected void bind(PreparedStatement ps, Handover h) throws SQLException {
        ps.setString(3, h.admins().name().toLowerCase(java.util.Locale.ROOT));
    }
}
