package vn.egov.dossiers.control;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.egov.dossiers.entity.Dossier;
import vn.egov.platform.calendar.control.CalendarStore;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.persistence.TenantTransactional;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.files.FileCheck;
import vn.egov.platform.words.Note;
import vn.egov.procedures.api.OfferedProcedures;
import vn.egov.procedures.api.OfferedProcedures.Offered;

/**
 * Receiving a dossier at a unit, in one transaction bound to that unit's scope: the procedure must be one the unit
 * offers (its current version is the one the dossier keeps); the form and the papers are checked whole before
 * anything is written; then the day's next number is taken from the unit's sequence row (a row lock: concurrent
 * submissions on any node wait for each other, and a submission that fails later rolls its number back, so the
 * numbers have no gaps), and the appointment date is the time limit counted in working days on the province's
 * calendar from the day of receipt.
 */
@ApplicationScoped
public class Intake {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter CODE_DAY = DateTimeFormatter.ofPattern("yyMMdd");
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    public static final String COLS_PUBLIC = "id, tenant_id, code, procedure_code, procedure_name, procedure_version, applicant_id, applicant_name, channel, "
            + "status, received_at, due_date";

    @Inject
    Db db;

    @Inject
    OfferedProcedures catalogue;

    @Inject
    CalendarStore calendar;

    @Inject
    Processing processing;

    @Inject
    Announcements announcements;

    @Inject
    Payments payments;

    @Inject
    Pickups pickups;

    /** A file sent for one paper of the procedure. */
    public record Paper(String paperId, String name, byte[] content) {
        public Paper {
            Objects.requireNonNull(paperId, "paperId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Who submits: their account (null at the counter) and name. */
    /** Who submits: their account (null at the counter), name, and the address to write to about the dossier (optional). */
    public record Applicant(Long userId, String name, String username, String email, String postAddress) {
        public Applicant {
            email = email == null || email.isBlank() ? null : email.strip();
            postAddress = postAddress == null || postAddress.isBlank() ? null : java.text.Normalizer.normalize(postAddress.strip(), java.text.Normalizer.Form.NFC);
        }
    }

    @Transactional
    @TenantTransactional
    public Dossier receive(Tenant unit, String procedureCode, JsonNode form, List<Paper> papers, Applicant applicant, String channel, String returnBy) {
        return receive(unit, procedureCode, form, papers, applicant, channel, returnBy, null);
    }

    /**
     * As above; with {@code pickupId}, the paper dossier the postal service brought (an arrived pickup of this unit
     * and procedure): the dossier is of the 'post' channel and belongs to the account that asked for the pickup.
     */
    @Transactional
    @TenantTransactional
    public Dossier receive(Tenant unit, String procedureCode, JsonNode form, List<Paper> papers, Applicant applicant, String channel, String returnBy,
                           Long pickupId) {
        if (pickupId != null || !"online".equals(channel)) {
            // at the counter, or a paper dossier the post brought: the reception desk's work
            Duties.require(unit.getId(), Duties.DESK, "problem.duty.receive");
        }
        if (pickupId != null) {
            jakarta.json.JsonObject pickup = pickups.lockArrived(unit, pickupId, procedureCode == null ? "" : procedureCode.strip());
            applicant = new Applicant(pickup.getJsonNumber("applicantId").longValue(), pickup.getString("applicantName"), applicant.username(),
                    pickup.getString("email", null), applicant.postAddress());
            channel = "post";
        }
        String giveBack = returnBy(returnBy);
        Offered p = catalogue.offered(unit, procedureCode == null ? "" : procedureCode.strip()).orElseThrow(() -> ProblemException.notFound(
                Wording::in, "notFound.procedureInThisUnitCatalogue", procedureCode));
        // the version's definition (versions never change: parsed once per node, shared with the processing)
        int version = p.currentVersion();
        JsonNode definition = processing.definition(p.id(), version);

        FormCheck.Result checked = FormCheck.check(definition.path("form"), form);
        Fields problems = checked.problems();
        checkContact(applicant, giveBack, problems);
        List<Object[]> files = checkPapers(definition.path("papers"), papers, problems);
        if (!problems.isEmpty()) {
            int count = problems.size();
            throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidDossier",
                    w -> w.text("problem.notSubmitted", count), problems::in));
        }

        Instant now = Instant.now();
        LocalDate day = now.atZone(VIETNAM).toLocalDate();
        LocalDate counted = countedFrom(calendar.calendar(), now.atZone(VIETNAM).toLocalDateTime());
        LocalDate due = calendar.calendar().plusWorkingDays(counted, (int) Math.ceil(p.timeLimitDays().doubleValue()));
        // the number last: from here to the commit, the unit's other submissions of the day wait for this one
        String code = nextCode(unit, day);
        ProcessModel.Step start = ProcessModel.of(definition.path("process")).start();
        LocalDate stepDue = calendar.calendar().plusWorkingDays(counted, start.wholeDays());
        // received at the counter, the staff member who received it has the first step; online, the unit's receivers share it
        String assignee = channel.equals("counter") ? applicant.username() : null;
        Processing.State received = db.one("INSERT INTO dossier (tenant_id, code, procedure_id, procedure_code, procedure_name, procedure_version, applicant_id, "
                        + "applicant_name, channel, form, status, received_at, due_date, created_by, holder_id, parties, step_id, step_name, assignee, step_due, "
                        + "return_by, contact_email, post_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), 'received', ?, ?, ?, ?, ARRAY[?::bigint], ?, ?, ?, ?, ?, ?, ?) "
                        + "RETURNING " + Processing.COLS, Processing::state,
                unit.getId(), code, p.id(), p.code(), p.name(), version,
                applicant.userId() == null ? new Db.Typed(java.sql.Types.BIGINT) : applicant.userId(), applicant.name(), channel,
                checked.values().toString(), now, due, applicant.username(), unit.getId(), unit.getId(), start.id(), start.name(), Db.orNull(assignee), stepDue, giveBack, Db.orNull(applicant.email()),
                giveBack.equals("post") ? applicant.postAddress() : new Db.Typed(java.sql.Types.VARCHAR)).orElseThrow();
        long id = received.id();
        store(db, unit.getId(), id, files, "paper");
        payments.request(unit.getId(), id, definition);
        if (pickupId != null) {
            pickups.received(pickupId, id);
        }
        announcements.changed(unit.getId(), received, Note.said(Wording.BUNDLE, channel.equals("online") ? "history.receivedOnline"
                : channel.equals("post") ? "history.receivedByPost" : "history.receivedAtCounter"), applicant.username(), false);
        return byId(unit, id).orElseThrow();
    }

