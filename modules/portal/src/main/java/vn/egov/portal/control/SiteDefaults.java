package vn.egov.portal.control;

import vn.egov.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import vn.egov.platform.tenancy.UnitProvisioned;

/**
 * A new unit's site starts usable: a news category, an announcements category and an (unpublished) introduction
 * page for its editors to fill in. Runs in the provisioning transaction, under its scope.
 */
@ApplicationScoped
public class SiteDefaults {
    @Inject
    Db db;

    void onProvisioned(@Observes UnitProvisioned unit) {
        db.update("INSERT INTO portal_category (tenant_id, name, name_en, slug, position, kind) VALUES "
                + "(?, 'Tin tức', 'News', 'tin-tuc', 1, 'news'), (?, 'Thông báo', 'Announcements', 'thong-bao', 2, 'announcement')",
                unit.tenantId(), unit.tenantId());
        db.update("INSERT INTO portal_page (tenant_id, title, slug, body, published, updated_by) VALUES (?, 'Giới thiệu', 'gioi-thieu', "
                + "'<p>Trang giới thiệu của đơn vị (biên tập viên cập nhật).</p>', false, ?)", unit.tenantId(), unit.actor());
    }
}
