package vn.egov.platform.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One unit of the province: the province itself, a department, a district, a commune or ward.
 * {@code path} is the materialized path of ids (ltree), kept by the database.
 */
@Entity
@Table(name = "tenant")
public class Tenant {
    @Id
    private Long id;
    @Column(nullable = false, unique = true, length = 63)
    private String code;
    @Column(name = "gso_code", length = 10)
    private String gsoCode;
    @Column(nullable = false, length = 200)
    private String name;
    @Convert(converter = TenantKindConverter.class)
    @Column(nullable = false, length = 20)
    private TenantKind kind;
    @Column(name = "parent_id")
    private Long parentId;
    @Column(insertable = false, updatable = false)
    private String path;
    @Column(nullable = false, length = 12)
    private String status;
    @Column(name = "custom_domain", length = 253)
    private String customDomain;
    /** The unit that took this one over when it ended (merged, dissolved); null while it is live. */
    @Column(name = "successor_id", insertable = false, updatable = false)
    private Long successorId;
    @Column(insertable = false, updatable = false)
    private Integer version;

    protected Tenant() {
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getGsoCode() { return gsoCode; }
    public String getName() { return name; }
    public TenantKind getKind() { return kind; }
    public Long getParentId() { return parentId; }
    public String getPath() { return path; }
    public String getStatus() { return status; }
    public String getCustomDomain() { return customDomain; }
    public Long getSuccessorId() { return successorId; }
    public Integer getVersion() { return version; }
    public boolean isActive() { return "active".equals(status); }
    /** Ended by a reorganisation: its code and domain answer with a redirect to its successor. */
    public boolean isRetired() { return "retired".equals(status); }
    /** Depth in the tree: 1 for the province. */
    public int getLevel() { return path == null ? 0 : path.split("\\.").length; }
}
