package vn.egov.portal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Locale;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.audit.AuditLog;
import vn.egov.portal.entity.Theme;

/**
 * A unit's site theme: read, checked (colours in #rrggbb with WCAG AA contrast against white, a layout, the footer,
 * a banner that is an image of the unit's own) and saved, the change audited and the site's cached pages dropped.
 */
@ApplicationScoped
public class Themes {
    @Inject
    Db db;

    @Inject
    PageCache cache;

    @Inject
    AuditLog audit;

    public Theme theme(Tenant unit) {
        return db.one("SELECT primary_colour, accent_colour, layout, footer_text, banner_file_id FROM portal_theme WHERE tenant_id = ?",
                rs -> new Theme(rs.getString(1), rs.getString(2), Theme.Layout.valueOf(rs.getString(3).toUpperCase()), rs.getString(4),
                        Db.longOrNull(rs, "banner_file_id")), unit.getId()).orElse(Theme.DEFAULT);
    }

    /** Checks a theme (colours, contrast, banner) without saving it: what a preview shows. */
    public Theme checkTheme(Tenant unit, String primary, String accent, String layout, String footer, Long bannerFileId) {
        Invalid bad = new Invalid();
        String p = Colours.parse(primary);
        String a = Colours.parse(accent);
        if (p == null) {
            bad.add("primary", "problem.field.primaryColour");
        } else if (Colours.contrast(p, "#ffffff") < Colours.AA) {
            bad.add("primary", "problem.field.primaryContrast", p, String.format("%.1f", Colours.contrast(p, "#ffffff")));
        }
        if (a == null) {
            bad.add("accent", "problem.field.accentColour");
        } else if (Colours.contrast(a, "#ffffff") < Colours.AA) {
            bad.add("accent", "problem.field.accentContrast", a, String.format("%.1f", Colours.contrast(a, "#ffffff")));
        }
        Theme.Layout l = null;
        try {
            l = Theme.Layout.valueOf(layout == null ? "" : layout.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            bad.add("layout", "problem.field.themeLayout");
        }
        String f = Editorial.nfc(footer);
        if (f.length() > 1000) {
            bad.add("footerText", "problem.field.footerLength");
        }
        if (bannerFileId != null && db.count("SELECT count(*) FROM portal_file WHERE tenant_id = ? AND id = ? AND content_type LIKE 'image/%'",
                unit.getId(), bannerFileId) == 0) {
            bad.add("bannerFileId", "problem.field.banner");
        }
        bad.throwIfAny();
        return new Theme(p, a, l, f.isEmpty() ? null : f, bannerFileId);
    }

    public Theme saveTheme(Tenant unit, Theme t, String user) {
        Theme before = theme(unit);
        db.update("INSERT INTO portal_theme (tenant_id, primary_colour, accent_colour, layout, footer_text, banner_file_id, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET primary_colour = EXCLUDED.primary_colour, "
                        + "accent_colour = EXCLUDED.accent_colour, layout = EXCLUDED.layout, footer_text = EXCLUDED.footer_text, "
                        + "banner_file_id = EXCLUDED.banner_file_id, updated_by = EXCLUDED.updated_by, updated_at = now()",
                unit.getId(), t.primary(), t.accent(), t.layout().name().toLowerCase(), Db.orNull(t.footerText()), Db.orNull(t.bannerFileId()), user);
        if (t.bannerFileId() != null) {
            db.update("UPDATE portal_file SET is_public = true WHERE tenant_id = ? AND id = ?", unit.getId(), t.bannerFileId());
        }
        cache.invalidateAfterCommit(unit);
        Theme after = theme(unit);
        audit.record(unit.getId(), "portal.theme.changed", unit.getCode(), json(before), json(after));
        return after;
    }

    private static JsonObject json(Theme t) {
        var b = Jsonp.createObjectBuilder().add("primary", t.primary()).add("accent", t.accent()).add("layout", t.layout().name().toLowerCase(Locale.ROOT));
        if (t.footerText() != null) {
            b.add("footerText", t.footerText());
        }
        if (t.bannerFileId() != null) {
            b.add("bannerFileId", t.bannerFileId());
        }
        return b.build();
    }
}
