package vn.egov.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import vn.egov.provisioning.Database;
import vn.egov.provisioning.Log;
import vn.egov.provisioning.Platform;
import vn.egov.provisioning.Settings;

/**
 * Brings the 'it' environment up once, before any test: PostgreSQL (found or embedded), its own database and
 * roles, the migrations, the reference units, and its own Payara domain with the JDBC pool; exactly the code
 * of {@code ./egov up}, minus the deploy (each Arquillian test class deploys the EAR itself). The domain is
 * stopped at the end unless {@code -Degov.it.keep=true}.
 */
public class ItEnvironment implements LauncherSessionListener {
    private static Platform platform;
    private static com.icegreen.greenmail.util.GreenMail mail;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if ("none".equals(System.getProperty("egov.it.environment"))) {
            return; // this module's unit tests (as Surefire runs them) need no server
        }
        up();
    }

    static synchronized Platform up() {
        if (platform == null) {
            Path project = Path.of(System.getProperty("egov.projectDir", "../..")).toAbsolutePath().normalize();
            Settings settings = Settings.it(project.resolve("work"));
            Platform p = new Platform(project, settings, new Log(System.out));
            // the applicants' mail server: a real SMTP server in this JVM, where the platform is told to send (port base + 25)
            mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(settings.portBase() + 25, "127.0.0.1", "smtp"));
            mail.start();
            try {
                p.upDatabase();
                p.upServer(false);
                seed(p.database());
            } catch (Exception e) {
                throw new IllegalStateException("could not bring the test environment up: " + e.getMessage(), e);
            }
            platform = p;
        }
        return platform;
    }

    /** One row in every tenant-scoped table, so that "sees zero rows" means something. */
    private static void seed(Database db) throws Exception {
        try (Connection c = db.owner()) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement(
                    "SELECT set_config('app.tenant_id', (SELECT id FROM tenant WHERE code = 'lao-cai')::text, true), "
                            + "set_config('app.subtree', 'on', true)")) {
                scope.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice (tenant_id, title, body, created_by) "
                    + "SELECT id, 'Thông báo mẫu', 'Dữ liệu mẫu cho kiểm thử', 'seed' FROM tenant WHERE code = 'lao-cai' "
                    + "AND NOT EXISTS (SELECT 1 FROM notice WHERE created_by = 'seed')")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_setting (tenant_id, display_name) "
                    + "SELECT id, name FROM tenant WHERE code = 'lao-cai' ON CONFLICT DO NOTHING")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (tenant_id, actor, action, target) "
                    + "SELECT id, 'seed', 'seed', 'lao-cai' FROM tenant WHERE code = 'lao-cai' "
                    + "AND NOT EXISTS (SELECT 1 FROM audit_entry WHERE actor = 'seed')")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reorg_plan (tenant_id, title, plan, report, applied_by) "
                    + "SELECT id, 'seed', '{}', '{}', 'seed' FROM tenant WHERE code = 'lao-cai' "
                    + "AND NOT EXISTS (SELECT 1 FROM reorg_plan WHERE applied_by = 'seed')")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_invitation (tenant_id, user_id, token_hash, created_by, expires_at) "
                    + "SELECT u.tenant_id, u.id, repeat('0', 64), 'seed', now() - interval '1 day' FROM app_user u "
                    + "JOIN tenant t ON t.id = u.tenant_id WHERE t.code = 'lao-cai' ORDER BY u.id LIMIT 1 ON CONFLICT DO NOTHING")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_logo (tenant_id, content_type, image, sha256, width, height, updated_by) "
                    + "SELECT id, 'image/png', ?, 'seed', 8, 8, 'seed' FROM tenant WHERE code = 'lao-cai' ON CONFLICT DO NOTHING")) {
                ps.setBytes(1, png(8, 8));
                ps.executeUpdate();
            }
            // a row the outbox worker never takes (due at 'infinity'), and a finished job
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_outbox (tenant_id, doc_id, op, next_attempt_at, last_error) "
                    + "SELECT id, 'seed:0', 'delete', 'infinity', 'seed: never sent' FROM tenant WHERE code = 'lao-cai' "
                    + "AND NOT EXISTS (SELECT 1 FROM search_outbox WHERE doc_id = 'seed:0')")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_reindex_job (tenant_id, subtree, requested_by, finished_at) "
                    + "SELECT id, false, 'seed', now() FROM tenant WHERE code = 'lao-cai' "
                    + "AND NOT EXISTS (SELECT 1 FROM search_reindex_job WHERE requested_by = 'seed')")) {
                ps.executeUpdate();
            }
            // the portal: a private file, the default theme, a category, an unpublished page, a menu item, a draft
            // article with its first version, a visit count (all in the province)
            String province = "(SELECT id FROM tenant WHERE code = 'lao-cai')";
            for (String sql : List.of(
                    "INSERT INTO portal_file (tenant_id, name, content_type, size_bytes, content, sha256, uploaded_by) SELECT " + province
                            + ", 'seed.pdf', 'application/pdf', 5, '%PDF-'::bytea, repeat('0', 64), 'seed' WHERE NOT EXISTS "
                            + "(SELECT 1 FROM portal_file WHERE uploaded_by = 'seed')",
                    "INSERT INTO portal_theme (tenant_id, primary_colour, accent_colour, layout, updated_by) SELECT " + province
                            + ", '#a4161a', '#0b4f8a', 'classic', 'seed' ON CONFLICT DO NOTHING",
                    "INSERT INTO portal_category (tenant_id, name, slug) SELECT " + province + ", 'Tin tức', 'tin-tuc' WHERE NOT EXISTS "
                            + "(SELECT 1 FROM portal_category WHERE tenant_id = " + province + ")",
                    "INSERT INTO portal_page (tenant_id, title, slug, body, published, updated_by) SELECT " + province
                            + ", 'Trang mẫu', 'trang-mau', '<p>seed</p>', false, 'seed' WHERE NOT EXISTS (SELECT 1 FROM portal_page WHERE updated_by = 'seed')",
                    "INSERT INTO portal_menu_item (tenant_id, label, target_kind) SELECT " + province + ", 'Trang chủ', 'home' WHERE NOT EXISTS "
                            + "(SELECT 1 FROM portal_menu_item WHERE tenant_id = " + province + ")",
                    "INSERT INTO portal_article (tenant_id, title, created_by, updated_by) SELECT " + province
                            + ", 'Bản nháp mẫu', 'seed', 'seed' WHERE NOT EXISTS (SELECT 1 FROM portal_article WHERE created_by = 'seed')",
                    "INSERT INTO portal_article_version (tenant_id, article_id, version, title, summary, body, attachments, tags, status, saved_by) "
                            + "SELECT tenant_id, id, 1, title, '', '', '{}', '{}', 'draft', 'seed' FROM portal_article WHERE created_by = 'seed' "
                            + "AND NOT EXISTS (SELECT 1 FROM portal_article_version WHERE saved_by = 'seed')",
                    "INSERT INTO portal_site_visit (tenant_id, views) SELECT " + province + ", 0 ON CONFLICT DO NOTHING",
                    // the procedure catalogue: a master procedure with its version, adopted by a commune
                    "INSERT INTO procedure (tenant_id, code, name, sector, level, online_level, time_limit_days, current_version) SELECT " + province
                            + ", '9.999999.H38', 'Thủ tục mẫu', 'Mẫu', 'commune', 'partial', 1, 1 WHERE NOT EXISTS "
                            + "(SELECT 1 FROM procedure WHERE code = '9.999999.H38')",
                    "INSERT INTO procedure_version (tenant_id, procedure_id, version, definition, created_by) SELECT tenant_id, id, 1, '{}'::jsonb, "
                            + "'seed' FROM procedure WHERE code = '9.999999.H38' AND NOT EXISTS (SELECT 1 FROM procedure_version WHERE created_by = 'seed')",
                    "INSERT INTO unit_procedure (tenant_id, procedure_id, adopted_by) SELECT (SELECT id FROM tenant WHERE code = 'xa-quang-kim'), id, "
                            + "'seed' FROM procedure WHERE code = '9.999999.H38' ON CONFLICT DO NOTHING",
                    "INSERT INTO procedure_template (tenant_id, procedure_id, name, content_type, size_bytes, sha256, content, uploaded_by) SELECT "
                            + "tenant_id, id, 'seed.pdf', 'application/pdf', 5, repeat('0', 64), '%PDF-'::bytea, 'seed' FROM procedure "
                            + "WHERE code = '9.999999.H38' AND NOT EXISTS (SELECT 1 FROM procedure_template WHERE uploaded_by = 'seed')",
                    // a dossier of that procedure (its applicant: the province administrator's account), a file, an event, a sequence
                    "INSERT INTO dossier (tenant_id, code, procedure_id, procedure_code, procedure_name, procedure_version, applicant_id, "
                            + "applicant_name, channel, form, status, due_date, created_by, holder_id, parties, step_id, step_name) SELECT p.tenant_id, "
                            + "'lao-cai-000103-0001', p.id, p.code, p.name, 1, (SELECT id FROM app_user WHERE username = 'admin'), 'Người nộp mẫu', 'online', "
                            + "'{}', 'received', '2000-01-04', 'seed', p.tenant_id, ARRAY[p.tenant_id], 'tiep-nhan', 'Tiếp nhận' "
                            + "FROM procedure p WHERE p.code = '9.999999.H38' AND NOT EXISTS (SELECT 1 FROM dossier WHERE created_by = 'seed')",
                    "INSERT INTO dossier_file (tenant_id, dossier_id, paper_id, name, content_type, size_bytes, sha256, content) SELECT tenant_id, id, "
                            + "'to-khai', 'seed.pdf', 'application/pdf', 5, repeat('0', 64), '%PDF-'::bytea FROM dossier WHERE created_by = 'seed' "
                            + "AND NOT EXISTS (SELECT 1 FROM dossier_file WHERE name = 'seed.pdf')",
                    "INSERT INTO dossier_event (tenant_id, dossier_id, status, actor) SELECT tenant_id, id, 'received', 'seed' FROM dossier "
                            + "WHERE created_by = 'seed' AND NOT EXISTS (SELECT 1 FROM dossier_event WHERE actor = 'seed')",
                    "INSERT INTO dossier_sequence (tenant_id, prefix, day, last) SELECT " + province + ", 'seed', '2000-01-03', 1 ON CONFLICT DO NOTHING",
                    // its processing: a handover, a notice (a request to supplement), a status change already sent to the national portal
                    "INSERT INTO dossier_handover (tenant_id, dossier_id, from_step, from_name, to_step, to_name, to_unit, given_by) SELECT tenant_id, id, "
                            + "'tiep-nhan', 'Tiếp nhận', 'xu-ly', 'Xử lý', tenant_id, 'seed' FROM dossier WHERE created_by = 'seed' "
                            + "AND NOT EXISTS (SELECT 1 FROM dossier_handover WHERE given_by = 'seed')",
                    "INSERT INTO dossier_notice (tenant_id, dossier_id, form, reason, papers, actor) SELECT tenant_id, id, 2, 'Mẫu', '[\"to-khai\"]', "
                            + "'seed' FROM dossier WHERE created_by = 'seed' AND NOT EXISTS (SELECT 1 FROM dossier_notice WHERE actor = 'seed')",
                    "INSERT INTO dossier_shipment (tenant_id, dossier_id, recipient, address) SELECT tenant_id, id, 'Người nộp mẫu', 'Địa chỉ mẫu' "
                            + "FROM dossier WHERE created_by = 'seed' AND NOT EXISTS (SELECT 1 FROM dossier_shipment WHERE address = 'Địa chỉ mẫu')",
                    "INSERT INTO dossier_payment (tenant_id, dossier_id, reference, amount, status, paid_at, transaction_id, paid_via, refunded) SELECT tenant_id, "
                            + "id, 'HS-SEED', 1000, 'paid', now(), 'SEED', 'callback', 100 FROM dossier WHERE created_by = 'seed' ON CONFLICT DO NOTHING",
                    "INSERT INTO dossier_refund (tenant_id, dossier_id, payment_id, amount, reason, actor) SELECT p.tenant_id, p.dossier_id, p.id, 100, "
                            + "'Mẫu', 'seed' FROM dossier_payment p WHERE p.reference = 'HS-SEED' AND NOT EXISTS (SELECT 1 FROM dossier_refund WHERE actor = 'seed')",
                    "INSERT INTO payment_reconciliation (tenant_id, day, matched, recovered, missing, unknown, details, run_by) SELECT " + province
                            + ", '2000-01-03', 0, 0, 0, 0, '[]', 'seed' WHERE NOT EXISTS (SELECT 1 FROM payment_reconciliation WHERE run_by = 'seed')",
                    "INSERT INTO unit_payment_account (tenant_id, bank_bin, account_no, account_name, updated_by) SELECT " + province
                            + ", '970405', '3511000000001', 'KHO BAC NHA NUOC TINH LAO CAI', 'seed' ON CONFLICT DO NOTHING",
                    "INSERT INTO dossier_pickup (tenant_id, applicant_id, applicant_name, procedure_code, address) SELECT tenant_id, applicant_id, "
                            + "applicant_name, procedure_code, 'Địa chỉ lấy hồ sơ mẫu' FROM dossier WHERE created_by = 'seed' "
                            + "AND NOT EXISTS (SELECT 1 FROM dossier_pickup WHERE address = 'Địa chỉ lấy hồ sơ mẫu')",
                    "INSERT INTO dossier_outbox (tenant_id, dossier_id, target, payload, sent_at) SELECT tenant_id, id, 'national-portal', '{}', now() "
                            + "FROM dossier WHERE created_by = 'seed' AND NOT EXISTS (SELECT 1 FROM dossier_outbox o WHERE o.payload = '{}'::jsonb)",
                    // official documents: the province's issued one (its number, its file, its history) sent to a commune, and a
                    // package from outside waiting at that commune
                    "INSERT INTO document (tenant_id, register, status, doc_type, symbol, year, number, number_symbol, issuer, issued_on, abstract, "
                            + "created_by, registered_at) SELECT " + province + ", 'outgoing', 'issued', 'Công văn', 'SEED', 2000, 1, '01/SEED', 'Mẫu', "
                            + "'2000-01-03', 'Văn bản mẫu', 'seed', now() WHERE NOT EXISTS (SELECT 1 FROM document WHERE created_by = 'seed')",
                    "INSERT INTO document_counter (tenant_id, register, series, year, last) SELECT " + province + ", 'outgoing', 'normal', 2000, 1 "
                            + "ON CONFLICT DO NOTHING",
                    "INSERT INTO document_event (tenant_id, document_id, action, actor) SELECT tenant_id, id, 'issued', 'seed' FROM document "
                            + "WHERE created_by = 'seed' AND NOT EXISTS (SELECT 1 FROM document_event WHERE actor = 'seed')",
                    "INSERT INTO document_file (tenant_id, document_id, kind, name, content_type, size_bytes, sha256, content, created_by) SELECT "
                            + "tenant_id, id, 'main', 'seed.pdf', 'application/pdf', 5, repeat('0', 64), '%PDF-'::bytea, 'seed' FROM document "
                            + "WHERE created_by = 'seed' AND NOT EXISTS (SELECT 1 FROM document_file WHERE created_by = 'seed')",
                    "INSERT INTO document_delivery (tenant_id, document_id, to_tenant_id, status, number_symbol, issuer, doc_type, urgency, abstract, "
                            + "issued_on, sent_by) SELECT tenant_id, id, (SELECT id FROM tenant WHERE code = 'xa-quang-kim'), 'received', number_symbol, "
                            + "issuer, doc_type, urgency, abstract, issued_on, 'seed' FROM document WHERE created_by = 'seed' ON CONFLICT DO NOTHING",
                    "INSERT INTO document_inbound (tenant_id, status, from_organ_id, from_organ_name, edxml_document_id, number_symbol, doc_type, "
                            + "abstract, issued_on, urgency, signed_by, package) SELECT id, 'received', 'seed', 'Mẫu', 'seed', '01/SEED', 'Công văn', "
                            + "'Gói mẫu', '2000-01-03', 'THUONG', 'seed', '<seed/>'::bytea FROM tenant WHERE code = 'xa-quang-kim' ON CONFLICT DO NOTHING",
                    // sent outside the platform: the province's document taken by the axis, its package in the outbox (sent)
                    "INSERT INTO document_outbound (tenant_id, document_id, organ_id, organ_name, edxml_document_id, status, axis_id, queued_by, "
                            + "sent_at) SELECT tenant_id, id, '000.00.00.G22', 'Mẫu', 'seed', 'sent', 'seed', 'seed', now() FROM document "
                            + "WHERE created_by = 'seed' ON CONFLICT DO NOTHING",
                    "INSERT INTO document_outbox (tenant_id, target, outbound_id, payload, sent_at) SELECT tenant_id, 'edxml-axis', id, '<seed/>'::bytea, "
                            + "now() FROM document_outbound WHERE queued_by = 'seed' AND NOT EXISTS (SELECT 1 FROM document_outbox WHERE payload = '<seed/>'::bytea)",
                    // a citizen's report about the province (the account: the administrator's, as the seeded dossier's)
                    "INSERT INTO feedback (tenant_id, code, applicant_id, applicant_name, subject, content, consent) SELECT " + province
                            + ", 'PA00-000000', u.id, 'seed', 'Phản ánh mẫu', 'Dữ liệu mẫu cho kiểm thử', true FROM app_user u "
                            + "WHERE u.username = 'admin' ON CONFLICT DO NOTHING",
                    // the province's organ id on the national document axis
                    "INSERT INTO document_exchange_identity (tenant_id, organ_id, set_by) SELECT " + province + ", '000.00.00.H38', 'seed' "
                            + "ON CONFLICT DO NOTHING",
                    // a revoked token (its hash matches no token anyone holds)
                    "INSERT INTO api_token (tenant_id, user_id, name, token_hash, hint, expires_at, revoked_at, revoked_by) SELECT u.tenant_id, u.id, "
                            + "'Mẫu', repeat('0', 64), '…seed', now() + interval '1 day', now(), 'seed' FROM app_user u WHERE u.tenant_id = " + province
                            + " ORDER BY u.id LIMIT 1 ON CONFLICT DO NOTHING",
                    // a used link and a mail the outbox never takes (due at 'infinity'): citizens' own accounts (V8_32)
                    "INSERT INTO account_link (tenant_id, user_id, purpose, token_hash, expires_at, used_at) SELECT u.tenant_id, u.id, 'reset', "
                            + "repeat('1', 64), now(), now() FROM app_user u WHERE u.tenant_id = " + province + " ORDER BY u.id LIMIT 1 ON CONFLICT DO NOTHING",
                    "INSERT INTO account_mail (tenant_id, payload, next_attempt_at) SELECT " + province + ", '{\"to\":\"seed@example.vn\",\"subject\":\"seed\",\"text\":\"seed\"}', 'infinity' "
                            + "WHERE NOT EXISTS (SELECT 1 FROM account_mail WHERE payload LIKE '%seed@example.vn%')")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    /** A real PNG of the given size (a red square). */
    static byte[] png(int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0xb0, 0x00, 0x20));
        g.fillRect(0, 0, width, height);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static Platform platform() {
        return up();
    }

    /** The SMTP server the platform sends the applicants' e-mail to. */
    static com.icegreen.greenmail.util.GreenMail mail() {
        up();
        return mail;
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (mail != null) {
            mail.stop();
        }
        if (platform != null && !Boolean.getBoolean("egov.it.keep")) {
            try {
                platform.stop();
            } catch (Exception e) {
                System.err.println("could not stop the test domain: " + e);
            }
        }
    }
}
