package vn.egov.portal.entity;

import java.util.Objects;

/** A category of a unit's articles; its URL is {@code /t/{code}/categories/{id}-{slug}}. */
public record Category(long id, long tenantId, String name, String nameEn, String slug, int position, boolean announcements) {
    public Category {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
    }

    public String name(boolean english) {
        return english && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }
}
