package vn.egov.documents.pages;

import vn.egov.documents.control.Wording;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import vn.egov.documents.control.Handling;
import vn.egov.documents.control.Outbound;
import vn.egov.documents.control.Outgoing;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.pages.Messages;

/**
 * One action on a document from its page's forms, through the documents' control classes (which decide whether it is
 * the person's duty and refuse what is not); its message, in the page's language, for the next page.
 */
@RequestScoped
public class DocumentActions {
    @Inject
    Access access;

    @Inject
    Outgoing outgoing;

    @Inject
    Handling handling;

    @Inject
    Outbound outbound;

    String change(Tenant unit, long id, String action, MultivaluedMap<String, String> form, Messages t) {
        return switch (action) {
            case "submit" -> {
                outgoing.submit(unit, id, access.user());
                yield t.text("done.submit");
            }
            case "approve", "return" -> {
                outgoing.review(unit, id, action.equals("approve"), DocumentPages.text(form, "note"), access.user());
                yield t.text("done." + action);
            }
            case "issue" -> t.text("done.issue", outgoing.issue(unit, id, access.user()).numberSymbol());
            case "send" -> send(unit, id, form, t);
            case "send-external" -> sendExternal(unit, id, form, t);
            case "recall" -> {
                outgoing.recall(unit, id, DocumentPages.text(form, "reason"), access.user());
                yield t.text("done.recall");
            }
            case "direct" -> {
                handling.direct(unit, id, DocumentPages.text(form, "leadHandler"), words(DocumentPages.text(form, "supportHandlers")),
                        DocumentPages.orNull(DocumentPages.text(form, "handleBy")), DocumentPages.text(form, "direction"), access.user());
                yield t.text("done.direct");
            }
            case "note" -> {
                handling.note(unit, id, DocumentPages.text(form, "note"), access.user());
                yield t.text("done.note");
            }
            case "done" -> {
                handling.finish(unit, id, DocumentPages.text(form, "result"), access.user());
                yield t.text("done.done");
            }
            default -> throw ProblemException.notFound(Wording::in, "notFound.action", action);
        };
    }

    private String send(Tenant unit, long id, MultivaluedMap<String, String> form, Messages t) {
        List<String> picked = form.get("to") == null ? List.of() : form.get("to").stream().filter(s -> !s.isBlank()).toList();
        Outgoing.Sent sent = outgoing.send(unit, id, picked, form.getFirst("subtree") != null, access.user());
        return t.text("done.send", sent.delivered().size()) + (sent.already().isEmpty() ? "" : " " + t.text("done.sendAlready", sent.already().size()));
    }

    private String sendExternal(Tenant unit, long id, MultivaluedMap<String, String> form, Messages t) {
        JsonArrayBuilder to = Jsonp.createArrayBuilder();
        words(DocumentPages.text(form, "organs")).forEach(to::add);
        Outbound.Queued q = outbound.send(unit, id, to.build(), access.user());
        return t.text("done.external", q.queued().size());
    }

    /** Names written one per line or separated by commas, semicolons or spaces. */
    private static List<String> words(String written) {
        List<String> out = new ArrayList<>();
        for (String s : written.split("[,;\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
