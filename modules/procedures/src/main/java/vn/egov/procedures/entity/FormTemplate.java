package vn.egov.procedures.entity;

import java.util.Objects;

/** A form template (mẫu đơn, tờ khai) of a procedure, to download: its file's name, type, size in bytes and content hash. */
public record FormTemplate(long id, long procedureId, String name, String contentType, int size, String sha256) {
    public FormTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
    }
}
