package vn.egov.feedback.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A citizen's report about one unit (phản ánh, kiến nghị): what they wrote, whether they agree to its publication, and
 * the unit's answer. {@code new} until answered, {@code answered}, then {@code published} (only with consent).
 */
@Entity
@Table(name = "feedback")
public class Report {
    public static final String NEW = "new";
    public static final String ANSWERED = "answered";
    public static final String PUBLISHED = "published";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tenant_id", nullable = false)
    private long tenantId;
    @Column(nullable = false, updatable = false, length = 20)
    private String code;
    @Column(name = "applicant_id", nullable = false, updatable = false)
    private long applicantId;
    @Column(name = "applicant_name", nullable = false, updatable = false, length = 200)
    private String applicantName;
    @Column(nullable = false, updatable = false, length = 200)
    private String subject;
    @Column(nullable = false, updatable = false)
    private String content;
    @Column(updatable = false, length = 20)
    private String category;
    @Column(nullable = false, updatable = false)
    private boolean consent;
    @Column(nullable = false, length = 12)
    private String status = NEW;
    private String answer;
    @Column(name = "answered_by", length = 64)
    private String answeredBy;
    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;
    @Column(name = "published_by", length = 64)
    private String publishedBy;
    @Column(name = "published_at")
    private OffsetDateTime publishedAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Version
    private int version;

    protected Report() {
    }

    public Report(long tenantId, String code, long applicantId, String applicantName, String subject, String content, String category,
                  boolean consent) {
        this.tenantId = tenantId;
        this.code = Objects.requireNonNull(code, "code");
        this.applicantId = applicantId;
        this.applicantName = Objects.requireNonNull(applicantName, "applicantName");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.content = Objects.requireNonNull(content, "content");
        this.category = category;
        this.consent = consent;
        this.createdAt = OffsetDateTime.now();
    }

    /** The unit's answer (again, while it is not published). */
    public void answer(String text, String by) {
        this.answer = Objects.requireNonNull(text, "text");
        this.answeredBy = Objects.requireNonNull(by, "by");
        this.answeredAt = OffsetDateTime.now();
        this.status = ANSWERED;
    }

    /** Published with its answer on the unit's site. */
    public void publish(String by) {
        this.publishedBy = Objects.requireNonNull(by, "by");
        this.publishedAt = OffsetDateTime.now();
        this.status = PUBLISHED;
    }

    public Long getId() { return id; }
    public long getTenantId() { return tenantId; }
    public String getCode() { return code; }
    public long getApplicantId() { return applicantId; }
    public String getApplicantName() { return applicantName; }
    public String getSubject() { return subject; }
    public String getContent() { return content; }
    public String getCategory() { return category; }
    public boolean isConsent() { return consent; }
    public String getStatus() { return status; }
    public String getAnswer() { return answer; }
    public String getAnsweredBy() { return answeredBy; }
    public OffsetDateTime getAnsweredAt() { return answeredAt; }
    public String getPublishedBy() { return publishedBy; }
    public OffsetDateTime getPublishedAt() { return publishedAt; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public int getVersion() { return version; }
}
