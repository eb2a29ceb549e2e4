package vn.egov.portal.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.portal.entity.StoredFile;

/** A unit's private files, read under the logged-in editor's own scope (row-level security decides). */
@RequestScoped
@Transactional
@TenantTransactional
public class PrivateFiles {
    @Inject
    SiteReader reader;

    public Optional<StoredFile> meta(Tenant unit, long id) {
        return reader.file(unit.getId(), id);
    }

    public Optional<byte[]> content(Tenant unit, long id, boolean thumbnail) {
        return reader.content(unit.getId(), id, thumbnail);
    }
}
