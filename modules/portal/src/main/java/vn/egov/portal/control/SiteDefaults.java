package vn.egov.portal.control;

import vn.egov.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import vn.egov.platform.tenancy.UnitDefaults;
import vn.egov.platform.tenancy.UnitProvisioned;

/**
 * A new unit's site starts usable: a news category, an announcements category and an (unpublished) introduction
 * page for its editors to fill in. Runs in the provisioning transaction, under its scope; {@link Jdbc} writes the same
 * rows for the operator's tools.
 */
@ApplicationScoped
public class SiteDefaults {
    static final String CATEGORIES = "INSERT INTO portal_category (tenant_id, name, name_en, slug, position, kind) VALUES "
            + "(?, 'Tin tức', 'News', 'tin-tuc', 1, 'news'), (?, 'Thông báo', 'Announcements', 'thong-bao', 2, 'announcement')";
    static final String INTRODUCTION = "INSERT INTO portal_page (tenant_id, title, slug, body, published, updated_by) VALUES "
            + "(?, 'Giới thiệu', 'gioi-thieu', ?, false, ?)";
    /** The introduction page's first body (content for its editors to replace, kept beside this class). */
    static final String INTRODUCTION_BODY = body();

    @Inject
    Db db;

    void onProvisioned(@Observes UnitProvisioned unit) {
        db.update(CATEGORIES, unit.tenantId(), unit.tenantId());
        db.update(INTRODUCTION, unit.tenantId(), INTRODUCTION_BODY, unit.actor());
    }

    /** The same defaults on a plain connection (a unit created by the CLI). */
    public static final class Jdbc implements UnitDefaults {
        @Override
        public void apply(Connection c, UnitProvisioned unit) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(CATEGORIES)) {
                ps.setLong(1, unit.tenantId());
                ps.setLong(2, unit.tenantId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(INTRODUCTION)) {
                ps.setLong(1, unit.tenantId());
                ps.setString(2, INTRODUCTION_BODY);
                ps.setString(3, unit.actor());
                ps.executeUpdate();
            }
        }
    }

    private static String body() {
        try (InputStream in = SiteDefaults.class.getResourceAsStream("introduction.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the introduction page's first body is missing", e);
        }
    }
}