    /** How the result is returned: "online" (the default) or by "post". */
    private static String returnBy(String returnBy) {
        String giveBack = returnBy == null || returnBy.isBlank() ? "online" : returnBy.strip();
        if (!giveBack.equals("online") && !giveBack.equals("post")) {
            throw new ProblemException(Problem.said(Wording::in, 400, "invalid-input", "problem.invalidDossier",
                    w -> w.text("problem.returnBy"), w -> Map.of("returnBy", List.of("online | post"))));
        }
        return giveBack;
    }

    /** The applicant's e-mail for notices (if given) and, for a result by post, the delivery address. */
    private static void checkContact(Applicant applicant, String giveBack, Fields problems) {
        if (applicant.email() != null && (applicant.email().length() > 254 || !FormCheck.EMAIL.matcher(applicant.email()).matches())) {
            problems.add("email", "problem.field.eMailAddressFor");
        }
        if (giveBack.equals("post") && (applicant.postAddress() == null || applicant.postAddress().length() > 500)) {
            problems.add("postAddress", "problem.field.resultByPostGive");
        }
    }

    /** The dossier's code: the unit's, the day's, and the day's next number of the unit ("UBND-XA-20270105-0007"). */
    private String nextCode(Tenant unit, LocalDate day) {
        long number = db.insert("INSERT INTO dossier_sequence (tenant_id, prefix, day, last) VALUES (?, ?, ?, 1) ON CONFLICT (tenant_id, prefix, day) "
                + "DO UPDATE SET last = dossier_sequence.last + 1 RETURNING last", unit.getId(), unit.getCode(), day);
        return unit.getCode() + "-" + CODE_DAY.format(day) + "-" + String.format("%04d", number);
    }

