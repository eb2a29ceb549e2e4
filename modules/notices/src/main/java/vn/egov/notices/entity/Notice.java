package vn.egov.notices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A notice posted for the staff of one unit. */
@Entity
@Table(name = "notice")
public class Notice {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(nullable = false)
    private String body;
    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(nullable = false, length = 12)
    private String audience = "staff";
    @Version
    private int version;

    protected Notice() {
    }

    public Notice(long tenantId, String title, String body, String createdBy) {
        this(tenantId, title, body, createdBy, "staff");
    }

    /** @param audience {@code public}, {@code staff} or {@code admins} */
    public Notice(long tenantId, String title, String body, String createdBy, String audience) {
        this.tenantId = tenantId;
        this.audience = Objects.requireNonNull(audience, "audience");
        this.title = Objects.requireNonNull(title, "title");
        this.body = Objects.requireNonNull(body, "body");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = OffsetDateTime.now();
    }

    public void edit(String title, String body, String audience) {
        this.audience = Objects.requireNonNull(audience, "audience");
        this.title = Objects.requireNonNull(title, "title");
        this.body = Objects.requireNonNull(body, "body");
        this.updatedAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public String getCreatedBy() { return createdBy; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public int getVersion() { return version; }
    public String getAudience() { return audience; }
}
