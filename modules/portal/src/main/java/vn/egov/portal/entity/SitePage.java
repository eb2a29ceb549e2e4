package vn.egov.portal.entity;

import java.time.Instant;
import java.util.Objects;

/** A static page of a unit's site (introduction, organisation, contact...); its body is sanitised HTML. */
public record SitePage(long id, long tenantId, String title, String slug, String body, boolean published, Instant updatedAt) {
    public SitePage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
