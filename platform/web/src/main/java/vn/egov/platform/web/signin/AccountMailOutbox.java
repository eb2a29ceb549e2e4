package vn.egov.platform.web.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.egov.platform.outbox.OutboxHandler;
import vn.egov.platform.outbox.OutboxRound;
import vn.egov.platform.outbox.OutboxRow;
import vn.egov.platform.web.mail.Mailer;

/**
 * The mail of citizens' own accounts (a link to confirm an address, a link to choose a new password), written in the
 * same transaction as the link ({@code account_mail}, V8_32) and sent by the platform's one outbox worker; a row goes
 * once the SMTP server took it, and waits (2^attempts seconds, at most 30) while it does not.
 */
@ApplicationScoped
public class AccountMailOutbox implements OutboxHandler {
    @Inject
    Mailer mailer;

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public String table() {
        return "account_mail";
    }

    @Override
    public void send(List<OutboxRow> rows, OutboxRound round) throws Exception {
        for (OutboxRow r : rows) {
            try {
                mailer.send(r.text("payload"));
                round.sent(r);
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                round.failed(r, e);
            }
        }
    }
}
