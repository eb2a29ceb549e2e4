package vn.egov.documents.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import static vn.egov.documents.boundary.DocumentJson.*;
import vn.egov.documents.control.RegisterPrint;
import vn.egov.documents.control.Registers;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Fields;
import vn.egov.platform.web.Jsonp;

/**
 * {@code /api/t/{unit}/documents}: the registers by year, a page at a time ({@code GET outgoing?year=}, {@code GET
 * incoming?year=}), the closed registers of units this unit took over ({@code GET registers/closed}), and a register
 * printed for a period as the decree lays it out ({@code GET outgoing|incoming/register.pdf|csv}). Dates are dd/MM/yyyy.
 */
@Path("api/t/{unit}/documents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentRegistersResource {
    @Inject
    Access access;

    @Inject
    Registers registers;

    @Inject
    TenantDirectory directory;

    @Inject
    RegisterPrint print;

    @GET
    @Path("outgoing")
    public Response outgoing(@QueryParam("year") Integer year, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                             @QueryParam("order") String order, @QueryParam("of") String of) {
        return register("outgoing", year, page, size, order, of);
    }

    @GET
    @Path("incoming")
    public Response incoming(@QueryParam("year") Integer year, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                             @QueryParam("order") String order, @QueryParam("of") String of) {
        return register("incoming", year, page, size, order, of);
    }

    /**
     * The registers of units this unit took over in a reorganisation, closed on the plan's effective date and kept as
     * they were (read each with {@code GET outgoing|incoming?of=<their unit's code>&year=}).
     */
    @GET
    @Path("registers/closed")
    public Response closedRegisters() {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "read");
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        for (Registers.ClosedRegister r : registers.closedRegisters(unit)) {
            a.add(Jsonp.createObjectBuilder().add("unit", r.unit()).add("unitName", r.unitName()).add("register", r.register())
                    .add("series", r.series()).add("year", r.year()).add("last", r.last())
                    .add("closedOn", r.closedOn() == null ? "" : Registers.DAY.format(r.closedOn())));
        }
        return Response.ok(Jsonp.createObjectBuilder().add("unit", unit.getCode()).add("registers", a).build()).build();
    }

    /**
     * The register as the decree prints it, for a period ({@code from}, {@code to}: dd/MM/yyyy; by default this year to
     * today), as {@code register.pdf} or {@code register.csv}; {@code series=secret} for the secret register.
     */
    @GET
    @Path("{register: outgoing|incoming}/register.{format: pdf|csv}")
    @Produces({"application/pdf", "text/csv"})
    public Response print(@PathParam("register") String register, @PathParam("format") String format, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("series") String series, @QueryParam("of") String of) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "read");
        Fields problems = new Fields();
        Tenant keeper = of == null || of.isBlank() ? unit : directory.byCode(of.strip()).orElse(null);
        if (keeper == null) {
            problems.put("of", "problem.field.noUnitHasCode", of.strip());
        }
        LocalDate today = Registers.today();
        LocalDate start = day(from, "from", problems, LocalDate.of(today.getYear(), 1, 1));
        LocalDate end = day(to, "to", problems, today);
        if (start != null && end != null && (end.isBefore(start) || end.isAfter(start.plusYears(1)))) {
            problems.put("to", "problem.field.endNotBeforeStart");
        }
        if (series != null && !series.equals("secret") && !series.equals("normal")) {
            problems.put("series", "problem.field.seriesNormalSecret");
        }
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        boolean secret = "secret".equals(series);
        List<Registers.Doc> docs = print.entries(unit, keeper.getId(), register, secret, start, end, access.user());
        String name = (register.equals("outgoing") ? "so-van-ban-di-" : "so-van-ban-den-") + keeper.getCode() + "-" + start + "-" + end;
        if (format.equals("csv")) {
            return Response.ok(RegisterPrint.csv(register, docs), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
        }
        return Response.ok(RegisterPrint.pdf(keeper.getName(), register, secret, start, end, docs), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"").build();
    }

    private static LocalDate day(String given, String field, Fields problems, LocalDate otherwise) {
        if (given == null || given.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(given.strip(), Registers.DAY);
        } catch (java.time.format.DateTimeParseException e) {
            problems.put(field, "problem.field.dateForm");
            return null;
        }
    }

    /**
     * A page of the year's register: {@code page} from 1, {@code size} 1 to 5000 (1000 by default), {@code order} {@code number}
     * (the register's own order, the default) or {@code newest}; {@code total} says how many entries the register holds.
     */
    private Response register(String register, Integer year, Integer page, Integer size, String order, String of) {
        Tenant unit = access.require(DocumentsResource.DOMAIN, "read");
        Tenant keeper = of == null || of.isBlank() ? unit : directory.byCode(of.strip()).orElse(null);
        int y = year == null ? Registers.today().getYear() : year;
        Fields problems = new Fields();
        if (y < 2000 || y > 2100) {
            problems.put("year", "problem.field.year");
        }
        int p = page == null ? 1 : page;
        int s = size == null ? 1000 : size;
        if (p < 1 || p > 100_000) {
            problems.put("page", "problem.field.pagesStartAt");
        }
        if (s < 1 || s > 5000) {
            problems.put("size", "problem.field.pageHoldsDocuments");
        }
        if (order != null && !order.equals("number") && !order.equals("newest")) {
            problems.put("order", "problem.field.orderNumberNewest");
        }
        if (keeper == null) {
            problems.put("of", "problem.field.noUnitHasCode", of.strip());
        }
        if (!problems.isEmpty()) {
            throw Registers.invalid(problems);
        }
        Registers.RegisterPage found = registers.register(unit, keeper.getId(), register, y, keeper == unit && register.equals("outgoing"),
                access.user(), new Registers.Slice((p - 1) * s, s, "newest".equals(order)));
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        found.docs().forEach(d -> a.add(json(d, unit)));
        return Response.ok(Jsonp.createObjectBuilder().add("unit", unit.getCode()).add("registerOf", keeper.getCode()).add("register", register).add("year", y)
                .add("page", p).add("size", s).add("total", found.total()).add("documents", a).build()).build();
    }
}
