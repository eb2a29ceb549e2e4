package vn.egov.tenantadmin.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;

/**
 * Administering the request's unit and its sub-units: creating a sub-unit (rights over the unit's whole subtree, the
 * unit active) with its first administrator, suspending and reactivating a unit (rights over its parent's subtree: a
 * unit cannot lift its own suspension). In the caller's transaction and scope; the API ({@code UnitAdminResource}) and
 * the pages both work through here.
 */
@RequestScoped
public class Units {
    public static final String DOMAIN = "tenant";
    public static final String ACTION = "admin";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Inject
    Access access;

    @Inject
    UnitTemplate template;

    /** A unit created: its code, path and parent, and its first administrator's credential. */
    public record Created(String code, String path, String parent, FirstAdmin firstAdmin) {
    }

    /** One of {@code oneTimePassword} (shown this once) and {@code invitation} (a link to hand to the person). */
    public record FirstAdmin(String username, String oneTimePassword, Invitation invitation) {
    }

    /** An invitation link (absolute) and until when it works (dd/MM/yyyy HH:mm, Vietnam time). */
    public record Invitation(String url, String expiresAt) {
    }

    /** A unit's code and status after a change. */
    public record Status(String code, String status) {
    }

    /**
     * Creates a sub-unit of the request's unit from the template (modules' defaults, audit), with its first
     * administrator; {@code base} is the site's address, for the invitation link.
     */
    public Created create(NewUnit input, URI base) {
        Tenant parent = access.requireSubtree(DOMAIN, ACTION);
        if (!parent.isActive()) {
            throw new ProblemException(Problem.of(Wording::in, 409, "parent-suspended", "problem.parentSuspended.title", "problem.parentSuspended"));
        }
        return created(template.provision(parent, input), parent, base);
    }

    /** What the API and the pages answer for a provisioned unit. */
    public static Created created(UnitTemplate.Provisioned p, Tenant parent, URI base) {
        return new Created(p.code(), p.path(), parent.getCode(), new FirstAdmin(p.adminUsername(), p.oneTimePassword(),
                p.invitation() == null ? null : new Invitation(base.resolve(p.invitation().path()).toString(),
                        p.invitation().expiresAt().atZoneSameInstant(VIETNAM).format(WHEN))));
    }

    public Status suspend() {
        return changeStatus("suspended");
    }

    public Status reactivate() {
        return changeStatus("active");
    }

    private Status changeStatus(String status) {
        Tenant unit = fromAbove("problem.rootUnit.suspend");
        template.setStatus(unit, status);
        return new Status(unit.getCode(), status);
    }

    /**
     * The request's unit, for a change only the levels above it may make: rights over the unit and over its
     * parent's subtree; the root has no parent (the reason is given for it).
     */
    public Tenant fromAbove(String rootReason) {
        Tenant unit = access.require(DOMAIN, ACTION);
        String path = unit.getPath();
        if (!path.contains(".")) {
            throw new ProblemException(Problem.of(Wording::in, 422, "root-unit", "problem.rootUnit.title", rootReason));
        }
        access.requireAt(DOMAIN, ACTION, path.substring(0, path.lastIndexOf('.')), true);
        return unit;
    }
}
