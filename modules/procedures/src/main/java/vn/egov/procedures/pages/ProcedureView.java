package vn.egov.procedures.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.egov.platform.tenancy.entity.Tenant;
import vn.egov.platform.web.pages.Messages;
import vn.egov.platform.web.pages.Page;
import vn.egov.procedures.entity.Procedure;

/**
 * What {@code procedure.jte} shows of one procedure: its facts (label keys of the bundle and their lines of text),
 * the ways to submit it, its papers, what the online form asks, and its process (drawn and as a list).
 */
public record ProcedureView(String back, String name, List<Fact> facts, String apply, String pickup, List<Paper> papers, String steps,
                            List<Field> fields, ProcessDiagram.Diagram diagram, List<Step> process, List<Download> downloads) {

    /** A form template to download: its file's name, its size in words, its address. */
    public record Download(String name, String size, String href) {
    }

    /** A row of the facts table: the bundle key of its label and its value, one line or more. */
    public record Fact(String key, List<String> lines) {
    }

    /** A paper of the dossier: how many originals and copies, and its form to download (if any). */
    public record Paper(String name, boolean required, int originals, int copies, String template) {
    }

    /** A field the online form asks for. */
    public record Field(String label, boolean required) {
    }

    /** A step of the process as text: its name, who does it and its time. */
    public record Step(String name, String role, String time) {
    }

    static ProcedureView of(Tenant unit, Procedure p, int version, JsonNode d, Page page, String langQuery,
                            List<vn.egov.procedures.entity.FormTemplate> templates) {
        Messages t = page.t();
        String base = "/t/" + unit.getCode() + "/procedures";
        boolean online = false;
        boolean byPost = false;
        for (JsonNode c : d.path("channels")) {
            online |= c.asText().equals("online");
            byPost |= c.asText().equals("post");
        }
        List<Paper> papers = new ArrayList<>();
        d.path("papers").forEach(x -> papers.add(new Paper(x.path("name").asText(), x.path("required").asBoolean(true),
                x.path("originals").asInt(1), x.path("copies").asInt(0), x.hasNonNull("template") ? x.path("template").asText() : null)));
        List<Field> fields = new ArrayList<>();
        d.path("form").path("fields").forEach(f -> fields.add(new Field(f.path("label").asText(), f.path("required").asBoolean(false))));
        List<Step> process = new ArrayList<>();
        d.path("process").path("steps").forEach(s -> process.add(new Step(s.path("name").asText(),
                ProcessDiagram.role(s.path("role").asText(), t), ProcessDiagram.time(s, t))));
        String steps = d.path("steps").asText("");
        // the submission form itself asks for a citizen's or business's login first; so does the pick-up by post
        return new ProcedureView(base + langQuery, p.name(), facts(p, version, d, page), online ? base + "/" + p.code() + "/apply" : null,
                byPost ? base + "/" + p.code() + "/pickup" : null, papers, steps.isBlank() ? null : steps, fields,
                ProcessDiagram.of(d.path("process"), t), process, templates.stream().map(f -> new Download(f.name(),
                        TemplateSizes.of(f.size(), t), base + "/" + p.code() + "/forms/" + f.id())).toList());
    }

    private static List<Fact> facts(Procedure p, int version, JsonNode d, Page page) {
        Messages t = page.t();
        List<Fact> facts = new ArrayList<>();
        facts.add(fact("fact.code", p.code()));
        facts.add(fact("fact.sector", p.sector()));
        facts.add(fact("fact.level", t.text(p.level().key())));
        facts.add(fact("fact.online", CatalogueSite.online(p.onlineLevel(), page)));
        facts.add(fact("fact.timeLimit", ProcessDiagram.days(p.timeLimitDays().doubleValue(), t)));
        List<String> channels = new ArrayList<>();
        d.path("channels").forEach(c -> channels.add(t.has("channel." + c.asText()) ? t.text("channel." + c.asText()) : c.asText()));
        facts.add(fact("fact.channels", String.join(", ", channels)));
        NumberFormat money = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
        List<String> fees = new ArrayList<>();
        d.path("fees").forEach(f -> fees.add(f.path("description").asText() + ": "
                + (f.path("amount").asLong() == 0 ? t.text("fees.free") : t.text("fees.amount", money.format(f.path("amount").asLong())))));
        facts.add(new Fact("fact.fees", fees.isEmpty() ? List.of(t.text("fees.none")) : fees));
        facts.add(fact("fact.result", d.path("result").asText()));
        if (!d.path("conditions").asText("").isBlank()) {
            facts.add(fact("fact.conditions", d.path("conditions").asText()));
        }
        facts.add(fact("fact.legalBasis", d.path("legalBasis").asText()));
        facts.add(fact("fact.version", String.valueOf(version)));
        return facts;
    }

    private static Fact fact(String key, String value) {
        return new Fact(key, List.of(value));
    }
}
