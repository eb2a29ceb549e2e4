package vn.egov.documents.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.documents.control.Files;
import vn.egov.documents.control.Handling;
import vn.egov.documents.control.Incoming;
import vn.egov.documents.control.Outgoing;
import vn.egov.documents.control.RegisterPrint;
import vn.egov.documents.control.Registers.Delivery;
import vn.egov.documents.control.Registers.Doc;
import vn.egov.documents.control.Registers;
import vn.egov.documents.exchange.Exchange;
import vn.egov.platform.tenancy.control.TenantDirectory;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.Access;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.web.ProblemException;

/**
 * {@code /api/t/{unit}/documents}: the unit's official documents. Outgoing: enter a draft ({@code POST outgoing}),
 * issue it ({@code POST {id}/issue}: the register's next number), send it to units of the platform
 * ({@code POST {id}/send}), recall it ({@code POST {id}/recall}). Incoming: what other units sent
 * ({@code GET queue}), accepted into the register ({@code POST queue/{delivery}/accept}) or returned with a reason
 * ({@code POST queue/{delivery}/return}); a paper document registered from its metadata ({@code POST incoming}). The
 * registers by year: {@code GET outgoing?year=}, {@code GET incoming?year=}. Dates are dd/MM/yyyy.
 */
@Path("api/t/{unit}/documents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {
    static final String DOMAIN = "documents";

    @Inject
    Access access;

    @Inject
    Registers registers;

    @Inject
    Outgoing outgoing;

    @Inject
    Incoming incoming;

    @Inject
    TenantDirectory directory;

    @Inject
    Files files;

    @Inject
    Handling handling;

    @Inject
    RegisterPrint print;

    @Inject
    Exchange exchange;

    @Inject
    vn.egov.documents.exchange.ExchangeIdentity identity;

    @Inject
    vn.egov.documents.control.Outbound outbound;

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
        Tenant unit = access.require(DOMAIN, "read");
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
        Tenant unit = access.require(DOMAIN, "read");
        java.util.Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
        Tenant keeper = of == null || of.isBlank() ? unit : directory.byCode(of.strip()).orElse(null);
        if (keeper == null) {
            problems.put("of", List.of("Không có đơn vị mã \"" + of.strip() + "\". / No unit has the code \"" + of.strip() + "\"."));
        }
        LocalDate today = Registers.today();
        LocalDate start = day(from, "from", problems, LocalDate.of(today.getYear(), 1, 1));
        LocalDate end = day(to, "to", problems, today);
        if (start != null && end != null && (end.isBefore(start) || end.isAfter(start.plusYears(1)))) {
            problems.put("to", List.of("Ngày cuối không trước ngày đầu và cách ngày đầu không quá một năm. / The end is not before the start, "
                    + "and at most a year after it."));
        }
        if (series != null && !series.equals("secret") && !series.equals("normal")) {
            problems.put("series", List.of("Sổ là normal (thường) hoặc secret (mật). / The series is normal or secret."));
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

    private static LocalDate day(String given, String field, java.util.Map<String, List<String>> problems, LocalDate otherwise) {
        if (given == null || given.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(given.strip(), Registers.DAY);
        } catch (java.time.format.DateTimeParseException e) {
            problems.put(field, List.of("Ngày viết theo dạng dd/MM/yyyy. / Write the date as dd/MM/yyyy."));
            return null;
        }
    }

    /**
     * A page of the year's register: {@code page} from 1, {@code size} 1 to 5000 (1000 by default), {@code order} {@code number}
     * (the register's own order, the default) or {@code newest}; {@code total} says how many entries the register holds.
     */
    private Response register(String register, Integer year, Integer page, Integer size, String order, String of) {
        Tenant unit = access.require(DOMAIN, "read");
        Tenant keeper = of == null || of.isBlank() ? unit : directory.byCode(of.strip()).orElse(null);
        int y = year == null ? Registers.today().getYear() : year;
        Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
        if (y < 2000 || y > 2100) {
            problems.put("year", List.of("Năm từ 2000 đến 2100. / The year is 2000 to 2100."));
        }
        int p = page == null ? 1 : page;
        int s = size == null ? 1000 : size;
        if (p < 1 || p > 100_000) {
            problems.put("page", List.of("Trang bắt đầu từ 1. / Pages start at 1."));
        }
        if (s < 1 || s > 5000) {
            problems.put("size", List.of("Mỗi trang từ 1 đến 5000 văn bản. / A page holds 1 to 5000 documents."));
        }
        if (order != null && !order.equals("number") && !order.equals("newest")) {
            problems.put("order", List.of("Thứ tự là number (theo số) hoặc newest (mới nhất trước). / The order is number or newest."));
        }
        if (keeper == null) {
            problems.put("of", List.of("Không có đơn vị mã \"" + of.strip() + "\". / No unit has the code \"" + of.strip() + "\"."));
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

    /** A draft: {@code {"docType", "symbol", "abstract", "signer"?, "place"?, "urgency"?, "secrecy"?, "recipientsText"?, "dueDate"?, "pageCount"?, "readers"?: [usernames]}}. */
    @POST
    @Path("outgoing")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response draft(JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        Doc d = outgoing.draft(unit, new Outgoing.Draft(text(b, "docType"), text(b, "symbol"), text(b, "abstract"), text(b, "signer"),
                text(b, "place"), text(b, "urgency"), text(b, "secrecy"), text(b, "recipientsText"), text(b, "dueDate"), integer(b, "pageCount"),
                strings(b, "readers"), text(b, "dossier")), access.user());
        return Response.created(URI.create("/api/t/" + unit.getCode() + "/documents/" + d.id())).entity(json(d, unit).build()).build();
    }

    /** The document, its files (their signatures checked), its history and its receivers: read in one transaction. */
    @GET
    @Path("{id: [0-9]+}")
    @jakarta.transaction.Transactional
    @vn.egov.platform.persistence.TenantTransactional
    public Response one(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "read");
        Doc d = registers.find(unit, id, access.user()).orElseThrow(() -> notFound(id));
        JsonObjectBuilder o = json(d, unit);
        JsonArrayBuilder fileList = Jsonp.createArrayBuilder();
        if (d.register().equals("incoming")) {
            // an incoming document's own files (a scan, what came by edXML): each PDF's signatures checked now
            files.checked(unit, d.id(), access.user()).forEach(c -> {
                JsonObjectBuilder f = json(c.info(), "/api/t/" + unit.getCode() + "/documents/" + d.id() + "/files/" + c.info().id());
                if (c.check() != null) {
                    f.add("signature", c.check());
                }
                fileList.add(f);
            });
        } else {
            files.list(unit, d.id(), access.user()).forEach(f -> fileList.add(json(f, "/api/t/" + unit.getCode() + "/documents/" + d.id() + "/files/"
                    + f.id())));
        }
        if (d.deliveryId() != null) {
            // what came from another unit: each PDF's signatures checked now, for the handler to see
            files.sentChecked(unit, d.deliveryId()).forEach(c -> {
                JsonObjectBuilder f = json(c.info(), "/api/t/" + unit.getCode() + "/documents/queue/" + d.deliveryId() + "/files/" + c.info().id());
                if (c.check() != null) {
                    f.add("signature", c.check());
                }
                fileList.add(f);
            });
        }
        o.add("files", fileList);
        JsonArrayBuilder events = Jsonp.createArrayBuilder();
        handling.history(unit, d.id(), access.user()).forEach(e -> {
            JsonObjectBuilder ev = Jsonp.createObjectBuilder().add("action", e.action()).add("actor", e.actor()).add("at", e.at().toString());
            add(ev, "note", e.note());
            events.add(ev);
        });
        o.add("history", events);
        if (d.register().equals("outgoing")) {
            JsonArrayBuilder a = Jsonp.createArrayBuilder();
            registers.deliveries(unit, d.id()).forEach(v -> a.add(json(v)));
            o.add("deliveries", a);
            // organisations outside the platform, through the national axis: each one's status
            JsonArrayBuilder out = Jsonp.createArrayBuilder();
            outbound.statuses(unit, d.id()).forEach(v -> out.add(json(v)));
            o.add("outbound", out);
        } else if (d.deliveryId() != null) {
            registers.origin(unit, d.deliveryId()).ifPresent(v -> {
                o.add("withdrawn", v.status().equals("recalled"));
                if (v.status().equals("recalled")) {
                    o.add("withdrawnReason", v.reason());
                }
            });
        }
        return Response.ok(o.build()).build();
    }

    /** The draft goes to the leader. */
    @POST
    @Path("{id: [0-9]+}/submit")
    public Response submit(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "write");
        return Response.ok(json(outgoing.submit(unit, id, access.user()), unit).build()).build();
    }

    /** The leader: {@code {"approve": true, "note"?}} approves and signs; {@code {"approve": false, "note"}} returns it to draft. */
    @POST
    @Path("{id: [0-9]+}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response review(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        JsonValue approve = b.get("approve");
        if (approve == null || (approve.getValueType() != JsonValue.ValueType.TRUE && approve.getValueType() != JsonValue.ValueType.FALSE)) {
            throw Registers.invalid(Map.of("approve", List.of("Hãy nói duyệt (true) hay trả lại (false). / Say whether to approve (true) or return (false).")));
        }
        return Response.ok(json(outgoing.review(unit, id, b.getBoolean("approve"), text(b, "note"), access.user()), unit).build()).build();
    }

    /** A file (raw body, its content decides its type): {@code ?kind=main|attachment|scan&name=}. */
    @POST
    @Path("{id: [0-9]+}/files")
    @Consumes(MediaType.WILDCARD)
    public Response addFile(@PathParam("id") long id, @QueryParam("kind") String kind, @QueryParam("name") String name, byte[] content) {
        Tenant unit = access.require(DOMAIN, "write");
        Files.FileInfo f = files.add(unit, id, kind, name, content, access.user());
        String url = "/api/t/" + unit.getCode() + "/documents/" + id + "/files/" + f.id();
        return Response.created(URI.create(url)).entity(json(f, url).build()).build();
    }

    @GET
    @Path("{id: [0-9]+}/files/{file: [0-9]+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id, @PathParam("file") long file) {
        Tenant unit = access.require(DOMAIN, "read");
        return download(files.read(unit, id, file, access.user()).orElseThrow(() -> fileNotFound(file)));
    }

    @GET
    @Path("queue/{delivery: [0-9]+}/files/{file: [0-9]+}")
    @Produces(MediaType.WILDCARD)
    public Response sentFile(@PathParam("delivery") long delivery, @PathParam("file") long file) {
        Tenant unit = access.require(DOMAIN, "read");
        return download(files.readSent(unit, delivery, file).orElseThrow(() -> fileNotFound(file)));
    }

    private static Response download(Files.Content c) {
        String ascii = c.info().name().replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = java.net.URLEncoder.encode(c.info().name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(c.bytes(), c.info().contentType()).header("Content-Disposition", "attachment; filename=\"" + ascii
                        + "\"; filename*=UTF-8''" + encoded).header("ETag", "\"" + c.info().sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static ProblemException fileNotFound(long file) {
        return ProblemException.notFound("tệp số " + file, "file " + file);
    }

    /** The leader: {@code {"leadHandler", "supportHandlers"?: [usernames], "handleBy"?: dd/MM/yyyy, "direction"?}}. */
    @POST
    @Path("{id: [0-9]+}/direct")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response direct(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        return Response.ok(json(handling.direct(unit, id, text(b, "leadHandler"), strings(b, "supportHandlers"), text(b, "handleBy"),
                text(b, "direction"), access.user()), unit).build()).build();
    }

    /** A handler's note: {@code {"note"}}. */
    @POST
    @Path("{id: [0-9]+}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response note(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        Handling.Event e = handling.note(unit, id, text(body, "note"), access.user());
        return Response.status(201).entity(Jsonp.createObjectBuilder().add("action", e.action()).add("actor", e.actor()).add("note", e.note())
                .add("at", e.at().toString()).build()).build();
    }

    /** The lead handler closes it: {@code {"result"}}. */
    @POST
    @Path("{id: [0-9]+}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response done(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        return Response.ok(json(handling.finish(unit, id, text(body, "result"), access.user()), unit).build()).build();
    }

    /** What the logged-in person handles here, the most urgent first. */
    @GET
    @Path("work")
    public Response work() {
        Tenant unit = access.require(DOMAIN, "read");
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        handling.work(unit, access.user()).forEach(d -> a.add(json(d, unit)));
        return Response.ok(a.build()).build();
    }

    @POST
    @Path("{id: [0-9]+}/issue")
    public Response issue(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "write");
        return Response.ok(json(outgoing.issue(unit, id, access.user()), unit).build()).build();
    }

    /** {@code {"to": [unit codes], "subtree"?: true}}: the units named, and with subtree every active unit under this one. */
    @POST
    @Path("{id: [0-9]+}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        Outgoing.Sent sent = outgoing.send(unit, id, strings(b, "to"), b.getBoolean("subtree", false), access.user());
        return Response.ok(Jsonp.createObjectBuilder().add("delivered", codes(sent.delivered())).add("already", codes(sent.already()))
                .add("deliveredCount", sent.delivered().size()).build()).build();
    }

    /** The unit's organ id on the national document axis: {@code {"organId"}} (null when not set). */
    @GET
    @Path("exchange-identity")
    public Response exchangeIdentity() {
        Tenant unit = access.require(DOMAIN, "read");
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("unit", unit.getCode());
        identity.of(unit).ifPresentOrElse(id -> o.add("organId", id), () -> o.addNull("organId"));
        return Response.ok(o.build()).build();
    }

    /** The unit's administrators set its organ id: {@code {"organId": "000.00.16.H38"}}. */
    @jakarta.ws.rs.PUT
    @Path("exchange-identity")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setExchangeIdentity(JsonObject body) {
        Tenant unit = access.require("tenant", "admin");
        String id = identity.set(unit, text(body == null ? JsonValue.EMPTY_JSON_OBJECT : body, "organId"), access.user());
        return Response.ok(Jsonp.createObjectBuilder().add("unit", unit.getCode()).add("organId", id).build()).build();
    }

    /**
     * {@code {"to": ["000.00.00.G22" | {"id", "name"?}]}}: to organisations outside the platform through the national
     * document axis; each is queued (its signed edXML package in the outbox) and its status shown with the document.
     */
    @POST
    @Path("{id: [0-9]+}/send-external")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sendExternal(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        vn.egov.documents.control.Outbound.Queued q = outbound.send(unit, id, b.get("to"), access.user());
        JsonArrayBuilder queued = Jsonp.createArrayBuilder();
        q.queued().forEach(queued::add);
        JsonArrayBuilder already = Jsonp.createArrayBuilder();
        q.already().forEach(already::add);
        return Response.ok(Jsonp.createObjectBuilder().add("queued", queued).add("already", already).add("queuedCount", q.queued().size())
                .build()).build();
    }

    static JsonObjectBuilder json(vn.egov.documents.control.Outbound.Status v) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", v.id()).add("organId", v.organId()).add("organName", v.organName())
                .add("status", v.status()).add("attempts", v.attempts()).add("queuedBy", v.queuedBy());
        add(o, "axisId", v.axisId());
        add(o, "reason", v.reason());
        add(o, "lastError", v.lastError());
        add(o, "queuedAt", v.queuedAt());
        add(o, "sentAt", v.sentAt());
        add(o, "answeredAt", v.answeredAt());
        return o;
    }

    /** {@code {"reason"}}. */
    @POST
    @Path("{id: [0-9]+}/recall")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recall(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        return Response.ok(json(outgoing.recall(unit, id, text(body, "reason"), access.user()), unit).build()).build();
    }

    /** An issued document drafted as a dossier's result goes to the applicant as that result (the dossier ends). */
    @POST
    @Path("{id: [0-9]+}/result")
    public Response returnAsResult(@PathParam("id") long id) {
        Tenant unit = access.require(DOMAIN, "write");
        vn.egov.dossiers.api.DossierResults.Returned s = outgoing.returnAsResult(unit, id, access.user());
        return Response.ok(Jsonp.createObjectBuilder().add("dossier", s.code()).add("status", s.status()).build()).build();
    }

    @GET
    @Path("queue")
    @jakarta.transaction.Transactional
    @vn.egov.platform.persistence.TenantTransactional
    public Response queue() {
        Tenant unit = access.require(DOMAIN, "read");
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        List<Registers.Delivery> waiting = incoming.queue(unit);
        Map<Long, List<Files.FileInfo>> sentFiles = files.sent(unit, waiting.stream().map(Registers.Delivery::id).toList());
        waiting.forEach(v -> {
            JsonArrayBuilder fl = Jsonp.createArrayBuilder();
            sentFiles.getOrDefault(v.id(), List.of()).forEach(f -> fl.add(json(f, "/api/t/" + unit.getCode() + "/documents/queue/" + v.id() + "/files/" + f.id())));
            a.add(json(v).add("files", fl));
        });
        return Response.ok(a.build()).build();
    }

    @POST
    @Path("queue/{delivery: [0-9]+}/accept")
    public Response accept(@PathParam("delivery") long delivery, @QueryParam("despiteSignatures") boolean despiteSignatures) {
        Tenant unit = access.require(DOMAIN, "write");
        Doc d = incoming.accept(unit, delivery, despiteSignatures, access.user());
        return Response.created(URI.create("/api/t/" + unit.getCode() + "/documents/" + d.id())).entity(json(d, unit).build()).build();
    }

    /** {@code {"reason"}}. */
    @POST
    @Path("queue/{delivery: [0-9]+}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response giveBack(@PathParam("delivery") long delivery, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        return Response.ok(json(incoming.giveBack(unit, delivery, text(body, "reason"), access.user())).build()).build();
    }

    /**
     * An edXML package (QCVN 102:2016) from a system outside the platform, as the national document axis delivered it:
     * 201 with what now waits for the clerk; 422 {@code edxml-invalid} with every reason (in {@code errors}) when it is
     * incomplete, not addressed to this unit, unsigned, changed after signing or signed by an untrusted certificate.
     */
    @POST
    @Path("edxml")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    public Response receiveEdXml(byte[] xml) {
        Tenant unit = access.require(DOMAIN, "write");
        Exchange.Inbound in = exchange.receive(unit, xml, access.user());
        return Response.created(URI.create("/api/t/" + unit.getCode() + "/documents/edxml/" + in.id())).entity(json(in).build()).build();
    }

    /** What came from outside the platform and waits for the clerk, the most urgent first. */
    @GET
    @Path("edxml")
    public Response edXmlWaiting() {
        Tenant unit = access.require(DOMAIN, "read");
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        exchange.waiting(unit).forEach(in -> a.add(json(in)));
        return Response.ok(a.build()).build();
    }

    @POST
    @Path("edxml/{id: [0-9]+}/accept")
    public Response acceptEdXml(@PathParam("id") long id, @QueryParam("despiteSignatures") boolean despiteSignatures) {
        Tenant unit = access.require(DOMAIN, "write");
        Doc d = exchange.accept(unit, id, despiteSignatures, access.user());
        return Response.created(URI.create("/api/t/" + unit.getCode() + "/documents/" + d.id())).entity(json(d, unit).build()).build();
    }

    /** {@code {"reason"}}. */
    @POST
    @Path("edxml/{id: [0-9]+}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response returnEdXml(@PathParam("id") long id, JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        return Response.ok(json(exchange.giveBack(unit, id, text(body, "reason"), access.user())).build()).build();
    }

    static JsonObjectBuilder json(Exchange.Inbound in) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", in.id()).add("status", in.status()).add("fromOrganId", in.fromId())
                .add("from", in.fromName()).add("documentId", in.documentId()).add("numberSymbol", in.numberSymbol()).add("docType", in.docType())
                .add("abstract", in.abstractText()).add("urgency", in.urgency()).add("signedBy", in.signedBy());
        add(o, "signer", in.signer());
        add(o, "issuedOn", in.issuedOn());
        add(o, "dueDate", in.dueDate());
        add(o, "receivedAt", in.receivedAt());
        add(o, "reason", in.reason());
        if (in.incomingId() != null) {
            o.add("incomingId", in.incomingId());
        }
        return o;
    }

    /**
     * A paper document that arrived: {@code {"numberSymbol", "issuer", "docType", "abstract", "signer"?, "issuedOn"?, "receivedOn"?,
     * "urgency"?, "secrecy"?, "dueDate"?, "pageCount"?, "readers"?, "confirmDuplicate"?}}.
     */
    @POST
    @Path("incoming")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerPaper(JsonObject body) {
        Tenant unit = access.require(DOMAIN, "write");
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        Doc d = incoming.registerPaper(unit, new Incoming.Paper(text(b, "numberSymbol"), text(b, "issuer"), text(b, "docType"), text(b, "abstract"),
                text(b, "signer"), text(b, "issuedOn"), text(b, "receivedOn"), text(b, "urgency"), text(b, "secrecy"), text(b, "dueDate"),
                integer(b, "pageCount"), strings(b, "readers"), b.getBoolean("confirmDuplicate", false)), access.user());
        return Response.created(URI.create("/api/t/" + unit.getCode() + "/documents/" + d.id())).entity(json(d, unit).build()).build();
    }

    // ---- JSON

    static JsonObjectBuilder json(Doc d, Tenant unit) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", d.id()).add("unit", unit.getCode()).add("register", d.register())
                .add("status", d.status()).add("urgency", d.urgency()).add("docType", d.docType()).add("issuer", d.issuer())
                .add("abstract", d.abstractText()).add("createdBy", d.createdBy()).add("version", d.rowVersion());
        add(o, "secrecy", d.secrecy());
        add(o, "symbol", d.symbol());
        add(o, "numberSymbol", d.numberSymbol());
        add(o, "signer", d.signer());
        add(o, "place", d.place());
        add(o, "recipientsText", d.recipientsText());
        add(o, "issuedOn", d.issuedOn());
        add(o, "dueDate", d.dueDate());
        add(o, "receivedOn", d.receivedOn());
        if (d.number() != null) {
            o.add("year", d.year()).add("number", d.number());
        }
        if (d.pageCount() != null) {
            o.add("pageCount", d.pageCount());
        }
        if (d.deliveryId() != null) {
            o.add("deliveryId", d.deliveryId());
        }
        add(o, "registeredAt", d.registeredAt());
        Registers.Work w = d.work();
        add(o, "reviewedBy", w.reviewedBy());
        add(o, "reviewNote", w.reviewNote());
        add(o, "signedBy", w.signedBy());
        add(o, "signedAt", w.signedAt());
        add(o, "issuedBy", w.issuedBy());
        add(o, "directedBy", w.directedBy());
        add(o, "direction", w.direction());
        add(o, "leadHandler", w.leadHandler());
        if (!w.supportHandlers().isEmpty()) {
            o.add("supportHandlers", Jsonp.createArrayBuilder(w.supportHandlers()));
        }
        add(o, "handleBy", w.handleBy());
        add(o, "doneBy", w.doneBy());
        add(o, "doneAt", w.doneAt());
        add(o, "result", w.resultNote());
        add(o, "signatureWarning", w.signatureWarning());
        add(o, "dossier", w.dossierCode());
        return o;
    }

    static JsonObjectBuilder json(Files.FileInfo f, String url) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", f.id()).add("kind", f.kind()).add("name", f.name()).add("contentType", f.contentType())
                .add("size", f.size()).add("sha256", f.sha256()).add("url", url);
        if (f.signature() != null) {
            // signed here: what the check said right after signing (a file that came is checked when it is read instead)
            o.add("signature", Jsonp.createReader(new java.io.StringReader(f.signature())).readObject());
        }
        return o;
    }

    JsonObjectBuilder json(Delivery v) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", v.id()).add("from", code(v.fromId())).add("to", code(v.toId()))
                .add("status", v.status()).add("numberSymbol", v.numberSymbol()).add("issuer", v.issuer()).add("docType", v.docType())
                .add("urgency", v.urgency()).add("abstract", v.abstractText()).add("sentBy", v.sentBy());
        add(o, "reason", v.reason());
        add(o, "signer", v.signer());
        add(o, "issuedOn", v.issuedOn());
        add(o, "dueDate", v.dueDate());
        add(o, "sentAt", v.sentAt());
        add(o, "receivedAt", v.receivedAt());
        add(o, "answeredBy", v.answeredBy());
        add(o, "answeredAt", v.answeredAt());
        if (v.incomingId() != null) {
            o.add("incomingId", v.incomingId());
        }
        return o;
    }

    private String code(long tenantId) {
        return directory.byId(tenantId).map(Tenant::getCode).orElse(Long.toString(tenantId));
    }

    private JsonArrayBuilder codes(List<Long> ids) {
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        ids.forEach(id -> a.add(code(id)));
        return a;
    }

    private static void add(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    private static void add(JsonObjectBuilder o, String name, LocalDate value) {
        if (value != null) {
            o.add(name, Registers.DAY.format(value));
        }
    }

    private static void add(JsonObjectBuilder o, String name, Instant value) {
        if (value != null) {
            o.add(name, value.toString());
        }
    }

    static String text(JsonObject body, String field) {
        if (body == null || !body.containsKey(field) || body.isNull(field)) {
            return null;
        }
        return body.get(field) instanceof JsonString s ? s.getString() : body.get(field).toString();
    }

    static Integer integer(JsonObject body, String field) {
        if (body == null || !body.containsKey(field) || body.isNull(field)) {
            return null;
        }
        if (body.get(field) instanceof JsonNumber n && n.isIntegral()) {
            return n.intValue();
        }
        throw Registers.invalid(Map.of(field, List.of("Phải là một số nguyên. / Must be a whole number.")));
    }

    static List<String> strings(JsonObject body, String field) {
        List<String> out = new ArrayList<>();
        if (body != null && body.get(field) instanceof JsonArray arr) {
            arr.forEach(v -> out.add(v instanceof JsonString js ? js.getString() : v.toString()));
        } else if (body != null && body.get(field) instanceof JsonString one) {
            out.add(one.getString());
        }
        return out;
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("văn bản số " + id + " của đơn vị này", "document " + id + " of this unit");
    }
}
