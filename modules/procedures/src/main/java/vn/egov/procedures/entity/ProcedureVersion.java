package vn.egov.procedures.entity;

import java.time.Instant;
import java.util.Objects;

/** One immutable version of a procedure: its whole definition (fields, papers, fees, form, process) as JSON. */
public record ProcedureVersion(long id, long procedureId, int version, String definitionJson, String createdBy, Instant createdAt) {
    public ProcedureVersion {
        Objects.requireNonNull(definitionJson, "definitionJson");
    }
}
