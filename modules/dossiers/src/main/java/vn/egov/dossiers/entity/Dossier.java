package vn.egov.dossiers.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A dossier as received: its code, the procedure version it was submitted under, its applicant, status and deadline. */
public record Dossier(long id, long tenantId, String code, String procedureCode, String procedureName, int procedureVersion,
                      Long applicantId, String applicantName, String channel, String status, Instant receivedAt, LocalDate dueDate) {
    public Dossier {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
