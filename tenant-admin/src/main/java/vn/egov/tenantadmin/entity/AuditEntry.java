package vn.egov.tenantadmin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One thing an administrator did: who, when, which unit, the state before and after (JSON). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;
    @Column(nullable = false, updatable = false, length = 64)
    private String actor;
    @Column(nullable = false, updatable = false, length = 40)
    private String action;
    @Column(nullable = false, updatable = false, length = 200)
    private String target;
    @Column(name = "before_state", updatable = false)
    private String before;
    @Column(name = "after_state", updatable = false)
    private String after;
    @Column(nullable = false, updatable = false)
    private OffsetDateTime at;

    protected AuditEntry() {
    }

    public AuditEntry(long tenantId, String actor, String action, String target, String before, String after) {
        this.tenantId = tenantId;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.action = Objects.requireNonNull(action, "action");
        this.target = Objects.requireNonNull(target, "target");
        this.before = before;
        this.after = after;
        this.at = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getTarget() { return target; }
    public String getBefore() { return before; }
    public String getAfter() { return after; }
    public OffsetDateTime getAt() { return at; }
}
