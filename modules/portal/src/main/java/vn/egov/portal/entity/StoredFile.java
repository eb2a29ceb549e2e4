package vn.egov.portal.entity;

import java.time.Instant;
import java.util.Objects;

/** A file uploaded to a unit's site (without its bytes). Public files are served to anyone. */
public record StoredFile(long id, long tenantId, String name, String contentType, int size, String sha256, Integer width,
                         Integer height, boolean hasThumbnail, boolean isPublic, String uploadedBy, Instant createdAt) {
    public StoredFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
    }

    public boolean image() {
        return contentType.startsWith("image/");
    }
}
