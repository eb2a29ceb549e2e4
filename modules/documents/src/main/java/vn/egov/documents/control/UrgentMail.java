package vn.egov.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.egov.platform.persistence.Db;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.mail.Letters;

/**
 * Urgent documents (HỎA TỐC, THƯỢNG KHẨN) are told at once: when one reaches a unit (from another unit of the platform,
 * or by edXML from outside), an e-mail to the unit's clerks and leaders is written to the documents outbox in the
 * transaction that delivered it. The e-mail names the unit, not the people: the worker reads the addresses (the
 * accounts' {@code app_user.email}, clerks and leaders only, active ones) when it sends, so a unit's row says nothing of
 * another unit's people.
 */
@ApplicationScoped
public class UrgentMail {
    /** The module's letters: templates in {@code src/main/jte-mail}, texts in {@code vn/egov/documents/mail/mail_*.properties}. */
    static final Letters LETTERS = Letters.of("vn.egov.documents.jte.mail", "vn.egov.documents.mail.mail");

    @Inject
    Db db;

    /** A unit to tell: its id, code and name. */
    public record Unit(long id, String code, String name) {
    }

    /** What the e-mail says of the document. */
    public record About(String urgency, String numberSymbol, String issuer, String abstractText, String docType) {
    }

    public static boolean urgent(String urgency) {
        return "HOA_TOC".equals(urgency) || "THUONG_KHAN".equals(urgency);
    }

    /** What the template {@code urgent.jte} writes: the unit, the document and where to see it. */
    public record Letter(String unit, String urgency, String urgencyInText, String numberSymbol, String docType, String issuer,
                         String abstractText, String link) {
    }

    static String urgencyWords(String urgency) {
        return LETTERS.text("HOA_TOC".equals(urgency) ? "urgency.HOA_TOC" : "urgency.THUONG_KHAN");
    }

    /** The subject: the urgency first, then the number/symbol and the issuer. */
    public static String subject(About a) {
        return LETTERS.text("urgent.subject", urgencyWords(a.urgency()), a.numberSymbol(), a.issuer());
    }

    /** The text (template {@code urgent.jte}): Vietnamese, then a short English line; the link is a path on the platform. */
    public static String text(Unit to, About a, String link) {
        String words = urgencyWords(a.urgency());
        Letter letter = new Letter(to.name(), words, words.toLowerCase(java.util.Locale.forLanguageTag("vi")), a.numberSymbol(), a.docType(), a.issuer(),
                a.abstractText(), link);
        return LETTERS.write("urgent.jte", "letter", letter);
    }

    /** The outbox row's content: to whom (the unit), the subject and the text. */
    static byte[] payload(Unit to, About a, String link) {
        return Jsonp.createObjectBuilder().add("tenantId", to.id()).add("unit", to.code()).add("subject", subject(a)).add("text", text(to, a, link))
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the e-mails for an urgent document that reached these units (nothing for other urgencies), as a row of
     * the acting unit (its scope is the transaction's): {@code link} is the path where each unit sees it, {@code %s}
     * standing for the unit's code.
     */
    public void tell(long actingUnitId, List<Long> receivers, About about, String linkPattern) {
        if (!urgent(about.urgency()) || receivers.isEmpty()) {
            return;
        }
        List<Unit> units = db.list("SELECT id, code, name FROM tenant WHERE id = ANY (CAST(? AS bigint[])) ORDER BY id",
                rs -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3)), Registers.array(receivers));
        for (Unit u : units) {
            db.update("INSERT INTO document_outbox (tenant_id, target, payload) VALUES (?, 'email', ?)", actingUnitId,
                    payload(u, about, String.format(linkPattern, u.code())));
        }
    }
}
