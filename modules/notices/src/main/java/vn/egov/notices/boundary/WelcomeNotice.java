package vn.egov.notices.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import vn.egov.notices.entity.Notice;
import vn.egov.platform.search.SearchDocument;
import vn.egov.platform.tenancy.UnitDefaults;
import vn.egov.platform.tenancy.UnitProvisioned;

/**
 * The notices module's part of the unit template: a new unit starts with a welcome notice for its staff, searchable
 * (through the search outbox, in the same transaction). {@link Jdbc} writes the same for the operator's tools.
 */
@ApplicationScoped
public class WelcomeNotice {
    static final String TITLE = "Chào mừng đến với hệ thống";
    static final String BODY = "Đơn vị đã được khởi tạo trên nền tảng chính quyền điện tử của tỉnh. Quản trị đơn vị có thể thêm cán bộ và phân quyền.";

    @PersistenceContext(unitName = "notices")
    EntityManager em;

    @jakarta.inject.Inject
    vn.egov.platform.search.control.SearchIndex search;

    void onProvisioned(@Observes UnitProvisioned unit) {
        Notice notice = new Notice(unit.tenantId(), TITLE, BODY, unit.actor());
        em.persist(notice);
        em.flush();
        search.put(NoticeSearch.document(notice, unit.tenantId(), unit.path(), unit.code()));
    }

    /** The same notice, and its search outbox row, on a plain connection (a unit created by the CLI). */
    public static final class Jdbc implements UnitDefaults {
        @Override
        public void apply(Connection c, UnitProvisioned unit) throws SQLException {
            SearchDocument document;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice (tenant_id, title, body, created_by) "
                    + "VALUES (?, ?, ?, ?) RETURNING id, audience, created_at")) {
                ps.setLong(1, unit.tenantId());
                ps.setString(2, TITLE);
                ps.setString(3, BODY);
                ps.setString(4, unit.actor());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    document = NoticeSearch.document(rs.getLong(1), rs.getString(2), TITLE, BODY, rs.getTimestamp(3).toInstant(),
                            unit.tenantId(), unit.path(), unit.code());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO search_outbox (tenant_id, doc_id, op, document) VALUES (?, ?, 'upsert', ?::jsonb)")) {
                ps.setLong(1, unit.tenantId());
                ps.setString(2, document.id());
                ps.setString(3, document.toJson().toString());
                ps.executeUpdate();
            }
        }
    }
}
