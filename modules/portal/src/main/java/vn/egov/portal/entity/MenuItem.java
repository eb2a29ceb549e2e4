package vn.egov.portal.entity;

import java.util.Objects;

/** One item of a unit's menu; {@code parentId} nests it under another item of the same unit. */
public record MenuItem(long id, long tenantId, Long parentId, String label, String labelEn, Target kind, String target,
                       int position) {
    /** What the item links to. */
    public enum Target { HOME, URL, CATEGORY, PAGE }

    public MenuItem {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }

    public String label(boolean english) {
        return english && labelEn != null && !labelEn.isBlank() ? labelEn : label;
    }
}