    /** The end of the working day: a dossier received later counts as received on the next working day. */
    public static final java.time.LocalTime CLOSING = java.time.LocalTime.of(17, 0);

    /**
     * The day a time limit is counted from: the day of receipt if it is a working day and the dossier came before
     * {@link #CLOSING}; otherwise (online, in the evening, at a weekend or a holiday) the next working day. The
     * dossier's code keeps the calendar day it came.
     */
    public static LocalDate countedFrom(vn.egov.platform.calendar.control.WorkingCalendar cal, java.time.LocalDateTime receivedInVietnam) {
        LocalDate day = receivedInVietnam.toLocalDate();
        if (cal.isWorkingDay(day) && receivedInVietnam.toLocalTime().isBefore(CLOSING)) {
            return day;
        }
        return cal.onOrAfter(day.plusDays(1));
    }

    /** Each file checked by its content (PDF or an image, up to 10 MB), and every required paper given. */
    static List<Object[]> checkPapers(JsonNode declared, List<Paper> papers, Fields problems) {
        Set<String> ids = new HashSet<>();
        declared.forEach(p -> ids.add(p.path("id").asText()));
        List<Object[]> files = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (Paper paper : papers) {
            String at = "papers." + paper.paperId();
            if (!ids.contains(paper.paperId())) {
                problems.add(at, "problem.field.procedureHasNoPaper", paper.paperId());
                continue;
            }
            Optional<FileCheck.Checked> c = checkFile(paper, at, problems);
            if (c.isPresent()) {
                files.add(new Object[] {paper, c.get()});
                given.add(paper.paperId());
            }
        }
        for (JsonNode p : declared) {
            String id = p.path("id").asText();
            if (p.path("required").asBoolean(true) && !given.contains(id) && !problems.containsKey("papers." + id)) {
                problems.add("papers." + id, "problem.field.paperMissing", p.path("name").asText());
            }
        }
        return files;
    }

    /** One file checked by its content: a PDF or an image, up to 10 MB; what is wrong goes to {@code problems} under {@code at}. */
    static Optional<FileCheck.Checked> checkFile(Paper paper, String at, Fields problems) {
        if (paper.content().length > MAX_FILE_BYTES) {
            problems.add(at, "problem.field.fileOverMb", paper.name());
            return Optional.empty();
        }
        try {
            FileCheck.Checked c = FileCheck.check(paper.name(), paper.content());
            if (!c.contentType().equals("application/pdf") && !c.contentType().startsWith("image/")) {
                problems.add(at, "problem.field.filePdfImagesOnly", paper.name());
                return Optional.empty();
            }
            return Optional.of(c);
        } catch (FileCheck.Refused r) {
            problems.add(at, "problem.field.fileRefused", paper.name(), Fields.said(r.key(), r.args()));
            return Optional.empty();
        }
    }

    /** Stores checked files ({paper, checked} pairs) of one kind for a dossier, as the unit {@code unitId}. */
    static void store(Db db, long unitId, long dossierId, List<Object[]> files, String kind) {
        for (Object[] f : files) {
            Paper paper = (Paper) f[0];
            FileCheck.Checked c = (FileCheck.Checked) f[1];
            db.insert("INSERT INTO dossier_file (tenant_id, dossier_id, paper_id, name, content_type, size_bytes, sha256, content, kind) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", unitId, dossierId, paper.paperId(), c.name(), c.contentType(),
                    paper.content().length, sha256(paper.content()), paper.content(), kind);
        }
    }

    public Optional<Dossier> byId(Tenant unit, long id) {
        return db.one("SELECT " + COLS_PUBLIC + " FROM dossier WHERE tenant_id = ? AND id = ?", Intake::dossier, unit.getId(), id);
    }

    public static Dossier dossier(ResultSet rs) throws SQLException {
        return new Dossier(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                Db.longOrNull(rs, "applicant_id"), rs.getString(8), rs.getString(9), rs.getString(10), Db.instant(rs, "received_at"),
                Db.localDate(rs, 12));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the JSON a dossier's form is sent as. */
    public static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
