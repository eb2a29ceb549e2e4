package vn.egov.dossiers.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.dossiers.control.Payments;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Html;
import vn.egov.platform.web.Problem;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.desk.DeskFrame;
import vn.egov.platform.web.pages.Messages;

/**
 * {@code /t/{code}/admin/payment-account}: the unit's administrator sets the bank account its fees are paid into
 * (through {@link Payments}, as the API does); a refused form comes back with each message beside its field, the values
 * kept, nothing saved. Made from the template {@code paymentAccount.jte}.
 */
@Path("t/{code}/admin/payment-account")
@RequestScoped
@Produces(Desk.HTML)
public class PaymentAccountPage {

    /** What {@code paymentAccount.jte} shows: the account in use, the form as typed, each field's message. */
    public record AccountView(String current, String action, Map<String, String> values, Map<String, String> errors) {
        public DeskFrame.Attributes bin() {
            return DeskFrame.attributes("inputmode=\"numeric\" maxlength=\"6\"");
        }

        public DeskFrame.Attributes account() {
            return DeskFrame.attributes("inputmode=\"numeric\" maxlength=\"19\"");
        }

        public DeskFrame.Attributes name() {
            return DeskFrame.attributes("maxlength=\"100\"");
        }
    }

    @Inject
    Desk layout;

    @Inject
    Payments payments;

    @Inject
    Access access;

    @GET
    public Response form() {
        Tenant unit = layout.require();
        Payments.Current a = payments.current(unit.getId());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("bin", a.own() ? a.account().bin() : "");
        v.put("account", a.own() ? a.account().number() : "");
        v.put("name", a.own() ? a.account().name() : "");
        return layout.okTemplate(render(unit, v, a, Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form) {
        layout.checkCsrf(form.getFirst("csrf"));
        Tenant unit = layout.require();
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : List.of("bin", "account", "name")) {
            String value = form.getFirst(f);
            v.put(f, value == null ? "" : value.strip());
        }
        try {
            payments.save(unit, v.get("bin"), v.get("account"), v.get("name"), access.username());
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw layout.error(e.problem());
            }
            Map<String, String> errors = new LinkedHashMap<>();
            // a problem said per language has its messages in the page's language; an older one pairs "tiếng Việt / English"
            e.problem().in(layout.locale()).fieldErrors().forEach((field, messages) -> errors.put(field,
                    String.join(" ", e.problem().perLanguage() ? messages : messages.stream().map(layout::message).toList())));
            throw layout.refuseTemplate(400, render(unit, v, payments.current(unit.getId()), errors));
        }
        layout.flash(Html.escape(Messages.of(layout.locale(), DossierTemplates.BUNDLE).text("account.saved")));
        return layout.redirect("/t/" + unit.getCode() + "/admin/payment-account");
    }

    private String render(Tenant unit, Map<String, String> v, Payments.Current current, Map<String, String> errors) {
        DeskFrame.Page desk = layout.desk(unit, "payment-account", DossierTemplates.BUNDLE, "account.title");
        Messages t = desk.page().t();
        Payments.Account a = current.account();
        String now = current.own() ? t.text("account.own", a.number(), a.name(), a.bin()) : t.text("account.common", a.number());
        AccountView view = new AccountView(now, layout.url(unit, "payment-account"), v, errors);
        return DossierTemplates.TEMPLATES.render("paymentAccount.jte", desk.page(), "desk", desk, "view", view);
    }
}
