package vn.egov.tenantadmin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.platform.settings.SettingsRegistry;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.audit.AuditLog;
import vn.egov.tenantadmin.api.UnitLogos;

/**
 * A unit's logo (table {@code unit_logo}): stored after decoding it (PNG or JPEG, at most {@link #MAX_BYTES} and
 * {@link #MAX_SIDE} px a side), audited, and the unit's settings dropped from every node's cache after commit, so that
 * its site shows the new one. Used by the API ({@code LogoResource}) and, through {@link UnitLogos}, the portal's pages.
 */
@ApplicationScoped
public class Logos implements UnitLogos {
    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_SIDE = 2048;

    @Inject
    AuditLog audit;

    @Inject
    SettingsRegistry registry;

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    @Override
    public Optional<String> href(Tenant unit) {
        List<?> sha = em.createNativeQuery("SELECT sha256 FROM unit_logo WHERE tenant_id = ?1").setParameter(1, unit.getId()).getResultList();
        return sha.isEmpty() ? Optional.empty() : Optional.of("/t/" + unit.getCode() + "/logo?v=" + sha.get(0));
    }

    /** Told by its content: PNG or JPEG (an SVG, a GIF or anything else is refused). */
    @Override
    public String set(Tenant unit, byte[] image, String user) {
        if (image == null || image.length == 0) {
            throw invalid("problem.logoEmpty");
        }
        if (image.length > MAX_BYTES) {
            throw invalid("problem.logoTooLarge");
        }
        boolean png = image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
        boolean jpeg = image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 && (image[2] & 0xff) == 0xff;
        if (!png && !jpeg) {
            throw invalid("problem.logoKind");
        }
        return store(unit, image, png ? "image/png" : "image/jpeg", user)[0];
    }

    /** Stores {@code image} of the declared {@code type} (decoded as such); its address, hash, width and height. */
    public String[] store(Tenant unit, byte[] image, String type, String user) {
        BufferedImage decoded = decode(image, type.equals("image/png") ? "png" : "jpeg");
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("INSERT INTO unit_logo (tenant_id, content_type, image, sha256, width, height, updated_by) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (tenant_id) DO UPDATE SET content_type = EXCLUDED.content_type, "
                        + "image = EXCLUDED.image, sha256 = EXCLUDED.sha256, width = EXCLUDED.width, height = EXCLUDED.height, "
                        + "updated_by = EXCLUDED.updated_by, updated_at = now()")
                .setParameter(1, unit.getId()).setParameter(2, type).setParameter(3, image).setParameter(4, sha)
                .setParameter(5, decoded.getWidth()).setParameter(6, decoded.getHeight()).setParameter(7, user)
                .executeUpdate();
        audit.record(unit.getId(), "unit.logo.changed", unit.getCode(), null, Jsonp.createObjectBuilder().add("type", type)
                .add("bytes", image.length).add("width", decoded.getWidth()).add("height", decoded.getHeight()).add("sha256", sha).build());
        registry.invalidateAfterCommit(unit.getId());
        return new String[] {"/t/" + unit.getCode() + "/logo?v=" + sha, sha, String.valueOf(decoded.getWidth()), String.valueOf(decoded.getHeight())};
    }

    @Override
    public boolean remove(Tenant unit) {
        int removed = em.createNativeQuery("DELETE FROM unit_logo WHERE tenant_id = ?1").setParameter(1, unit.getId()).executeUpdate();
        if (removed > 0) {
            audit.record(unit.getId(), "unit.logo.removed", unit.getCode(), null, null);
            registry.invalidateAfterCommit(unit.getId());
        }
        return removed > 0;
    }

    private static BufferedImage decode(byte[] image, String format) {
        try {
            return vn.egov.platform.web.Images.decode(image, format, MAX_SIDE).orElseThrow(() -> invalid(
                    "problem.logoNotImage", format.equals("png") ? "PNG" : "JPEG"));
        } catch (vn.egov.platform.web.Images.TooLarge t) {
            throw invalid("problem.logoTooWide", t.width, t.height);
        }
    }

    /** A refused image: 400, the reason also under the field {@code logo}; nothing changed. */
    public static ProblemException invalid(String key, Object... args) {
        return new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                w -> w.text(key, args) + " " + w.text("problem.nothingChanged"), w -> Map.of("logo", List.of(w.text(key, args)))));
    }
}
