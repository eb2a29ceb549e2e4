package vn.egov.procedures.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.web.Html;

/**
 * A procedure's process as an SVG diagram: the steps as boxes one under the other in their declared order (a step
 * that pauses the clock dashed, an end step with a double border), each with its role and working days; a
 * transition to the next box is a straight arrow, any other one an arc on the right, labelled with its name. The
 * same information is given as text next to it (the list of steps and transitions) for screen readers.
 */
final class ProcessDiagram {
    static final int BOX_W = 320;
    static final int BOX_H = 54;
    static final int GAP = 34;
    static final int LEFT = 10;

    private ProcessDiagram() {
    }

    static String svg(JsonNode process, boolean en) {
        List<JsonNode> steps = new ArrayList<>();
        process.path("steps").forEach(steps::add);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            at.put(steps.get(i).path("id").asText(), i);
        }
        List<JsonNode> arcs = new ArrayList<>();
        process.path("transitions").forEach(t -> {
            Integer from = at.get(t.path("from").asText());
            Integer to = at.get(t.path("to").asText());
            if (from != null && to != null && to != from + 1) {
                arcs.add(t);
            }
        });
        int width = LEFT + BOX_W + 60 + arcs.size() * 26 + 160;
        int height = steps.size() * (BOX_H + GAP) + 10;
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" aria-labelledby=\"process-title\"><title id=\"process-title\">")
                .append(en ? "The process, step by step" : "Quy trình xử lý, từng bước").append("</title>")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            int y = 5 + i * (BOX_H + GAP);
            boolean pauses = s.path("pausesClock").asBoolean(false);
            boolean end = s.path("end").asBoolean(false);
            b.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y).append("\" width=\"").append(BOX_W).append("\" height=\"").append(BOX_H)
                    .append("\" rx=\"6\" fill=\"").append(pauses ? "#fff8e1" : "#eef4fb").append("\" stroke=\"#333\" stroke-width=\"")
                    .append(end ? 3 : 1.5).append("\"").append(pauses ? " stroke-dasharray=\"6 4\"" : "").append("/>");
            b.append("<text x=\"").append(LEFT + 10).append("\" y=\"").append(y + 22).append("\" font-size=\"15\" font-weight=\"bold\">")
                    .append(Html.escape(s.path("name").asText())).append("</text>");
            b.append("<text x=\"").append(LEFT + 10).append("\" y=\"").append(y + 42).append("\" font-size=\"13\">")
                    .append(Html.escape(role(s.path("role").asText(), en))).append(" · ")
                    .append(pauses ? (en ? "clock paused" : "dừng tính thời gian") : days(s.path("days").asDouble(0), en)).append("</text>");
            if (i + 1 < steps.size() && linked(process, s.path("id").asText(), steps.get(i + 1).path("id").asText())) {
                int x = LEFT + BOX_W / 2;
                b.append("<line x1=\"").append(x).append("\" y1=\"").append(y + BOX_H).append("\" x2=\"").append(x).append("\" y2=\"")
                        .append(y + BOX_H + GAP - 2).append("\" stroke=\"#333\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
            }
        }
        for (int k = 0; k < arcs.size(); k++) {
            JsonNode t = arcs.get(k);
            int from = at.get(t.path("from").asText());
            int to = at.get(t.path("to").asText());
            int y1 = 5 + from * (BOX_H + GAP) + BOX_H / 2 + (to < from ? -8 : 8);
            int y2 = 5 + to * (BOX_H + GAP) + BOX_H / 2 + (to < from ? 8 : -8);
            int x = LEFT + BOX_W;
            int out = x + 30 + k * 26;
            b.append("<path d=\"M").append(x).append(',').append(y1).append(" C").append(out).append(',').append(y1).append(' ')
                    .append(out).append(',').append(y2).append(' ').append(x + 2).append(',').append(y2)
                    .append("\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\"/>");
            if (!t.path("name").asText("").isEmpty()) {
                b.append("<text x=\"").append(out + 4).append("\" y=\"").append((y1 + y2) / 2).append("\" font-size=\"12\">")
                        .append(Html.escape(t.path("name").asText())).append("</text>");
            }
        }
        return b.append("</svg>").toString();
    }

    private static boolean linked(JsonNode process, String from, String to) {
        for (JsonNode t : process.path("transitions")) {
            if (t.path("from").asText().equals(from) && t.path("to").asText().equals(to)) {
                return true;
            }
        }
        return false;
    }

    static String role(String role, boolean en) {
        return switch (role) {
            case "RECEIVER" -> en ? "one-stop desk" : "Bộ phận một cửa";
            case "HANDLER" -> en ? "handling officer" : "Chuyên viên xử lý";
            case "LEADER" -> en ? "leader" : "Lãnh đạo";
            case "APPLICANT" -> en ? "applicant" : "Người nộp hồ sơ";
            case "OTHER_AGENCY" -> en ? "another agency" : "Cơ quan khác";
            default -> role;
        };
    }

    static String days(double d, boolean en) {
        String n = d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d).replace('.', en ? '.' : ',');
        return n + (en ? " working day" + (d == 1 ? "" : "s") : " ngày làm việc");
    }
}
