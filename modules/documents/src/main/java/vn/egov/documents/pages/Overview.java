package vn.egov.documents.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.documents.control.Files;
import vn.egov.documents.control.Handling;
import vn.egov.documents.control.Incoming;
import vn.egov.documents.control.Registers;
import vn.egov.documents.exchange.Exchange;
import vn.egov.documents.exchange.ExchangeIdentity;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.ProblemException;
import vn.egov.platform.web.desk.Desk;
import vn.egov.platform.web.pages.Messages;

/** Reads what the overview shows from the documents' control classes, as the person may see it. */
@RequestScoped
public class Overview {
    @Inject
    Desk layout;

    @Inject
    Access access;

    @Inject
    Registers registers;

    @Inject
    Incoming incoming;

    @Inject
    Handling handling;

    @Inject
    Files files;

    @Inject
    Exchange exchange;

    @Inject
    ExchangeIdentity identity;

    @Inject
    TenantDirectory directory;

    OverviewView of(Tenant unit, String failure, Messages t) {
        String base = "/api/t/" + unit.getCode() + "/documents/";
        int year = Registers.today().getYear();
        Registers.Slice newest = new Registers.Slice(0, DocumentPages.SHOWN, true);
        Registers.RegisterPage out = registers.register(unit, unit.getId(), "outgoing", year, true, access.user(), newest);
        Registers.RegisterPage in = registers.register(unit, unit.getId(), "incoming", year, false, access.user(), newest);
        List<OverviewView.Row> work = handling.work(unit, access.user()).stream().map(d -> row(unit, d, true, t)).toList();
        return new OverviewView(failure, new OverviewView.Search("/t/" + unit.getCode() + "/admin/documents/search", "", layout.en()),
                layout.url(unit, "documents/new"), layout.url(unit, "documents/incoming/new"), queue(unit), edxml(unit), work,
                new OverviewView.Register("outgoing", year, out.total(), out.docs().stream().map(d -> row(unit, d, false, t)).toList(),
                        base + "outgoing/register.pdf", base + "outgoing/register.csv"),
                new OverviewView.Register("incoming", year, in.total(), in.docs().stream().map(d -> row(unit, d, false, t)).toList(),
                        base + "incoming/register.pdf", base + "incoming/register.csv"),
                identity(unit));
    }

    private List<OverviewView.Arrival> queue(Tenant unit) {
        List<Registers.Delivery> waiting = incoming.queue(unit);
        Map<Long, List<Files.FileInfo>> sent = files.sent(unit, waiting.stream().map(Registers.Delivery::id).toList());
        List<OverviewView.Arrival> rows = new ArrayList<>();
        for (Registers.Delivery v : waiting) {
            String from = directory.byId(v.fromId()).map(Tenant::getName).orElse(Long.toString(v.fromId()));
            List<OverviewView.FileLink> links = sent.getOrDefault(v.id(), List.of()).stream().map(f -> new OverviewView.FileLink(f.name(),
                    "/api/t/" + unit.getCode() + "/documents/queue/" + v.id() + "/files/" + f.id())).toList();
            rows.add(new OverviewView.Arrival(v.id(), v.urgency(), v.numberSymbol(), from, v.abstractText(), DocumentPages.time(v.receivedAt()), links,
                    layout.url(unit, "documents/queue/" + v.id())));
        }
        return rows;
    }

    private List<OverviewView.Package> edxml(Tenant unit) {
        return exchange.waiting(unit).stream().map(p -> new OverviewView.Package(p.id(), p.urgency(), p.numberSymbol(), p.fromName(), p.fromId(),
                p.abstractText(), layout.url(unit, "documents/edxml/" + p.id()))).toList();
    }

    private OverviewView.Row row(Tenant unit, Registers.Doc d, boolean work, Messages t) {
        String date = d.register().equals("incoming") && d.receivedOn() != null ? DocumentPages.day(d.receivedOn()) : DocumentPages.day(d.issuedOn());
        String last = work ? DocumentPages.day(d.work().handleBy()) : d.issuer();
        return new OverviewView.Row(layout.url(unit, "documents/" + d.id()), d.numberSymbol() == null ? t.text("docs.noNumber") : d.numberSymbol(),
                d.secrecy(), date == null ? "" : date, d.docType(), d.abstractText(), d.urgency(), last == null ? "" : last, d.status());
    }

    private OverviewView.Identity identity(Tenant unit) {
        boolean admin;
        try {
            access.require("tenant", "admin");
            admin = true;
        } catch (ProblemException notAdmin) {
            admin = false;
        }
        return new OverviewView.Identity(identity.of(unit).orElse(null), admin, layout.url(unit, "documents/exchange-identity"));
    }
}
