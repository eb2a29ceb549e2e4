package vn.egov.tenantadmin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.util.HexFormat;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.Problem;
import vn.egov.tenantadmin.control.Wording;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.audit.AuditLog;
import vn.egov.platform.settings.SettingsRegistry;

/**
 * A unit's logo: set and removed by its administrators ({@code PUT/DELETE /api/t/{unit}/settings/logo}, PNG or
 * JPEG up to 256 KiB and 2048 px, checked by decoding it), shown to everyone by {@link PublicLogoResource}.
 */
@Path("api/t/{unit}/settings/logo")
@RequestScoped
public class LogoResource {
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_SIDE = 2048;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    SettingsRegistry registry;

    @PersistenceContext(unitName = "tenant-admin")
    EntityManager em;

    @PUT
    @Consumes({"image/png", "image/jpeg"})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @TenantTransactional
    public Response put(byte[] image, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        Tenant unit = access.require("tenant", "admin");
        String type = headers.getMediaType().getType() + "/" + headers.getMediaType().getSubtype();
        if (image == null || image.length == 0) {
            throw invalid("problem.logoEmpty");
        }
        if (image.length > MAX_BYTES) {
            throw new ProblemException(Problem.of(Wording::in, 413, "too-large", "problem.imageTooLarge.title", "problem.logoTooLarge"));
        }
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
                .setParameter(5, decoded.getWidth()).setParameter(6, decoded.getHeight()).setParameter(7, access.username())
                .executeUpdate();
        audit.record(unit.getId(), "unit.logo.changed", unit.getCode(), null, Jsonp.createObjectBuilder().add("type", type)
                .add("bytes", image.length).add("width", decoded.getWidth()).add("height", decoded.getHeight()).add("sha256", sha).build());
        registry.invalidateAfterCommit(unit.getId());
        return Response.ok(Jsonp.createObjectBuilder().add("url", "/t/" + unit.getCode() + "/logo?v=" + sha).add("sha256", sha)
                .add("width", decoded.getWidth()).add("height", decoded.getHeight()).build()).build();
    }

    @DELETE
    @Transactional
    @TenantTransactional
    public Response delete() {
        Tenant unit = access.require("tenant", "admin");
        int removed = em.createNativeQuery("DELETE FROM unit_logo WHERE tenant_id = ?1").setParameter(1, unit.getId()).executeUpdate();
        if (removed > 0) {
            audit.record(unit.getId(), "unit.logo.removed", unit.getCode(), null, null);
            registry.invalidateAfterCommit(unit.getId());
        }
        return Response.noContent().build();
    }

    private static BufferedImage decode(byte[] image, String format) {
        try {
            return vn.egov.platform.web.Images.decode(image, format, MAX_SIDE).orElseThrow(() -> invalid(
                    "problem.logoNotImage", format.equals("png") ? "PNG" : "JPEG"));
        } catch (vn.egov.platform.web.Images.TooLarge t) {
            throw invalid("problem.logoTooWide", t.width, t.height);
        }
    }

    private static ProblemException invalid(String key, Object... args) {
        return new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidInput",
                w -> w.text(key, args) + " " + w.text("problem.nothingChanged"), w -> java.util.Map.of("logo", java.util.List.of(w.text(key, args)))));
    }
}
