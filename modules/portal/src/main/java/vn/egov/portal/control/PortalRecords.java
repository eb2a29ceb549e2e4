package vn.egov.portal.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import vn.egov.platform.tenancy.reorg.FunctionRecords;
import vn.egov.platform.words.Phrase;
import vn.egov.platform.tenancy.reorg.Handover;

/**
 * How a unit's site follows a reorganisation (database function {@code portal_reorg_transfer}, V8_4): articles with
 * their versions, categories, pages and files go to the successor; the successor's site keeps its own menu and theme
 * unless the plan names the ended unit's site for it ({@code site}); a menu or theme not taken is kept in the plan's
 * report; visits add up. The site's cached pages follow the {@code UnitsReorganised} event ({@link PageCache}).
 */
public class PortalRecords extends FunctionRecords {
    public PortalRecords() {
        super("portal", Set.of("portal_file", "portal_category", "portal_page", "portal_article", "portal_article_version", "portal_menu_item",
                        "portal_theme", "portal_site_visit"), Set.of(), "portal_reorg_transfer", 1, Phrase.of(Wording.BUNDLE, "reorg.rule"));
    }

    @Override
    protected void bind(PreparedStatement ps, Handover h) throws SQLException {
        ps.setBoolean(3, h.site());
    }
}
