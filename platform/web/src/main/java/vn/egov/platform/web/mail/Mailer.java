package vn.egov.platform.web.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.egov.platform.web.Jsonp;

/**
 * The platform's mail, for every module's outbox (an applicant's notices, a unit's urgent documents): over SMTP,
 * {@code egov.smtp.host}, {@code egov.smtp.port} (25), the sender {@code egov.mail.from}. Plain text in UTF-8. Without
 * a host configured nothing is sent and the e-mails wait in their outbox.
 */
@ApplicationScoped
public class Mailer {

    public Optional<String> host() {
        return ConfigProvider.getConfig().getOptionalValue("egov.smtp.host", String.class).filter(s -> !s.isBlank());
    }

    /**
     * Sends one e-mail of an outbox ({@code to}, {@code subject}, {@code text}, and the dossier's code if it is about
     * one); throws when the server did not take it.
     */
    public void send(String payload) throws MessagingException {
        Config config = ConfigProvider.getConfig();
        JsonObject mail = Jsonp.createReader(new StringReader(payload)).readObject();
        Properties p = new Properties();
        p.put("mail.smtp.host", host().orElseThrow(() -> new MessagingException("no SMTP host configured (egov.smtp.host)")));
        p.put("mail.smtp.port", config.getOptionalValue("egov.smtp.port", String.class).orElse("25"));
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(config.getOptionalValue("egov.mail.from", String.class).orElse("motcua@laocai.gov.vn")));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getString("to"), true));
        m.setSubject(mail.getString("subject"), "UTF-8");
        m.setText(mail.getString("text"), "UTF-8");
        m.setHeader("X-Egov-Dossier", mail.getString("dossierCode", ""));
        Transport.send(m);
    }
}
