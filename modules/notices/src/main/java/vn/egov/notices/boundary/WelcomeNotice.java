package vn.egov.notices.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import vn.egov.notices.entity.Notice;
import vn.egov.platform.tenancy.UnitProvisioned;

/** The notices module's part of the unit template: a new unit starts with a welcome notice for its staff. */
@ApplicationScoped
public class WelcomeNotice {

    @PersistenceContext(unitName = "notices")
    EntityManager em;

    @jakarta.inject.Inject
    vn.egov.platform.search.control.SearchIndex search;

    void onProvisioned(@Observes UnitProvisioned unit) {
        Notice notice = new Notice(unit.tenantId(), "Chào mừng đến với hệ thống",
                "Đơn vị đã được khởi tạo trên nền tảng chính quyền điện tử của tỉnh. Quản trị đơn vị có thể thêm cán bộ và phân quyền.",
                unit.actor());
        em.persist(notice);
        em.flush();
        search.put(NoticeSearch.document(notice, unit.tenantId(), unit.path(), unit.code()));
    }
}
